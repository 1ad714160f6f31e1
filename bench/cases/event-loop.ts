// #4 event-loop delay of the real app (jobs running, 2,000 vehicles, 24,000 sites) while it broadcasts to 200
// screens subscribed to every topic, ingests 2,000 positions/s and serves container snapshots, against the same
// server idle. The load comes from child processes; windows alternate idle / loaded.
import { fork } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { interleave, median, type BenchContext, type Result } from '../harness';
import { BENCH_KEY, seedLive, sleep, spawnClients, startSitroom } from '../servers';
import { sites, vehicles } from '../fixtures';

const here = path.dirname(fileURLToPath(import.meta.url));

async function window(ms: number): Promise<{ p99: number; max: number }> {
  const h = monitorEventLoopDelay({ resolution: 1 });
  h.enable();
  await sleep(ms);
  h.disable();
  return { p99: h.percentile(99) / 1e6, max: h.max / 1e6 };
}

export async function eventLoop(ctx: BenchContext): Promise<Result[]> {
  const now = Date.now();
  const sitroom = await startSitroom({}, { autoStart: true });
  seedLive(sitroom.app, vehicles(2000, now), sites(24_000, now), now);
  const screens = await spawnClients('sio-all', sitroom.url, 200);
  const ms = ctx.quick ? 1500 : 6000;
  const idle: { p99: number; max: number }[] = [];
  const loaded: { p99: number; max: number }[] = [];
  const producer = fork(path.join(here, '../load/producer.ts'), [sitroom.url, BENCH_KEY], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const ask = <T>(m: string) => new Promise<T>((resolve) => { producer.once('message', (r: T) => resolve(r)); producer.send(m); });
  await new Promise((r) => producer.once('message', r));
  try {
    const pairs = await interleave(ctx.rounds,
      async () => { const w = await window(ms); idle.push(w); return w.p99; },
      async () => {
        await ask('start');
        await sleep(300);
        const w = await window(ms);
        const { failures } = await ask<{ failures: number }>('pause');
        if (failures) throw new Error(`${failures} ingest requests failed under load`);
        await sleep(200); // the last requests are answered before the next idle window
        loaded.push(w);
        return w.p99;
      });
    // A/A: two idle windows per round
    const ratio = median(pairs.map((p) => p.b / p.a));
    const noise = median(pairs.map((p) => Math.max(p.a, p.a2) / Math.min(p.a, p.a2))) - 1;
    const maxLoaded = Math.max(...loaded.map((w) => w.max));
    ctx.log(`  p99 ${median(loaded.map((w) => w.p99)).toFixed(2)} ms loaded vs ${median(idle.map((w) => w.p99)).toFixed(2)} ms idle; max ${maxLoaded.toFixed(1)} ms`);
    return [
      { id: '4', what: 'Event-loop delay p99 under load (200 screens, 2,000 positions/s, snapshots)', ratio, target: '≤ 2', met: ratio <= 2, noise,
        raw: { loadedP99Ms: loaded.map((w) => w.p99), idleP99Ms: idle.map((w) => w.p99), windowMs: ms } },
      { id: '4-max', what: 'Event-loop delay max under load, ms', ratio: maxLoaded, target: '< 50', met: maxLoaded < 50, noise: null,
        raw: { loadedMaxMs: loaded.map((w) => w.max), idleMaxMs: idle.map((w) => w.max) } },
    ];
  } finally {
    producer.send('stop');
    await screens.close();
    await sitroom.close();
  }
}
