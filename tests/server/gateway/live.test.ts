// Real app on a real port, real socket.io clients: snapshot then ordered deltas, resync after a reconnect, binary
// fleet frames, and an ingested appeal changing the indicators a connected client sees.
import { containerChangesList, decodeContainerChanges } from '../../../server/protocol/container-columns';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io, type Socket } from 'socket.io-client';
import { liveSocketOptions } from '../../../server/protocol/socket-parser';
import { authHeaders, connect, nextEvents, startApp, subscribe, type TestApp } from '../../helpers/app';
import { EVENTS, PROTOCOL_VERSION, type Delta, type Snapshots, type TopicSync } from '../../../server/protocol/live';
import { decodeFleetFrame } from '../../../server/protocol/fleet-frame';
import type { Summary } from '../../../server/protocol/summary';
import type { AppealView } from '../../../server/protocol/views';

let t: TestApp;
const sockets: Socket[] = [];
beforeAll(async () => { t = await startApp(); t.app.sitroom.jobs.refreshKpi(true); });
afterAll(async () => { sockets.forEach((s) => s.close()); await t.close(); });

const open = async () => { const s = await connect(t.url); sockets.push(s); return s; };
const post = (kind: string, items: unknown[]) => fetch(`${t.url}/api/ingest/${kind}`, {
  method: 'POST', headers: { ...authHeaders(), 'content-type': 'application/json' }, body: JSON.stringify({ [kind]: items }),
}).then(async (r) => ({ status: r.status, body: await r.json() }));
const appeal = (id: string, channel = 'social') =>
  ({ id, channel, category: 'housing_utilities', municipality: 'sibay', receivedAt: t.clock.now() - 1000 });

/** A client that applies snapshot + deltas for the appeals topic, as the wall will. */
function appealsMirror(socket: Socket) {
  const state = { seq: 0, items: new Map<string, AppealView>(), gaps: 0 };
  const apply = (sync: TopicSync) => {
    if (sync.mode === 'snapshot') {
      state.items = new Map((sync.snapshot as Snapshots['appeals']).items.map((a) => [a.id, a]));
    } else for (const d of sync.deltas) applyDelta(d as Delta<'appeals'>);
    state.seq = sync.seq;
  };
  const applyDelta = (d: Delta<'appeals'>) => {
    for (const a of d.payload.upsert) state.items.set(a.id, a);
    for (const id of d.payload.remove) state.items.delete(id);
    state.seq = d.seq;
  };
  socket.on(EVENTS.delta, (d: Delta) => {
    if (d.topic !== 'appeals') return;
    if (d.seq !== state.seq + 1) { state.gaps++; return; }
    applyDelta(d as Delta<'appeals'>);
  });
  return { state, apply };
}

