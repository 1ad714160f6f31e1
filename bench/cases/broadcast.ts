// #2 server CPU per delivered fleet tick to 10, 50 and 200 screens, and #3 tick-to-screen latency at 200, against a
// bare `ws` server writing one pre-built frame of the same bytes to every socket. Sitroom's side is the real app:
// the hub encodes the frame from 2,000 vehicles and the gateway broadcasts it to the fleet room. The screens live
// in a child process. The two-server case: the tick happens on the primary, the screens are on the follower, and
// the CPU of both servers (both in this process) is counted.
import { WebSocketServer, type WebSocket } from 'ws';
import type { AddressInfo } from 'node:net';
import { encodeFleetFrame } from '../../server/protocol/fleet-frame';
import { fixesOf, vehicles } from '../fixtures';
import { interleave, median, percentile, summarize, type BenchContext, type Result } from '../harness';
import { seedLive, sleep, spawnClients, startRedis, startSitroom, type Clients } from '../servers';

const NOW = Date.UTC(2026, 10, 23, 9);

interface Run { cpuPerTickUs: number; latencies: number[]; delivered: number }

/** Sends `ticks` frames at an interval, then waits until every screen has every frame; CPU and arrivals. */
async function measure(ticks: number, everyMs: number, n: number, clients: Clients, send: (seq: number) => void, sent: Map<number, number>): Promise<Run> {
  await clients.reset();
  sent.clear();
  const before = process.cpuUsage();
  for (let i = 0; i < ticks; i++) { send(i + 1); await sleep(everyMs); }
  let stats = await clients.stats();
  for (let w = 0; w < 100 && stats.received < ticks * n; w++) { await sleep(20); stats = await clients.stats(); }
  const cpu = process.cpuUsage(before);
  const latencies = stats.arrivals.filter(([seq]) => sent.has(seq)).map(([seq, t]) => t - sent.get(seq)!);
  return { cpuPerTickUs: (cpu.user + cpu.system) / ticks, latencies, delivered: stats.received };
}

