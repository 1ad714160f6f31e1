// #15 playback at 600×: the wall page (the real client, built) in headless Chromium playing a window of the last
// days at 600×, against the same page live in the same run, on the default data's size (300 teams with a replay
// track, 24,000 sites, 400 days of appeals; the live page gets the fleet's 1 Hz frames of teams moving, an appeal
// every 2 s and a few sites changing status each second). Both pages
// count their long tasks (≥ 50 ms, PerformanceObserver) over the same time. #15 compares the long-task time a
// second; #15-keep says whether the playback keeps up: the whole wall's moments applied against the two a second
// asked for every 2 s, the fleet's frames against the four a second, and the playhead's speed.
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import type { Browser, CDPSession, Page } from 'playwright-core';
import { median, type BenchContext, type Result } from '../harness';
import { startSitroom, type BenchApp } from '../servers';
import { launchBrowser } from '../../tests/helpers/browser';
import { root } from '../../tests/helpers/server-process';
import { DAY, HOUR } from '../../server/domain/time';
import { fillAppeals, fillFleet, fillSites } from './time-travel';
import { buildCheckpoints, thinCheckpoints } from '../../server/history/site-states';
import { closeDays } from '../../server/year/close-days';

const NOW = Date.UTC(2026, 10, 23, 9);
const SPEED = 600;
const TZ = 'Asia/Yekaterinburg';

interface Stats { fullAsked: number; fullApplied: number; fleetAsked: number; fleetApplied: number; skipped: number; roundTripMs: number[] }
interface Diagnostics { vehicles: number; mapFrames: number; replayAt: number | null; replayStats: Stats | null }
type Win = { sitroom?: { diagnostics(): unknown }; longTasks: number[] };

const diagnostics = (page: Page) => page.evaluate(() => (window as unknown as Win).sitroom?.diagnostics() ?? null) as Promise<Diagnostics | null>;

async function openPage(browser: Browser, url: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  // every long task from the first script on
  await context.addInitScript(() => {
    (window as unknown as Win).longTasks = [];
    new PerformanceObserver((l) => { for (const e of l.getEntries()) (window as unknown as Win).longTasks.push(e.duration); }).observe({ type: 'longtask' });
  });
  const page = await context.newPage();
  await page.goto(url);
  return page;
}

async function waitFor(page: Page, ok: (d: Diagnostics) => boolean, ms = 120_000): Promise<void> {
  for (const deadline = Date.now() + ms; Date.now() < deadline; await new Promise((r) => setTimeout(r, 250))) {
    const d = await diagnostics(page).catch(() => null);
    if (d && ok(d)) return;
  }
  throw new Error(`the page did not get ready in ${ms} ms`);
}

/** the renderer's own accounts (seconds): scripts, style, layout, and every task (counted from Performance.enable
 *  on this session, so one session spans the watch) */
async function metrics(cdp: CDPSession): Promise<Record<string, number>> {
  const { metrics: m } = await cdp.send('Performance.getMetrics');
  return Object.fromEntries(m.map((x) => [x.name, x.value]));
}

interface Watched { tasks: number[]; before: Diagnostics; after: Diagnostics; ms: number; scriptS: number; taskS: number }

/** long tasks (ms each), the time spent in scripts and in all tasks, and the diagnostics before and after `ms` */
async function watch(page: Page, ms: number): Promise<Watched> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.evaluate(() => { (window as unknown as Win).longTasks.length = 0; });
  const before = (await diagnostics(page))!, m0 = await metrics(cdp), t0 = Date.now();
  await new Promise((r) => setTimeout(r, ms));
  const tasks = await page.evaluate(() => [...(window as unknown as Win).longTasks]);
  const m1 = await metrics(cdp);
  await cdp.detach();
  return { tasks, before, after: (await diagnostics(page))!, ms: Date.now() - t0,
    scriptS: (m1['ScriptDuration'] ?? 0) - (m0['ScriptDuration'] ?? 0), taskS: (m1['TaskDuration'] ?? 0) - (m0['TaskDuration'] ?? 0) };
}

/** the live path as a wall knows it: every team a little further each second, as the trackers would report, an
 *  appeal every 2 s (a weekday's daytime rate) and a few sites changing status: numbers and layers change */
function liveFeed(app: BenchApp, clock: { now(): number }): () => void {
  const { hub, ingest } = app.app.sitroom;
  let k = 0;
  const timer = setInterval(() => {
    const t = clock.now();
    hub.applyVehicles(hub.vehicles().map(({ index: _i, ...v }) => ({ ...v, lon: (v.lon ?? 56) + 0.001, lat: v.lat, fixAt: t, updatedAt: t })), t);
    if (k++ % 2 === 0) ingest.appeals([{ id: `live-${k}`, channel: 'social', category: 'roads', municipality: 'ufa', lon: 55.9 + (k % 10) / 100, lat: 54.7,
      receivedAt: new Date(t).toISOString() }], 'bench');
    const sites = hub.sites();
    hub.applyContainers(Array.from({ length: 5 }, (_, i) => sites[(k * 37 + i * 4801) % sites.length]!).map(({ index: _i, ...s }) => ({ ...s, volumeM3: 1.1,
      status: s.status === 'full' ? 'ok' : 'full', fill: s.status === 'full' ? 20 : 90, updatedAt: t })), t);
  }, 1000);
  return () => clearInterval(timer);
}

