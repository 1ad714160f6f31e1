// A client that stops reading (a frozen tab, a half-dead link) while a lot is sent: the others keep their 1 Hz
// rhythm, what is queued for it stays bounded (SITROOM_SOCKET_BUFFER_MB), it is dropped at the transport, and once it
// reads again it reconnects by itself and resyncs to the server's state.
import { io, type Socket } from 'socket.io-client';
import { describe, expect, it } from 'vitest';
import { EVENTS, RECONNECT, type Delta, type SubscribeReply, type TopicSync } from '../../server/protocol/live';
import { liveSocketOptions } from '../../server/protocol/socket-parser';
import { KEY } from '../helpers/app';
import { until } from '../helpers/browser';
import { serverForFile } from '../helpers/server-process';

const server = serverForFile({ SITROOM_SOCKET_BUFFER_MB: '1' });
const sockets = server.sockets as Socket[];

const post = (kind: string, body: unknown) => fetch(`${server.url}/api/ingest/${kind}`, { method: 'POST',
  headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
const health = async () => (await (await fetch(`${server.url}/healthz`)).json()) as { counts: { appeals: number }; live: { droppedStalled: number } };

/** A screen keeping today's appeals the protocol's way (snapshot, ordered deltas, since N of its run after a reconnect). */
function appealsScreen() {
  const s = io(server.url, { transports: ['websocket'], forceNew: true, ...RECONNECT, ...liveSocketOptions() });
  sockets.push(s);
  const ids = new Set<string>();
  let seq = -1;
  let run: string | undefined;
  const frames: number[] = [];
  const sync = (r: TopicSync) => {
    if (r.topic !== 'appeals') return;
    if (r.mode === 'snapshot') { ids.clear(); (r.snapshot as { items: { id: string }[] }).items.forEach((a) => ids.add(a.id)); }
    else for (const d of r.deltas) apply(d);
    seq = r.seq;
  };
  const apply = (d: Delta) => { const p = d.payload as { upsert: { id: string }[]; remove: string[] }; p.upsert.forEach((a) => ids.add(a.id)); p.remove.forEach((id) => ids.delete(id)); };
  const subscribe = () => s.emit(EVENTS.subscribe, { ...(run ? { run } : {}), topics: [{ topic: 'appeals', ...(seq >= 0 ? { since: seq } : {}) }, { topic: 'fleet' }] },
    (r: SubscribeReply) => { if (r.ok) { run = r.run; r.results.forEach(sync); } });
  s.on('connect', subscribe);
  s.on(EVENTS.delta, (d: Delta) => { if (d.topic !== 'appeals' || seq < 0) return; if (d.seq !== seq + 1) { subscribe(); return; } apply(d); seq = d.seq; });
  s.on(EVENTS.fleetFrame, () => frames.push(Date.now()));
  return { socket: s, ids, frames, connected: new Promise<void>((r) => s.once('connect', () => r())) };
}

describe('a client that stops reading', () => {
  it('is dropped with a bounded buffer while the others keep their rhythm, then resyncs', async () => {
    expect((await post('positions', { positions: [{ vehicle: 'rhythm-1', at: Date.now(), lon: 55.9, lat: 54.7, status: 'free' }] })).status).toBe(200);
    const healthy = appealsScreen();
    const stalled = appealsScreen();
    await Promise.all([healthy.connected, stalled.connected]);
    await until(async () => stalled.frames.length > 0 && healthy.frames.length > 0, 10_000);
    // it stops reading: its TCP socket is paused, so the kernel's buffers fill and the server's queue grows
    const tcp = (stalled.socket.io.engine.transport as unknown as { ws: { _socket: { pause(): void; resume(): void } } }).ws._socket;
    tcp.pause();
    const start = Date.now();
    // a heavy load of deltas for at least 6 s (until it is dropped, and on): the healthy screen's beat is watched all along
    for (let b = 0; b < 60 && ((await health()).live.droppedStalled === 0 || Date.now() - start < 6000); b++) {
      const appeals = Array.from({ length: 4000 }, (_, i) => ({ id: `stall-${b}-${i}`, channel: 'social', category: 'roads', municipality: 'ufa',
        receivedAt: new Date(Date.now() - 1000).toISOString() }));
      expect((await post('appeals', { appeals })).status).toBe(200);
    }
    expect(await until(async () => (await health()).live.droppedStalled >= 1, 10_000), 'the stalled client was dropped').toBe(true);
    // the healthy screen never missed its 1 Hz beat by much while all this went on
    const during = healthy.frames.filter((t) => t >= start);
    const gaps = during.slice(1).map((t, i) => t - during[i]!);
    console.log(`healthy screen: ${during.length} frames, longest gap ${Math.max(...gaps)} ms; dropped after ${Date.now() - start} ms`);
    expect(during.length).toBeGreaterThanOrEqual(4);
    expect(Math.max(...gaps)).toBeLessThan(2500);

    tcp.resume(); // it reads again: it finds its connection closed, comes back and resyncs
    const server = async () => (await health()).counts.appeals;
    expect(await until(async () => stalled.socket.connected && stalled.ids.size === await server() && healthy.ids.size === await server(), 20_000),
      `stalled ${stalled.ids.size}, healthy ${healthy.ids.size}, server ${await server()}`).toBe(true);
  });
});