export async function broadcast(ctx: BenchContext): Promise<Result[]> {
  const fleet = vehicles(2000, NOW);
  const frameBytes = encodeFleetFrame(fixesOf(fleet), 1, NOW);
  const ticks = ctx.quick ? 8 : 20;
  const every = 60;
  const results: Result[] = [];
  const now = () => performance.timeOrigin + performance.now();

  const bare = await bareWs(frameBytes, now);
  const { url: wsUrl, send: wsSend, sent: wsSent } = bare;

  const sitroom = await startSitroom();
  seedLive(sitroom.app, fleet, [], NOW);
  const hub = sitroom.app.sitroom.hub;
  const sioSent = new Map<number, number>();
  let frameSeqBase = hub.image().frameSeq;
  const sioSend = (seq: number) => { sioSent.set(frameSeqBase + seq, now()); hub.tickFleet(NOW); };

  try {
    for (const n of ctx.quick ? [10, 200] : [10, 50, 200]) {
      const wsClients = await spawnClients('ws', wsUrl, n);
      const sioClients = await spawnClients('sio', sitroom.url, n);
      const runs: { a: Run[]; b: Run[] } = { a: [], b: [] };
      const pairs = await interleave(ctx.rounds,
        async () => { const r = await measure(ticks, every, n, wsClients, wsSend, wsSent); runs.a.push(r); return r.cpuPerTickUs; },
        async () => { frameSeqBase = hub.image().frameSeq; const r = await measure(ticks, every, n, sioClients, sioSend, sioSent); runs.b.push(r); return r.cpuPerTickUs; });
      const s = summarize(pairs);
      results.push({ id: `2-${n}`, what: `Server CPU per tick delivered to ${n} screens`, ratio: s.ratio, target: '≤ 1.3', met: s.ratio <= 1.3, noise: s.noise,
        raw: { oursUsPerTick: Math.round(s.b), wsUsPerTick: Math.round(s.a), ticks, frameBytes: frameBytes.byteLength, rounds: pairs } });
      ctx.log(`  ${n} screens: ${Math.round(s.b)} µs vs ${Math.round(s.a)} µs CPU per tick`);
      if (n === 200) results.push(latencyResult('3', 'Tick-to-screen latency p99 at 200 screens', runs));
      await wsClients.close();
      await sioClients.close();
    }
  } finally {
    bare.close();
    await sitroom.close();
  }

  const redis = await startRedis();
  if (!redis) {
    results.push({ id: '2/3-cluster', what: 'Two servers through Redis', ratio: Number.NaN, target: '≤ 1.3', met: false, noise: null, raw: {},
      note: 'redis-server is not installed (apt-get install redis-server); the two-server case was not measured' });
    return results;
  }
  const primary = await startSitroom({ SITROOM_REDIS_URL: redis.url });
  const follower = await startSitroom({ SITROOM_REDIS_URL: redis.url }, { dir: primary.dir });
  try {
    seedLive(primary.app, fleet, [], NOW);
    await sleep(500);
    const n = 200;
    const phub = primary.app.sitroom.hub;
    const clusterSent = new Map<number, number>();
    const clusterSend = (seq: number) => { clusterSent.set(frameSeqBase + seq, now()); phub.tickFleet(NOW); };
    const bare2 = await bareWs(frameBytes, now);
    const { send: ws2Send, sent: ws2Sent } = bare2;
    const wsClients = await spawnClients('ws', bare2.url, n);
    const onFollower = await spawnClients('sio', follower.url, n);
    const runs: { a: Run[]; b: Run[] } = { a: [], b: [] };
    const pairs = await interleave(ctx.rounds,
      async () => { const r = await measure(ticks, every, n, wsClients, ws2Send, ws2Sent); runs.a.push(r); return r.cpuPerTickUs; },
      async () => { frameSeqBase = phub.image().frameSeq; const r = await measure(ticks, every, n, onFollower, clusterSend, clusterSent); runs.b.push(r); return r.cpuPerTickUs; });
    const s = summarize(pairs);
    results.push({ id: '2-cluster', what: 'Server CPU per tick, primary → Redis → follower → 200 screens (both servers counted)', ratio: s.ratio,
      target: '≤ 1.3', met: s.ratio <= 1.3, noise: s.noise, raw: { oursUsPerTick: Math.round(s.b), wsUsPerTick: Math.round(s.a), rounds: pairs } });
    results.push(latencyResult('3-cluster', 'Tick-to-screen latency p99, two servers through Redis, 200 screens', runs));
    ctx.log(`  two servers, 200 screens: ${Math.round(s.b)} µs vs ${Math.round(s.a)} µs CPU per tick`);
    await wsClients.close();
    await onFollower.close();
    bare2.close();
  } finally {
    await follower.close();
    await primary.close();
    redis.stop();
  }
  return results;
}

/** The baseline: a bare ws server writing one pre-built frame (the same bytes, its sequence number patched in) to
 *  every socket. */
async function bareWs(frameBytes: Uint8Array, now: () => number) {
  const wss = new WebSocketServer({ port: 0, host: '127.0.0.1', perMessageDeflate: false });
  await new Promise((r) => wss.once('listening', r));
  const sockets = new Set<WebSocket>();
  wss.on('connection', (s) => { sockets.add(s); s.on('close', () => sockets.delete(s)); });
  const sent = new Map<number, number>();
  return {
    url: `ws://127.0.0.1:${(wss.address() as AddressInfo).port}`,
    sent,
    send(seq: number): void {
      const frame = Buffer.from(frameBytes);
      frame.writeUInt32LE(seq, 8);
      sent.set(seq, now());
      for (const s of sockets) s.send(frame, { binary: true });
    },
    close(): void { for (const s of sockets) s.terminate(); wss.close(); },
  };
}

function latencyResult(id: string, what: string, runs: { a: Run[]; b: Run[] }): Result {
  // runs.a holds both baseline runs of each round (A and A/A); the first of each round pairs with B
  const perRound = runs.b.map((b, i) => ({ a: percentile(runs.a[i * 2]!.latencies, 99), b: percentile(b.latencies, 99) }));
  const ratio = median(perRound.map((r) => r.b / r.a));
  const all = { a: runs.a.flatMap((r) => r.latencies), b: runs.b.flatMap((r) => r.latencies) };
  return { id, what, ratio, target: '≤ 2', met: ratio <= 2, noise: null,
    raw: { p50Ms: { ours: percentile(all.b, 50), ws: percentile(all.a, 50) }, p99Ms: { ours: percentile(all.b, 99), ws: percentile(all.a, 99) }, perRound } };
}
