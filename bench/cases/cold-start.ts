// #11 a powered-on screen's cold start: from navigation to live numbers on the wall (the appeals panel live) and to
// the first drawn map, in headless Chromium on an emulated office link (20 Mbit/s, 40 ms), each load with an empty
// cache. B is the wall as served now (pre-compressed copies, the map's code in its own chunk); A is the wall as it was
// served before (one bundle, built here with the map inlined, sent uncompressed), on the same server code and data.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import type { Browser } from 'playwright-core';
import { interleave, summarize, type BenchContext, type Result } from '../harness';
import { startSitroom, type BenchApp } from '../servers';
import { launchBrowser } from '../../tests/helpers/browser';

const here = path.dirname(fileURLToPath(import.meta.url));
const LINK = { offline: false, latency: 40, downloadThroughput: (20e6 / 8), uploadThroughput: (5e6 / 8) };

/** The wall as it was built before the map's chunk and the compressed copies: one bundle (dynamic imports inlined). */
async function buildBaseline(out: string): Promise<void> {
  await build({ configFile: path.join(here, '../../vite.config.ts'), logLevel: 'error', plugins: [],
    build: { outDir: out, emptyOutDir: true, rolldownOptions: { output: { codeSplitting: false } } } });
}

interface Load { numbersMs: number; mapMs: number }

/** One cold load (a new context: no cache), on the emulated link. */
async function coldLoad(browser: Browser, url: string): Promise<Load> {
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'ru-RU' });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', LINK);
    await page.goto(url, { waitUntil: 'commit' });
    const numbers = await page.waitForFunction(() => {
      const panel = document.querySelector('[data-panel="appeals-today"][data-stale="false"]') as HTMLElement | null;
      return panel && /\d/.test(panel.innerText) ? performance.now() : false;
    }, null, { polling: 20, timeout: 120_000 });
    const map = await page.waitForFunction(() => ((window.sitroom?.diagnostics().mapFrames as number | undefined) ?? 0) > 0 ? performance.now() : false,
      null, { polling: 20, timeout: 120_000 });
    return { numbersMs: await numbers.jsonValue() as number, mapMs: await map.jsonValue() as number };
  } finally {
    await context.close();
  }
}

export async function coldStart(ctx: BenchContext): Promise<Result[]> {
  const baselineDir = mkdtempSync(path.join(tmpdir(), 'sitroom-bench-wall-'));
  let before: BenchApp | null = null, now: BenchApp | null = null;
  const browser = await launchBrowser({ turn: false });
  try {
    await buildBaseline(baselineDir);
    before = await startSitroom({ SITROOM_CLIENT_DIR: baselineDir, SITROOM_STATIC_COMPRESSION: 'off' }, { autoStart: true });
    now = await startSitroom({}, { autoStart: true });
    const loads: Record<'a' | 'b', Load[]> = { a: [], b: [] };
    await coldLoad(browser, `${now.url}/`); // warm-up: the browser's own start, the server's first requests
    const rounds = ctx.quick ? 3 : 5;
    const pairs = await interleave(rounds, async () => { const l = await coldLoad(browser, `${before!.url}/`); loads.a.push(l); return l.numbersMs; },
      async () => { const l = await coldLoad(browser, `${now!.url}/`); loads.b.push(l); return l.numbersMs; });
    const numbers = summarize(pairs);
    const mapPairs = loads.b.map((l, i) => ({ a: loads.a[2 * i]!.mapMs, b: l.mapMs, a2: loads.a[2 * i + 1]!.mapMs }));
    const map = summarize(mapPairs);
    const raw = (s: ReturnType<typeof summarize>) => ({ beforeMs: Math.round(s.a), nowMs: Math.round(s.b), link: '20 Mbit/s, 40 ms' });
    return [
      { id: '11-numbers', what: 'Cold start to live numbers, served now vs before (one uncompressed bundle)', ratio: numbers.ratio, target: '≤ 0.60',
        met: numbers.ratio <= 0.6, noise: numbers.noise, raw: raw(numbers) },
      { id: '11-map', what: 'Cold start to the first drawn map, served now vs before', ratio: map.ratio, target: '≤ 1.00',
        met: map.ratio <= 1, noise: map.noise, raw: raw(map) },
    ];
  } finally {
    await browser.close();
    await before?.close();
    await now?.close();
    rmSync(baselineDir, { recursive: true, force: true });
  }
}
