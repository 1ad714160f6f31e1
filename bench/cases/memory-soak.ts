// #9 memory over a long run: the real app with the simulator at 2,000 teams and 24,000 sites, and the real wall in
// headless Chromium. Sampled after a forced collection on both sides: the server's RSS and JS heap, the wall's JS heap,
// DOM nodes and event listeners (Chrome DevTools Protocol). The baseline is the first part of the same run: the
// first 5 minutes of 30 with --soak; the quick run is a 15-second smoke version (first 5 s against last 5 s) that
// catches a fast leak only. Ratio = median of the last window / median of the first; DOM nodes and listeners must
// stay flat (max of the last window within 2 % of the max of the first).
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { median, settle, type BenchContext, type Result } from '../harness';
import { sleep, startSitroom } from '../servers';
import { launchBrowser, openWall } from '../../tests/helpers/browser';

const here = path.dirname(fileURLToPath(import.meta.url));

interface Sample { t: number; rssMb: number; heapMb: number; wallHeapMb: number; nodes: number; listeners: number }

export async function memorySoak(ctx: BenchContext): Promise<Result[]> {
  // the wall as npm start serves it (built once if missing or older than its sources)
  execFileSync(process.execPath, [path.join(here, '../../server/tools/ensure-client.mjs')], { stdio: 'inherit' });
  const totalMs = ctx.soak ? 30 * 60_000 : 15_000;
  const windowMs = ctx.soak ? 5 * 60_000 : 5_000;
  const everyMs = ctx.soak ? 20_000 : 2_000;
  const sitroom = await startSitroom({ SITROOM_SIM: 'on', SITROOM_SIM_TEAMS: '2000', SITROOM_SIM_SITES: '24000', SITROOM_SIM_BACKFILL_DAYS: '0' }, { autoStart: true });
  const browser = await launchBrowser();
  try {
    const wall = await openWall(browser, sitroom.url);
    const diagnostics = () => wall.page.evaluate(() => (window as unknown as { sitroom?: { diagnostics(): { fleetFrames: number; containerSites: number } } }).sitroom?.diagnostics() ?? null);
    for (let i = 0; i < 120; i++) {
      const d = await diagnostics();
      if (d && d.fleetFrames > 2 && d.containerSites > 0) break;
      if (i === 119) throw new Error('the wall never showed the live fleet and container sites');
      await sleep(500);
    }
    const cdp = await wall.context.newCDPSession(wall.page);
    await cdp.send('Performance.enable');
    const samples: Sample[] = [];
    const started = Date.now();
    const framesBefore = (await diagnostics())!.fleetFrames;
    while (Date.now() - started <= totalMs) {
      settle();
      const mem = process.memoryUsage();
      await cdp.send('HeapProfiler.collectGarbage');
      const { metrics } = await cdp.send('Performance.getMetrics');
      const m = (name: string) => metrics.find((x) => x.name === name)?.value ?? Number.NaN;
      samples.push({ t: Date.now() - started, rssMb: mem.rss / 2 ** 20, heapMb: mem.heapUsed / 2 ** 20, wallHeapMb: m('JSHeapUsedSize') / 2 ** 20,
        nodes: m('Nodes'), listeners: m('JSEventListeners') });
      if (ctx.soak && samples.length % 15 === 0) ctx.log(`  ${Math.round((Date.now() - started) / 60_000)} min: ${JSON.stringify(samples.at(-1))}`);
      await sleep(everyMs);
    }
    const framesDuring = (await diagnostics())!.fleetFrames - framesBefore;
    if (wall.errors.length) throw new Error(`the wall threw: ${wall.errors.join('; ')}`);
    if (wall.external.length) throw new Error(`the wall asked for non-loopback addresses: ${wall.external.join(', ')}`);
    const last = samples.at(-1)!.t;
    const first = samples.filter((s) => s.t <= windowMs);
    const end = samples.filter((s) => s.t >= last - windowMs);
    const growth = (k: keyof Sample) => median(end.map((s) => s[k])) / median(first.map((s) => s[k]));
    const peak = (k: keyof Sample) => Math.max(...end.map((s) => s[k])) / Math.max(...first.map((s) => s[k]));
    const span = ctx.soak ? '30 min, first 5 min as baseline' : '15 s smoke run, first 5 s as baseline';
    const raw = { samples, fleetFramesDuring: framesDuring, windowMs, totalMs };
    ctx.log(`  server RSS ×${growth('rssMb').toFixed(3)}, heap ×${growth('heapMb').toFixed(3)}; wall heap ×${growth('wallHeapMb').toFixed(3)}, DOM nodes ×${peak('nodes').toFixed(3)}, listeners ×${peak('listeners').toFixed(3)} (${samples.length} samples, ${framesDuring} fleet frames)`);
    const row = (id: string, what: string, ratio: number, target: string, limit: number): Result =>
      ({ id, what: `${what} (${span})`, ratio, target, met: ratio <= limit, noise: null, raw: id === '9-rss' ? raw : {} });
    return [
      row('9-rss', 'Server RSS, end / baseline', growth('rssMb'), '≤ 1.10', 1.10),
      row('9-heap', 'Server JS heap, end / baseline', growth('heapMb'), '≤ 1.10', 1.10),
      row('9-wall-heap', 'Wall JS heap, end / baseline', growth('wallHeapMb'), '≤ 1.10', 1.10),
      // flat: a ticker swapping rows moves the count by a few nodes either way; a leak grows it by thousands
      row('9-dom', 'Wall DOM nodes, peak end / peak baseline', peak('nodes'), '≤ 1.02 (flat)', 1.02),
      row('9-listeners', 'Wall event listeners, peak end / peak baseline', peak('listeners'), '≤ 1.02 (flat)', 1.02),
    ];
  } finally {
    await browser.close();
    await sitroom.close();
  }
}
