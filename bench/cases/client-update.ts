// #7 client main-thread time per 1 Hz update (a 2,000-vehicle fleet frame and a 1 % status change of 24,000
// container sites) in headless Chromium, against the same page doing JSON.parse of the same update as JSON. The
// page (bench/client/) is built by Vite from the wall's own live modules and the live socket's decoder; it takes
// the messages exactly as a screen's socket hands them over. Each update is its own task; long tasks are counted.
import { createServer, type Server } from 'node:http';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { PacketType } from 'socket.io-parser';
import { encodeFleetFrame } from '../../server/protocol/fleet-frame';
import { encodeContainerChanges, encodeContainerColumns } from '../../server/protocol/container-columns';
import { Encoder } from '../../server/protocol/socket-parser';
import { CONTAINER_STATUSES } from '../../server/protocol/views';
import { EVENTS } from '../../server/protocol/live';
import { fixesOf, MUNICIPALITIES, OPERATORS, rng, siteChanges, sites, vehicles } from '../fixtures';
import { interleave, median, type BenchContext, type Result } from '../harness';
import { launchBrowser, openWall } from '../../tests/helpers/browser';
import type { RunResult, UpdateInput } from '../client/update-page';

const here = path.dirname(fileURLToPath(import.meta.url));
const NOW = Date.UTC(2026, 10, 23, 9);
const b64 = (u: Uint8Array) => Buffer.from(u.buffer, u.byteOffset, u.byteLength).toString('base64');

/** Ten different seconds of the live stream: the fleet moved a little each time, a fresh 1 % of sites changed. */
function updates(): UpdateInput[] {
  const fleet = vehicles(2000, NOW);
  const all = sites(24_000, NOW);
  const encoder = new Encoder();
  const r = rng(7);
  return Array.from({ length: 10 }, (_, k) => {
    const time = NOW + k * 1000;
    for (const v of fleet) { v.lon = Math.round((v.lon! + (r() - 0.5) * 0.002) * 1e6) / 1e6; v.lat = Math.round((v.lat! + (r() - 0.5) * 0.001) * 1e6) / 1e6; v.fixAt = time - Math.floor(r() * 3000); }
    const changes = siteChanges(all, 0.01, time, 100 + k);
    const [fleetMsg] = encoder.encode({ type: PacketType.EVENT, nsp: '/', data: [EVENTS.fleetFrame, encodeFleetFrame(fixesOf(fleet), k + 1, time)] }) as [Uint8Array];
    const [header, block] = encoder.encode({ type: PacketType.EVENT, nsp: '/', data: [EVENTS.delta,
      { topic: 'containers', seq: k + 1, time, payload: { added: [], changes: encodeContainerChanges(changes, time) } }] }) as [string, Uint8Array];
    return {
      fleet: b64(fleetMsg!), deltaHeader: header, deltaChanges: b64(block),
      // what the same update is as JSON (the event array socket.io would carry): one object a vehicle, one a change
      fleetJson: JSON.stringify([EVENTS.fleetFrame, { seq: k + 1, time, vehicles: fleet.map((v) => ({ id: v.id, lon: v.lon, lat: v.lat, speedKmh: v.speedKmh, heading: v.heading, status: v.status, fixAt: v.fixAt })) }]),
      deltaJson: JSON.stringify([EVENTS.delta, { topic: 'containers', seq: k + 1, time, payload: { added: [],
        changes: changes.map((c) => ({ id: all[c.index]!.id, fill: c.fill, status: c.status, servicedAt: c.servicedAt })) } }]),
    };
  });
}

/** The page built into a temporary folder and served from loopback, cross-origin isolated (so performance.now()
 *  is precise to microseconds rather than to 100 µs). */
