// #12 and #13, the duty officer's desk in headless Chromium with 2,000 teams and 24,000 container sites live:
// #12 a card's open time, from the click on a team on the map to its card drawn with its data, against the time of
// the same card's plain fetch in the same page (what the data alone costs); #13 the main-thread time of picking what
// is under the pointer, against the straightforward way (projecting every point to the screen and taking the
// nearest), at the same points.
import type { Page } from 'playwright-core';
import { BENCH_ADMIN, seedLive, startSitroom } from '../servers';
import { sites, vehicles } from '../fixtures';
import { interleave, median, summarize, type BenchContext, type Result } from '../harness';
import { launchBrowser } from '../../tests/helpers/browser';

const NOW = Date.now();

async function openDesk(page: Page, url: string): Promise<void> {
  await page.goto(`${url}/desk?lang=en`);
  await page.waitForFunction(() => window.sitroomDesk?.ready() === true, null, { timeout: 120_000, polling: 250 });
  await page.waitForTimeout(2000); // the live buffers filled: every team and site is pickable
}

/** From a pointer press on the team's place to its card in the page with its data (the DOM change, seen by a
 *  MutationObserver: polling by animation frames would add this machine's software-rendered frame times), in ms. */
async function cardOpen(page: Page, lon: number, lat: number, id: string): Promise<number> {
  await page.keyboard.press('Escape');
  await page.waitForTimeout(1500); // an officer's clicks are not back to back: the previous card's own calls settle
  const p = await page.evaluate(([x, y]) => window.sitroomDesk!.project(x!, y!), [lon, lat]);
  await page.evaluate((cardId) => {
    const w = window as unknown as { t0: number; opened: number | null };
    w.opened = null;
    addEventListener('pointerdown', () => { w.t0 = performance.now(); }, { once: true, capture: true });
    const seen = new MutationObserver(() => {
      if (!document.querySelector(`[data-card="vehicle"][data-id="${cardId}"][data-loaded="true"]`)) return;
      w.opened = performance.now() - w.t0;
      seen.disconnect();
    });
    seen.observe(document.body, { subtree: true, childList: true, attributes: true });
  }, id);
  await page.mouse.click(p.x, p.y);
  const done = await page.waitForFunction(() => (window as unknown as { opened: number | null }).opened ?? false, null, { polling: 50, timeout: 10_000 });
  return await done.jsonValue() as number;
}

const plainFetch = (page: Page, id: string) => page.evaluate(async (cardId) => {
  const t0 = performance.now();
  await (await fetch(`/api/cards/vehicle/${encodeURIComponent(cardId)}`, { headers: { authorization: `Bearer ${localStorage.getItem('sitroom.console-token')}` } })).json();
  return performance.now() - t0;
}, id);

/** Main-thread time of n picks at random points of the map: ours, and projecting every point (ms per pick). */
const hover = (page: Page, ours: boolean, n: number) => page.evaluate(([mine, count, pts]) => {
  const box = document.querySelector('.d-map')!.getBoundingClientRect();
  // a fixed walk over the map (an inline generator: helpers declared inside an evaluated function get renamed)
  let seed = 7;
  const t0 = performance.now();
  for (let k = 0; k < count; k++) {
    seed = (seed * 16807) % 2147483647;
    const x = (seed / 2147483647) * box.width;
    seed = (seed * 16807) % 2147483647;
    const y = (seed / 2147483647) * box.height;
    if (mine) { window.sitroomDesk!.pickAt(x, y); continue; }
    let best = 100, found = -1;
    for (let i = 0; i < pts.length; i += 2) {
      const [px, py] = window.sitroomDesk!.projectRaw(pts[i]!, pts[i + 1]!);
      const d = (px - x) ** 2 + (py - y) ** 2;
      if (d < best) { best = d; found = i; }
    }
    if (found < -1) throw new Error('unreachable');
  }
  return (performance.now() - t0) / count;
}, [ours, n, points] as const);
let points: number[] = [];

export async function desk(ctx: BenchContext): Promise<Result[]> {
  // jobs not started: one fleet frame is sent by hand, so the software-rendered map (SwiftShader here) is drawn once and
  // then idle, and what is timed is the desk's work, not this machine's WebGL redrawing 24,000 sites every second
  const app = await startSitroom({ SITROOM_ADMIN_TOKEN: BENCH_ADMIN }, { autoStart: false });
  const fleet = vehicles(2000, NOW), all = sites(24_000, NOW);
  seedLive(app.app, fleet, all, NOW);
  points = [...fleet.flatMap((v) => [v.lon!, v.lat!]), ...all.flatMap((s) => [s.lon, s.lat])];
  const browser = await launchBrowser({ turn: false });
  try {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    await context.addInitScript((token) => localStorage.setItem('sitroom.console-token', token), BENCH_ADMIN);
    const page = await context.newPage();
    await openDesk(page, app.url);
    app.app.sitroom.hub.tickFleet(NOW);
    // the frame has reached the page when a team can be picked where it is
    await page.waitForFunction(([lon, lat]) => {
      const d = window.sitroomDesk!, p = d.project(lon!, lat!), box = document.querySelector('.d-map')!.getBoundingClientRect();
      return d.pickAt(p.x - box.left, p.y - box.top) === 'vehicle';
    }, [fleet[0]!.lon, fleet[0]!.lat], { timeout: 60_000, polling: 250 });
    await page.waitForTimeout(5000);
    const rounds = ctx.quick ? 5 : 9;
    const team = (k: number) => fleet[(k * 37) % fleet.length]!;
    let k = 0;
    const cards = await interleave(rounds, () => plainFetch(page, team(k).id), async () => { const v = team(k++); return cardOpen(page, v.lon!, v.lat!, v.id); });
    const picks = await interleave(rounds, () => hover(page, false, ctx.quick ? 3 : 5), () => hover(page, true, 200));
    const c = summarize(cards), h = summarize(picks);
    const opens = cards.map((x) => x.b);
    return [
      // the budget is absolute (a card within 300 ms of the click); the ratio says what the desk adds to the data
      { id: '12', what: 'Desk: click on a team to its card drawn, vs the same card\'s plain fetch', ratio: c.ratio, target: 'open ≤ 300 ms',
        met: median(opens) <= 300, noise: c.noise, raw: { cardOpenMs: Math.round(median(opens)), plainFetchMs: Math.round(c.a), maxOpenMs: Math.round(Math.max(...opens)) } },
      { id: '13', what: 'Desk: main thread per hover pick (2,000 teams + 24,000 sites), vs projecting every point', ratio: h.ratio, target: '≤ 3 ms a pick',
        met: h.b <= 3, noise: h.noise, raw: { oursMs: Number(h.b.toFixed(3)), projectingMs: Number(h.a.toFixed(1)) } },
    ];
  } finally {
    await browser.close();
    await app.close();
  }
}