describe('live protocol', () => {
  it('greets with the protocol version and server time', async () => {
    // listen before connecting: the hello is the first thing the server says
    const fresh = io(t.url, { transports: ['websocket'], forceNew: true, reconnection: false, ...liveSocketOptions() });
    sockets.push(fresh);
    const [hello] = await nextEvents<{ protocol: number; time: number }>(fresh, EVENTS.hello);
    expect(hello!.protocol).toBe(PROTOCOL_VERSION);
    expect(hello!.time).toBe(t.clock.now());
  });

  it('refuses a malformed subscribe, naming the field', async () => {
    const s = await open();
    const reply = await s.timeout(5000).emitWithAck(EVENTS.subscribe, { topics: [{ topic: 'weather' }] });
    expect(reply).toEqual({ ok: false, error: expect.stringContaining('topics/0/topic') });
  });

  it('sends a snapshot with a sequence number, then ordered deltas', async () => {
    const s = await open();
    const mirror = appealsMirror(s);
    const reply = await subscribe(s, [{ topic: 'appeals' }]);
    if (!reply.ok) throw new Error(reply.error);
    expect(reply.results[0]!.mode).toBe('snapshot');
    mirror.apply(reply.results[0]!);
    const deltas = nextEvents<Delta>(s, EVENTS.delta, 2);
    expect((await post('appeals', [appeal('live-1')])).status).toBe(200);
    expect((await post('appeals', [appeal('live-2'), appeal('live-3')])).status).toBe(200);
    const got = await deltas;
    expect(got.map((d) => d.seq)).toEqual([reply.results[0]!.seq + 1, reply.results[0]!.seq + 2]);
    expect(got.every((d) => d.time === t.clock.now())).toBe(true);
    expect([...mirror.state.items.keys()]).toEqual(expect.arrayContaining(['live-1', 'live-2', 'live-3']));
  });

  it('a client that reconnects catches up from its sequence number and ends with the server state', async () => {
    const s = await open();
    const mirror = appealsMirror(s);
    const first = await subscribe(s, [{ topic: 'appeals' }]);
    if (!first.ok) throw new Error(first.error);
    mirror.apply(first.results[0]!);
    s.disconnect();
    await post('appeals', [appeal('gap-1')]);
    await post('appeals', [{ id: 'live-1', status: 'answered' }]);
    s.connect();
    await new Promise<void>((r) => s.once('connect', () => r()));
    const again = await subscribe(s, [{ topic: 'appeals', since: mirror.state.seq }], first.run);
    if (!again.ok) throw new Error(again.error);
    expect(again.results[0]!.mode).toBe('replay');
    mirror.apply(again.results[0]!);
    const server = t.app.sitroom.hub.snapshot('appeals')!;
    expect(mirror.state.seq).toBe(t.app.sitroom.hub.seq('appeals'));
    expect(new Map(server.items.map((a) => [a.id, a]))).toEqual(mirror.state.items);
    expect(mirror.state.items.get('live-1')!.status).toBe('answered');
  });

  it('gives a fresh snapshot when the missed deltas are no longer kept', async () => {
    const s = await open();
    const reply = await subscribe(s, [{ topic: 'appeals', since: 10_000_000 }]);
    if (!reply.ok) throw new Error(reply.error);
    expect(reply.results[0]!.mode).toBe('snapshot');
  });

  it('an ingested appeal changes the counts a connected client sees', async () => {
    const s = await open();
    const reply = await subscribe(s, [{ topic: 'kpi' }]);
    if (!reply.ok) throw new Error(reply.error);
    let summary = (reply.results[0] as Extract<TopicSync<'kpi'>, { mode: 'snapshot' }>).snapshot as Summary;
    const before = summary.appeals.byChannel.find((c) => c.id === 'portal')!.today;
    const delta = nextEvents<Delta<'kpi'>>(s, EVENTS.delta);
    await post('appeals', [appeal('kpi-1', 'portal'), appeal('kpi-2', 'portal')]);
    t.app.sitroom.jobs.refreshKpi(); // the 1 s job, run by hand on the test clock
    const [d] = await delta;
    summary = { ...summary, ...d!.payload.sections };
    expect(summary.appeals.byChannel.find((c) => c.id === 'portal')!.today).toBe(before + 2);
    expect(d!.payload.sections.fleet).toBeUndefined(); // only the sections that changed travel
  });

  it('sends positions as one binary columnar frame that decodes to the right vehicles', async () => {
    const s = await open();
    const reply = await subscribe(s, [{ topic: 'fleet' }]);
    if (!reply.ok) throw new Error(reply.error);
    const registry = nextEvents<Delta<'fleet'>>(s, EVENTS.delta);
    const now = t.clock.now();
    await post('positions', [
      { vehicle: 'amb-a', at: now - 2000, lon: 55.9, lat: 54.7, speedKmh: 50, heading: 90, status: 'en_route' },
      { vehicle: 'amb-b', at: now - 1000, lon: 56.1, lat: 53.6, status: 'free' },
    ]);
    const [reg] = await registry;
    const index = new Map(reg!.payload.upsert.map((v) => [v.id, v.index]));
    const frame = nextEvents<ArrayBuffer | Uint8Array>(s, EVENTS.fleetFrame);
    t.app.sitroom.jobs.tickFleet();
    const [raw] = await frame;
    expect(raw instanceof Uint8Array || raw instanceof ArrayBuffer).toBe(true);
    const f = decodeFleetFrame(raw!);
    const row = (id: string) => [...f.index].indexOf(index.get(id)!);
    expect(f.count).toBe(2);
    expect(f.lon[row('amb-a')]).toBeCloseTo(55.9, 6);
    expect(f.lat[row('amb-b')]).toBeCloseTo(53.6, 6);
    expect(f.speedKmh[row('amb-a')]).toBe(50);
    expect(f.fixAgeS[row('amb-a')]).toBe(2);
    expect(f.status[row('amb-b')]).toBe(0);
  });

  it('sends a container change as the change, not the whole registry', async () => {
    const s = await open();
    const now = t.clock.now();
    await post('containers', Array.from({ length: 50 }, (_, i) => ({ id: `c-${i}`, at: now - 1000, lon: 55.95 + i * 0.001, lat: 54.72, fill: 10 })));
    const reply = await subscribe(s, [{ topic: 'containers' }]);
    if (!reply.ok) throw new Error(reply.error);
    const snap = (reply.results[0] as Extract<TopicSync<'containers'>, { mode: 'snapshot' }>).snapshot;
    expect(snap.count).toBe(50);
    const delta = nextEvents<Delta<'containers'>>(s, EVENTS.delta);
    await post('containers', [{ id: 'c-7', at: now, fill: 100 }]);
    const [d] = await delta;
    expect(d!.payload.added).toEqual([]);
    // a binary block of ~5 bytes a change, not objects
    expect(d!.payload.changes.byteLength).toBeLessThan(16 + 8);
    const index = t.app.sitroom.hub.sites().findIndex((x) => x.id === 'c-7');
    expect(containerChangesList(decodeContainerChanges(d!.payload.changes))).toEqual([{ index, fill: 100, status: 'overflowing', servicedAt: null }]);
  });
});
