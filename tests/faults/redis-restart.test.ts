// Two real Sitroom servers sharing one database file and a real Redis (SITROOM_REDIS_URL): screens on either server
// see the same live state; writes sent to the follower are stored by the primary; after Redis restarts, both sets
// of screens converge again. Runs when Debian's redis-server is installed (.ci/run installs it).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { Socket } from 'socket.io-client';
import { ADMIN, KEY, connect, tempDir } from '../helpers/app';
import { freePort, startServer, stopServer } from '../helpers/server-process';
import { EVENTS, TOPICS, type Delta, type Snapshots, type SubscribeReply, type Topic, type TopicSync } from '../../server/protocol/live';
import { WALL_EVENTS, type WallState } from '../../server/protocol/walls';
import { containerChangesList, decodeContainerChanges, decodeContainerColumns } from '../../server/protocol/container-columns';

const REDIS = ['/usr/bin/redis-server', '/usr/local/bin/redis-server'].find((p) => existsSync(p)) ?? null;

async function startRedis(port: number): Promise<ChildProcess> {
  const child = spawn(REDIS!, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  for (let i = 0; i < 100; i++) {
    if (spawnSync('redis-cli', ['-p', String(port), 'ping'], { encoding: 'utf8' }).stdout?.trim() === 'PONG') return child;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('redis-server did not start');
}

/** What a screen holds after snapshot + deltas, per topic, plus its sequence numbers. */
function screenMirror(socket: Socket) {
  const seq = new Map<Topic, number>();
  const appeals = new Map<string, string>();
  const incidents = new Map<string, string>();
  const sites = new Map<number, string>();
  let resyncs = 0;
  const apply = (d: Delta) => {
    if (d.topic === 'appeals' || d.topic === 'incidents') {
      const m = d.topic === 'appeals' ? appeals : incidents;
      const p = d.payload as Delta<'appeals' | 'incidents'>['payload'];
      for (const v of p.upsert) m.set(v.id, v.status);
      for (const id of p.remove) m.delete(id);
    }
    if (d.topic === 'containers') {
      const p = d.payload as Delta<'containers'>['payload'];
      for (const a of p.added) sites.set(a.index, `${a.lon.toFixed(5)}:${a.fill}:${a.status}`);
      for (const c of containerChangesList(decodeContainerChanges(p.changes))) { const id = sites.get(c.index)?.split(':')[0]; sites.set(c.index, `${id}:${c.fill}:${c.status}`); }
    }
  };
  const sync = (r: TopicSync) => {
    if (r.mode === 'snapshot') {
      if (r.topic === 'appeals') { appeals.clear(); for (const a of (r.snapshot as Snapshots['appeals']).items) appeals.set(a.id, a.status); }
      if (r.topic === 'incidents') { incidents.clear(); for (const i of (r.snapshot as Snapshots['incidents']).items) incidents.set(i.id, i.status); }
      if (r.topic === 'containers') {
        sites.clear();
        const snap = r.snapshot as Snapshots['containers'];
        for (const s of decodeContainerColumns({ ...snap, columns: new Uint8Array(snap.columns) })) sites.set(s.index, `${s.lon.toFixed(5)}:${s.fill}:${s.status}`);
      }
    } else for (const d of r.deltas) apply(d as Delta);
    seq.set(r.topic, r.seq);
  };
  let run: string | undefined;
  const subscribe = (topics: readonly Topic[], since: boolean) => new Promise<void>((resolve) => {
    socket.emit(EVENTS.subscribe, { ...(run ? { run } : {}), topics: topics.map((topic) => (since && seq.has(topic) ? { topic, since: seq.get(topic) } : { topic })) },
      (reply: SubscribeReply) => { if (reply.ok) { run = reply.run; reply.results.forEach(sync); } resolve(); });
  });
  socket.on(EVENTS.delta, (d: Delta) => {
    const last = seq.get(d.topic);
    if (last === undefined || d.seq <= last) return;
    if (d.seq !== last + 1) { resyncs++; void subscribe([d.topic], true); return; }
    seq.set(d.topic, d.seq);
    apply(d);
  });
  socket.on(WALL_EVENTS.resubscribe, () => { resyncs++; seq.clear(); void subscribe(TOPICS, false); });
  return {
    ready: subscribe(TOPICS, false),
    state: () => JSON.stringify({
      seq: Object.fromEntries([...seq].filter(([t]) => t !== 'kpi' && t !== 'fleet').sort()),
      appeals: [...appeals].sort(), incidents: [...incidents].sort(), sites: [...sites].sort((a, b) => a[0] - b[0]),
    }),
    resyncs: () => resyncs,
  };
}

async function converge(mirrors: ReturnType<typeof screenMirror>[], expectFn: (state: string) => boolean, ms = 20_000): Promise<string> {
  const deadline = Date.now() + ms;
  for (;;) {
    const states = mirrors.map((m) => m.state());
    if (states.every((s) => s === states[0]) && expectFn(states[0]!)) return states[0]!;
    if (Date.now() > deadline) throw new Error(`screens did not converge:\n${states.join('\n')}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe.skipIf(!REDIS)('two servers through Redis', () => {
  const tmp = tempDir();
  let redisPort = 0;
  let redis: ChildProcess | null = null;
  let primary: ChildProcess | null = null;
  let follower: ChildProcess | null = null;
  let pUrl = '';
  let fUrl = '';
  const sockets: Socket[] = [];

  beforeAll(async () => {
    redisPort = await freePort();
    redis = await startRedis(redisPort);
    const env = { SITROOM_REDIS_URL: `redis://127.0.0.1:${redisPort}`, SITROOM_LOG_LEVEL: 'warn' };
    const [p1, p2] = [await freePort(), await freePort()];
    primary = await startServer(tmp.dir, p1, env);
    // the follower starts once the primary holds the lock, on the same database file
    follower = await startServer(tmp.dir, p2, env);
    pUrl = `http://127.0.0.1:${p1}`;
    fUrl = `http://127.0.0.1:${p2}`;
  }, 240_000);

  afterAll(async () => {
    for (const s of sockets) s.close();
    if (follower) await stopServer(follower);
    if (primary) await stopServer(primary);
    redis?.kill('SIGKILL');
    tmp.remove();
  });

  const post = (url: string, kind: string, items: unknown[]) => fetch(`${url}/api/ingest/${kind}`, {
    method: 'POST', headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' }, body: JSON.stringify({ [kind]: items }),
  });
  const appeal = (id: string) => ({ id, channel: 'social', category: 'roads', municipality: 'ufa', receivedAt: new Date(Date.now() - 60_000).toISOString() });
  // each site at its own longitude: screens know a site by its index and position (the snapshot carries no ids)
  const LON: Record<string, number> = { 'cl-site-1': 55.97, 'cl-site-2': 55.98 };
  const site = (id: string, fill: number) => ({ id, at: Date.now() - 1000, lon: LON[id]!, lat: 54.73, fill, operator: 'central' });

  it('elects one primary and tells which server is which; the primary\'s run is the one that counts', async () => {
    const p = await (await fetch(`${pUrl}/healthz`)).json() as { cluster?: { role: string }; run: string };
    const f = await (await fetch(`${fUrl}/healthz`)).json() as { cluster?: { role: string }; run: string };
    expect(p.cluster?.role).toBe('primary');
    expect(f.cluster?.role).toBe('follower');
    expect(f.run).toBe(p.run);
    // a screen moving from one server to the other keeps counting: the follower replays the primary's numbers
    const onP = await connect(pUrl);
    const onF = await connect(fUrl);
    sockets.push(onP, onF);
    const a = await new Promise<SubscribeReply>((r) => onP.emit(EVENTS.subscribe, { topics: [{ topic: 'appeals' }] }, r));
    if (!a.ok) throw new Error(a.error);
    const b = await new Promise<SubscribeReply>((r) => onF.emit(EVENTS.subscribe, { run: a.run, topics: [{ topic: 'appeals', since: a.results[0]!.seq }] }, r));
    expect(b.ok && b.run).toBe(p.run);
    expect(b.ok && b.results[0]!.mode).toBe('replay');
  });

  it('screens on both servers converge after writes through either server; a refused write stores nothing', async () => {
    const mirrors = [];
    for (const url of [pUrl, pUrl, fUrl, fUrl]) {
      const s = await connect(url);
      sockets.push(s);
      const m = screenMirror(s);
      await m.ready;
      mirrors.push(m);
    }
    // through the follower: it forwards to the primary, which stores and broadcasts; the answer comes back unchanged
    const viaFollower = await post(fUrl, 'appeals', [appeal('cl-1'), appeal('cl-2')]);
    expect(viaFollower.status).toBe(200);
    expect((await post(fUrl, 'containers', [site('cl-site-1', 20), site('cl-site-2', 95)])).status).toBe(200);
    expect((await post(pUrl, 'incidents', [{ id: 'cl-inc', type: 'fire', severity: 'severe', municipality: 'ufa', reportedAt: Date.now() - 5000 }])).status).toBe(200);
    const bad = await post(fUrl, 'appeals', [appeal('cl-3'), { ...appeal('cl-4'), channel: 'pigeon' }]);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { field: string }).field).toBe('appeals/1/channel');
    const unauth = await fetch(`${fUrl}/api/ingest/appeals`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"appeals":[]}' });
    expect(unauth.status).toBe(401);

    const state = await converge(mirrors, (s) => s.includes('cl-1') && s.includes('55.98000:95:full') && s.includes('cl-inc'));
    expect(state).not.toContain('cl-3');
    // the follower's reads come from the same database
    const fromFollower = await (await fetch(`${fUrl}/api/appeals?limit=50`, { headers: { authorization: `Bearer ${ADMIN}` } })).json() as { items: { id: string }[] };
    expect(fromFollower.items.map((a) => a.id)).toEqual(expect.arrayContaining(['cl-1', 'cl-2']));
  });

  it('a wall action sent to the follower reaches the screens of both servers', async () => {
    const onP = await connect(pUrl);
    const onF = await connect(fUrl);
    sockets.push(onP, onF);
    for (const s of [onP, onF]) await new Promise((r) => s.emit(WALL_EVENTS.join, { wall: 'main', screen: '1' }, r));
    const states = [onP, onF].map((s) => new Promise<WallState>((resolve) => s.on(WALL_EVENTS.state, (st: WallState) => { if (st.scene === 'fleet') resolve(st); })));
    const res = await fetch(`${fUrl}/api/walls/main/scene`, { method: 'POST', headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ scene: 'fleet' }) });
    expect(res.status).toBe(200);
    const [a, b] = await Promise.all(states);
    expect(a!.version).toBe(b!.version);
    // the action is logged once, by the primary, under the operator who made it
    const log = await (await fetch(`${fUrl}/api/walls/main/log`, { headers: { authorization: `Bearer ${ADMIN}` } })).json() as { action: string }[];
    expect(log.filter((x) => x.action === 'scene')).toHaveLength(1);
  });

  it('after Redis restarts, the screens of both servers converge again, including changes made while it was down', async () => {
    const mirrors = [];
    for (const url of [pUrl, fUrl]) {
      const s = await connect(url);
      sockets.push(s);
      const m = screenMirror(s);
      await m.ready;
      mirrors.push(m);
    }
    await converge(mirrors, (s) => s.includes('cl-1'));
    redis!.kill('SIGKILL');
    await new Promise((r) => redis!.once('exit', r));
    // the primary goes on storing and serving its own screens while Redis is away
    expect((await post(pUrl, 'appeals', [appeal('cl-down')])).status).toBe(200);
    expect((await post(pUrl, 'containers', [site('cl-site-1', 77)])).status).toBe(200);
    await new Promise((r) => setTimeout(r, 1000));
    expect(mirrors[1]!.state()).not.toContain('cl-down');
    redis = await startRedis(redisPort);
    expect((await post(pUrl, 'appeals', [appeal('cl-after')])).status).toBe(200);
    const state = await converge(mirrors, (s) => s.includes('cl-down') && s.includes('cl-after') && s.includes('55.97000:77:'), 30_000);
    expect(state).toContain('cl-2');
    // and writes through the follower work again
    expect((await post(fUrl, 'appeals', [appeal('cl-final')])).status).toBe(200);
    await converge(mirrors, (s) => s.includes('cl-final'));
  }, 60_000);
});