export async function playback(ctx: BenchContext): Promise<Result[]> {
  execFileSync(process.execPath, ['server/tools/ensure-client.mjs'], { cwd: root, stdio: 'ignore' });
  const seeded = await startSitroom({}, { autoStart: false });
  const store = seeded.app.sitroom.store;
  store.transaction(() => { fillAppeals(store, 400); fillFleet(store, 2); fillSites(store, 30); });
  // what the running server's jobs would have built by now: the sites' checkpoints and the year's closed days
  while (buildCheckpoints(store, TZ, NOW, 0)) thinCheckpoints(store, TZ, NOW);
  while (closeDays(store, TZ, NOW, 1000)) { /* every closed day */ }
  const dir = seeded.dir;
  await seeded.app.close();
  const started = Date.now();
  const clock = { now: () => NOW + (Date.now() - started) };
  let app: BenchApp | null = null, browser: Browser | null = null, stopTeams = () => undefined as void;
  try {
    app = await startSitroom({}, { autoStart: true, dir, clock });
    stopTeams = liveFeed(app, clock);
    browser = await launchBrowser();
    const watchMs = ctx.quick ? 20_000 : 45_000;
    const live = await openPage(browser, `${app.url}/?lang=en`);
    await waitFor(live, (d) => d.vehicles >= 300 && d.mapFrames > 3);
    const a = await watch(live, watchMs);
    await live.context().close();
    const from = new Date(NOW - 36 * HOUR).toISOString(), to = new Date(NOW - DAY / 2).toISOString();
    const replay = await openPage(browser, `${app.url}/?lang=en&from=${from}&to=${to}&speed=${SPEED}`);
    await waitFor(replay, (d) => d.replayAt !== null && (d.replayStats?.fullApplied ?? 0) >= 1 && d.mapFrames > 3);
    const b = await watch(replay, watchMs);
    return results(ctx, a, b);
  } finally {
    stopTeams();
    await browser?.close();
    await app?.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

function results(ctx: BenchContext, a: Watched, b: Watched): Result[] {
  const perSecond = (w: Watched) => w.tasks.reduce((x, y) => x + y, 0) / (w.ms / 1000);
  const scriptPerSecond = (w: Watched) => (w.scriptS * 1000) / (w.ms / 1000);
  const ratio = scriptPerSecond(b) / Math.max(1, scriptPerSecond(a));
  const s0 = b.before.replayStats!, s1 = b.after.replayStats!;
  const full = (s1.fullApplied - s0.fullApplied) / (b.ms / 2000), fleet = (s1.fleetApplied - s0.fleetApplied) / (b.ms / 250 - b.ms / 2000);
  const playhead = (b.after.replayAt! - b.before.replayAt!) / (b.ms * SPEED);
  const trips = s1.roundTripMs.slice(s0.roundTripMs.length);
  ctx.log(`  scripts: live ${scriptPerSecond(a).toFixed(0)} ms/s, playing ${scriptPerSecond(b).toFixed(0)} ms/s; all tasks: live ${(a.taskS * 1000 / (a.ms / 1000)).toFixed(0)} ms/s, playing ${(b.taskS * 1000 / (b.ms / 1000)).toFixed(0)} ms/s`);
  ctx.log(`  long tasks: live ${a.tasks.length} (${perSecond(a).toFixed(0)} ms/s), playing ×${SPEED} ${b.tasks.length} (${perSecond(b).toFixed(0)} ms/s); `
    + `whole-wall moments ${Math.round(full * 100)} % of those due, fleet frames ${Math.round(fleet * 100)} %, playhead at ${playhead.toFixed(2)}× its speed, `
    + `median round trip ${median(trips).toFixed(0)} ms, ${s1.skipped - s0.skipped} asks skipped while one was out`);
  return [
    { id: '15', what: `Script time a second of the wall playing at ${SPEED}×, vs the same wall live`, ratio, target: '≤ 2', met: ratio <= 2, noise: null,
      raw: { liveScriptMsPerS: Math.round(scriptPerSecond(a)), playScriptMsPerS: Math.round(scriptPerSecond(b)),
        liveTaskMsPerS: Math.round(a.taskS * 1000 / (a.ms / 1000)), playTaskMsPerS: Math.round(b.taskS * 1000 / (b.ms / 1000)) } },
    { id: '15-long', what: `Long-task time a second of the wall playing at ${SPEED}× (software WebGL), vs the same wall live`, ratio: perSecond(b) / Math.max(1, perSecond(a)),
      target: '≤ 1.5', met: perSecond(b) <= 1.5 * Math.max(1, perSecond(a)), noise: null,
      raw: { liveLongTasks: a.tasks.length, liveLongTaskMsPerS: Math.round(perSecond(a)), playLongTasks: b.tasks.length, playLongTaskMsPerS: Math.round(perSecond(b)),
        playLongestMs: Math.round(Math.max(0, ...b.tasks)), liveLongestMs: Math.round(Math.max(0, ...a.tasks)), watchedMs: b.ms } },
    { id: '15-keep', what: `Playback at ${SPEED}× keeps up: whole-wall moments applied of those due (one every 2 s)`, ratio: full, target: '≥ 0.9', met: full >= 0.9 && fleet >= 0.8, noise: null,
      raw: { fleetFramesShare: Number(fleet.toFixed(2)), playheadSpeedShare: Number(playhead.toFixed(2)), medianRoundTripMs: Math.round(median(trips)),
        skippedAsks: s1.skipped - s0.skipped } },
  ];
}
