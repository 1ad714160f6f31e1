// Nothing a socket sends can hurt the server (a real server process, so a crash would show as its exit): a subscribe
// flood, repeated and unknown topics and fields, odd payloads for every event, events without acks. Each gets an
// answer naming the field and the limit, or its connection is cut; the server and its other clients go on.
import { io, type Socket } from 'socket.io-client';
import { describe, expect, it } from 'vitest';
import { EVENTS, TOPICS, type Delta, type SubscribeReply } from '../../server/protocol/live';
import { WALL_EVENTS } from '../../server/protocol/walls';
import { liveSocketOptions } from '../../server/protocol/socket-parser';
import { KEY, connect, nextEvents, subscribe } from '../helpers/app';
import { serverForFile } from '../helpers/server-process';

const server = serverForFile();
const sockets = server.sockets as Socket[];

const open = async () => { const s = await connect(server.url); sockets.push(s); return s; };
const ask = (s: Socket, event: string, payload: unknown): Promise<unknown> => s.timeout(5000).emitWithAck(event, payload);
const alive = async () => (await fetch(`${server.url}/healthz`)).ok && server.process!.exitCode === null;
const postAppeal = (id: string) => fetch(`${server.url}/api/ingest/appeals`, { method: 'POST', headers: { authorization: `Bearer ${KEY}`,
  'content-type': 'application/json' }, body: JSON.stringify({ appeals: [{ id, channel: 'social', category: 'roads', municipality: 'ufa',
    receivedAt: new Date(Date.now() - 1000).toISOString() }] }) });

describe('socket input', () => {
  it('cuts a 400 KB subscribe of 25,000 topics; the server and another client go on', async () => {
    const bystander = await open();
    const first = await subscribe(bystander, [{ topic: 'appeals' }]);
    expect(first.ok).toBe(true);
    const flooder = await open();
    const cut = new Promise<string>((r) => flooder.once('disconnect', (reason) => r(reason)));
    flooder.emit(EVENTS.subscribe, { topics: Array.from({ length: 25_000 }, () => ({ topic: 'kpi' })) }, () => undefined);
    expect(await cut).toMatch(/transport (close|error)|parse error/);
    const delta = nextEvents<Delta>(bystander, EVENTS.delta);
    expect((await postAppeal('after-flood')).status).toBe(200);
    expect((await delta)[0]!.topic).toBe('appeals');
    expect(await alive()).toBe(true);
  });

  it('answers a subscribe over the limits with the field and the limit, and stores no rooms for it', async () => {
    const s = await open();
    const many = (await ask(s, EVENTS.subscribe, { topics: Array.from({ length: 3000 }, () => ({ topic: 'kpi' })) })) as SubscribeReply;
    expect(many).toEqual({ ok: false, error: `topics: at most ${TOPICS.length} (one per topic), got 3000` });
    const twice = (await ask(s, EVENTS.subscribe, { topics: [{ topic: 'kpi' }, { topic: 'kpi' }] })) as SubscribeReply;
    expect(twice).toEqual({ ok: false, error: expect.stringContaining('topics/1/topic: "kpi" is asked for twice') });
    const field = (await ask(s, EVENTS.subscribe, { topics: [{ topic: 'kpi', evil: 1 }] })) as SubscribeReply;
    expect(field).toEqual({ ok: false, error: 'topics/0/evil: unknown field' });
    const top = (await ask(s, EVENTS.subscribe, { topics: [], __proto__x: 1 })) as SubscribeReply;
    expect(top).toEqual({ ok: false, error: expect.stringContaining('__proto__x: unknown field') });
    const since = (await ask(s, EVENTS.subscribe, { topics: [{ topic: 'kpi', since: 1e300 }] })) as SubscribeReply;
    expect(since).toEqual({ ok: false, error: expect.stringContaining('topics/0/since') });
    const run = (await ask(s, EVENTS.subscribe, { run: 'x'.repeat(5000), topics: [] })) as SubscribeReply;
    expect(run).toEqual({ ok: false, error: expect.stringContaining('run: ') });
    expect(await alive()).toBe(true);
  });

  it('survives odd payloads for every event, and events nobody handles', async () => {
    const s = await open();
    const odd: unknown[] = [null, 42, 'x', [], [1, 2], { wall: 'x'.repeat(10_000) }, { wall: 'main', screen: {} }, { wall: { toString: 1 } },
      { wall: 'main', screen: '1', extra: true }, { version: 'NaN' }, { version: 1e308 }];
    for (const payload of odd) {
      for (const event of [WALL_EVENTS.join, EVENTS.subscribe, EVENTS.unsubscribe]) {
        const reply = (await ask(s, event, payload)) as { ok?: boolean; error?: string };
        expect(reply.error ?? (reply.ok === true ? null : 'no error'), `${event} ${JSON.stringify(payload).slice(0, 60)}`).toEqual(expect.any(String));
      }
      s.emit(WALL_EVENTS.ready, payload);
      s.emit(WALL_EVENTS.time, payload);
      s.emit(EVENTS.consoleJoin, payload);
      s.emit(EVENTS.subscribe, payload); // no ack
      s.emit('no-such-event', payload);
    }
    const join = (await ask(s, WALL_EVENTS.join, { wall: 'main', screen: '1' })) as { state?: unknown };
    expect(join.state).toBeDefined();
    expect(await alive()).toBe(true);
    expect(s.connected).toBe(true);
  });

  it('a client without Sitroom\'s parser asking for the fleet gets it (as JSON positions), never a refusal', async () => {
    const plain = io(server.url, { transports: ['websocket'], forceNew: true, reconnection: false });
    sockets.push(plain);
    await new Promise<void>((r) => plain.once('connect', () => r()));
    const reply = (await ask(plain, EVENTS.subscribe, { topics: [{ topic: 'fleet' }, { topic: 'kpi' }] })) as SubscribeReply;
    expect(reply.ok).toBe(true);
    if (reply.ok) expect(reply.results.map((r) => r.topic)).toEqual(['fleet', 'kpi']);
    expect(liveSocketOptions().auth).toBeDefined();
  });
});
