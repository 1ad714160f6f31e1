// Visitor mode is the server's decision: a paired screen of a wall in visitor mode gets the visitor version of every
// topic whether or not it says which wall it shows; wall:state reaches visitor screens through the visitor view (a
// focus on a team becomes a place, never its callsign); a topic that lost its visitor view is never sent to them.
import { io, type Socket } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import { EVENTS, type Delta, type Snapshots, type SubscribeReply } from '../../../server/protocol/live';
import { WALL_EVENTS, type WallJoin, type WallState } from '../../../server/protocol/walls';
import { liveSocketOptions } from '../../../server/protocol/socket-parser';
import { TOPIC_DEFS } from '../../../server/topics';
import { adminHeaders, authHeaders, nextEvents, startApp, type TestApp } from '../../helpers/app';

let t: TestApp | null = null;
const sockets: Socket[] = [];
afterEach(async () => { sockets.forEach((s) => s.close()); sockets.length = 0; await t?.close(); t = null; });

const CALLSIGN = 'Иванов И. +79001234567';

/** A screen paired to main/1 through the real pairing routes; its token. */
async function pairScreen(app: TestApp): Promise<string> {
  const { code, ticket } = (await app.app.inject({ method: 'POST', url: '/api/pairing', remoteAddress: '10.1.2.3' })).json() as { code: string; ticket: string };
  expect((await app.app.inject({ method: 'POST', url: '/api/pairing/approve', headers: adminHeaders(), payload: { code, wall: 'main', screen: '1' } })).statusCode).toBe(201);
  const polled = (await app.app.inject({ method: 'POST', url: '/api/pairing/poll', payload: { ticket } })).json() as { token?: string };
  expect(polled.token).toEqual(expect.any(String));
  return polled.token!;
}

async function screenSocket(app: TestApp, token: string): Promise<Socket> {
  const s = io(app.url, { transports: ['websocket'], forceNew: true, reconnection: false, ...liveSocketOptions({ token }) });
  sockets.push(s);
  await new Promise<void>((resolve, reject) => { s.once('connect', () => resolve()); s.once('connect_error', reject); });
  return s;
}

async function seed(app: TestApp): Promise<void> {
  const now = app.clock.now();
  await app.app.inject({ method: 'POST', url: '/api/ingest/positions', headers: authHeaders(),
    payload: { positions: [{ vehicle: '+79001234567', at: now - 1000, lon: 55.97, lat: 54.74, status: 'en_route', callsign: CALLSIGN }] } });
  await app.app.inject({ method: 'POST', url: '/api/ingest/incidents', headers: authHeaders(),
    payload: { incidents: [{ id: 'ticket-777', type: 'fire', severity: 'severe', status: 'active', reportedAt: now - 5000, lon: 55.96, lat: 54.73, title: 'Пожар у Иванова' }] } });
}

const subscribeAll = (s: Socket) => s.timeout(5000).emitWithAck(EVENTS.subscribe, { topics: ['appeals', 'incidents', 'fleet', 'kpi'].map((topic) => ({ topic })) }) as Promise<SubscribeReply>;

describe('visitor mode on the server', () => {
  it('gives a paired screen the visitor version without wall:join, and the focus as a place', async () => {
    t = await startApp();
    await seed(t);
    const token = await pairScreen(t);
    expect((await t.app.inject({ method: 'POST', url: '/api/walls/main/mode', headers: adminHeaders(), payload: { mode: 'visitor' } })).statusCode).toBe(200);
    const s = await screenSocket(t, token);
    // it never says which wall it shows: the server knows from its pairing
    const reply = await subscribeAll(s);
    if (!reply.ok) throw new Error(reply.error);
    const text = JSON.stringify(reply);
    expect(text).not.toContain('+79001234567');
    expect(text).not.toContain('ticket-777');
    expect(text).not.toContain('Пожар');
    const fleet = reply.results.find((r) => r.topic === 'fleet') as { snapshot: Snapshots['fleet'] };
    expect(fleet.snapshot.vehicles[0]!.id).toBe('v0');

    // an operator focuses the wall on the team: the screen learns a place, not the callsign
    const join = (await s.timeout(5000).emitWithAck(WALL_EVENTS.join, { wall: 'main', screen: '1' })) as WallJoin;
    expect(join.state.mode).toBe('visitor');
    const states = nextEvents<WallState>(s, WALL_EVENTS.state);
    expect((await t.app.inject({ method: 'POST', url: '/api/walls/main/focus', headers: adminHeaders(), payload: { kind: 'vehicle', id: '+79001234567' } })).statusCode).toBe(200);
    const [state] = await states;
    expect(JSON.stringify(state)).not.toContain('79001234567');
    expect(JSON.stringify(state)).not.toContain('Иванов');
    expect(state!.focus).toMatchObject({ kind: 'vehicle', label_ru: 'Уфа', label_en: 'Ufa' });
  });

  it('moves a screen back to normal rooms when the mode ends, and fails closed for a topic without a visitor view', async () => {
    t = await startApp();
    await seed(t);
    const token = await pairScreen(t);
    await t.app.inject({ method: 'POST', url: '/api/walls/main/mode', headers: adminHeaders(), payload: { mode: 'visitor' } });
    const s = await screenSocket(t, token);
    const defs = TOPIC_DEFS as unknown as Record<string, { visitor?: unknown }>;
    const saved = defs.incidents!.visitor;
    delete defs.incidents!.visitor; // as if someone forgot it: the type forbids it, the run time must not leak
    try {
      const reply = await subscribeAll(s);
      if (!reply.ok) throw new Error(reply.error);
      expect(reply.results.map((r) => r.topic)).toEqual(['appeals', 'fleet', 'kpi']);
      const got: Delta[] = [];
      s.on(EVENTS.delta, (d: Delta) => got.push(d));
      await t.app.inject({ method: 'POST', url: '/api/ingest/incidents', headers: authHeaders(),
        payload: { incidents: [{ id: 'ticket-778', type: 'fire', severity: 'minor', status: 'active', reportedAt: t.clock.now() - 1000, lon: 55.9, lat: 54.7, title: 'секрет' }] } });
      await new Promise((r) => setTimeout(r, 300));
      expect(got.filter((d) => d.topic === 'incidents')).toEqual([]);
    } finally {
      defs.incidents!.visitor = saved;
    }
    const resub = nextEvents(s, WALL_EVENTS.resubscribe);
    await t.app.inject({ method: 'POST', url: '/api/walls/main/mode', headers: adminHeaders(), payload: { mode: 'normal' } });
    await resub;
    const normal = await subscribeAll(s);
    expect(JSON.stringify(normal)).toContain('ticket-778');
  });
});