async function servePage(): Promise<{ url: string; close(): void }> {
  const out = mkdtempSync(path.join(tmpdir(), 'sitroom-bench-page-'));
  await build({ configFile: false, root: path.join(here, '../client'), logLevel: 'error', build: { outDir: out, emptyOutDir: true } });
  const server: Server = createServer((req, res) => {
    const file = path.join(out, path.normalize(decodeURIComponent((req.url ?? '/').split('?')[0]!)).replace(/^(\.\.[/\\])+/, ''));
    let body: Buffer;
    try { body = readFileSync(file.endsWith(path.sep) ? path.join(file, 'index.html') : file); } catch { res.writeHead(404).end(); return; }
    const type = file.endsWith('.js') ? 'text/javascript' : file.endsWith('.html') || file.endsWith(path.sep) ? 'text/html' : 'application/octet-stream';
    res.writeHead(200, { 'content-type': type, 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp' }).end(body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, close() { server.close(); rmSync(out, { recursive: true, force: true }); } };
}

export async function clientUpdate(ctx: BenchContext): Promise<Result[]> {
  const page = await servePage();
  const browser = await launchBrowser();
  try {
    // the wall tests' page opener: loopback only, every other address refused and recorded
    const { page: tab, external } = await openWall(browser, page.url);
    await tab.waitForFunction(() => document.title === 'ready');
    const all = sites(24_000, NOW);
    const snapshot = { count: all.length, operators: OPERATORS, municipalities: MUNICIPALITIES, statuses: [...CONTAINER_STATUSES],
      columns: b64(encodeContainerColumns({ sites: all, operators: OPERATORS, municipalities: MUNICIPALITIES })) };
    await tab.evaluate(([s, u]) => (window as unknown as { sitroomBench: { setup(a: unknown, b: unknown): unknown } }).sitroomBench.setup(s, u), [snapshot, updates()] as const);
    const perRun = ctx.quick ? 20 : 60;
    const run = (kind: 'ours' | 'json') => tab.evaluate(([k, n]) =>
      (window as unknown as { sitroomBench: { run(k: string, n: number): Promise<RunResult> } }).sitroomBench.run(k, n), [kind, perRun] as const);
    // warm-up: the JIT compiles both paths before anything is timed
    await run('json'); await run('ours'); await run('ours');
    const ours: RunResult[] = [];
    const pairs = await interleave(ctx.rounds, async () => (await run('json')).perUpdateMs, async () => { const r = await run('ours'); ours.push(r); return r.perUpdateMs; });
    const state = await tab.evaluate(() => (window as unknown as { sitroomBench: { state(): { vehicles: number; frames: number; dropped: number; sites: number; precise: boolean } } }).sitroomBench.state());
    if (state.vehicles !== 2000 || state.dropped || state.sites !== 24_000) throw new Error(`the page did not take the updates: ${JSON.stringify(state)}`);
    if (external.length) throw new Error(`the page asked for non-loopback addresses: ${external.join(', ')}`);
    const ratio = median(pairs.map((p) => p.b / p.a));
    const noise = median(pairs.map((p) => Math.max(p.a, p.a2) / Math.min(p.a, p.a2))) - 1;
    const longTasks = ours.reduce((n, r) => n + r.longTasks, 0);
    const b = median(pairs.map((p) => p.b)), a = median(pairs.map((p) => p.a));
    ctx.log(`  ${(b * 1000).toFixed(0)} µs per update vs ${(a * 1000).toFixed(0)} µs JSON.parse; ${longTasks} long tasks in ${ours.length * perRun} updates (timer ${state.precise ? 'precise' : 'coarse'})`);
    return [
      { id: '7', what: 'Client main-thread time per 1 Hz update (2,000 vehicles + 240 sites), Chromium', ratio, target: '≤ 0.5', met: ratio <= 0.5, noise,
        raw: { oursUsPerUpdate: Math.round(b * 1000), jsonParseUsPerUpdate: Math.round(a * 1000), updatesPerRun: perRun, preciseTimer: state.precise, rounds: pairs } },
      { id: '7-long', what: 'Long tasks (≥ 50 ms) while taking updates', ratio: longTasks, target: '0', met: longTasks === 0, noise: null,
        raw: { updates: ours.length * perRun, maxTaskMs: Math.max(0, ...ours.map((r) => r.maxTaskMs)) } },
    ];
  } finally {
    await browser.close();
    page.close();
  }
}
