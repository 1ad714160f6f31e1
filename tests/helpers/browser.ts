// Real headless Chromium (Debian's /usr/bin/chromium through playwright-core) for the wall's tests. Every request the
// page makes to a host other than loopback is refused and recorded, so a test can fail on it.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { root } from './server-process';

export const CHROMIUM = process.env.SITROOM_CHROMIUM ?? '/usr/bin/chromium';
export const ARTIFACTS = path.join(root, 'tests', 'artifacts');
// every page is a screen in front of someone: none is throttled as a background window would be (the kiosk
// launcher passes the same three)
const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-background-timer-throttling', '--disable-renderer-backgrounding',
  '--disable-backgrounding-occluded-windows'];

// One browser test file at a time: software WebGL for several walls at once on a two-core machine would make every
// timing in them (a scene switch within 100 ms) a measure of the machine's load instead of the wall's behaviour.

const LOCK = path.join(tmpdir(), 'sitroom-browser-tests.lock');
export async function browserTurn(): Promise<() => void> {
  for (;;) {
    try {
      mkdirSync(LOCK);
      writeFileSync(path.join(LOCK, 'pid'), String(process.pid));
      const release = () => rmSync(LOCK, { recursive: true, force: true });
      process.once('exit', release);
      return release;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      let owner = 0;
      try { owner = Number(readFileSync(path.join(LOCK, 'pid'), 'utf8')); } catch { /* being written */ }
      if (owner) { try { process.kill(owner, 0); } catch { rmSync(LOCK, { recursive: true, force: true }); continue; } } // its owner died
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}

/** Chromium for one test file; by default it waits for its turn (timing-sensitive walls). `turn: false` is for a
 *  file that only loads a light page and measures no time (it then runs beside the others). */
export async function launchBrowser(options: { turn?: boolean } = {}): Promise<Browser> {
  const release = options.turn === false ? () => undefined : await browserTurn();
  // playwright starts Chromium headless with a fresh temporary profile (its own --user-data-dir) every launch
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS, headless: true });
  browser.on('disconnected', release);
  return browser;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);
export const isLoopback = (url: string): boolean => {
  const u = new URL(url);
  return !/^(https?|wss?):$/.test(u.protocol) || LOOPBACK.has(u.hostname);
};

export interface WallPage { context: BrowserContext; page: Page; external: string[]; errors: string[] }

export async function openWall(browser: Browser, url: string, viewport = { width: 1920, height: 1080 }): Promise<WallPage> {
  const context = await browser.newContext({ viewport, locale: 'ru-RU' });
  const external: string[] = [];
  const errors: string[] = [];
  await context.route('**/*', (route) => {
    const u = route.request().url();
    if (isLoopback(u)) return route.continue();
    external.push(u);
    return route.abort('blockedbyclient');
  });
  const page = await context.newPage();
  page.on('websocket', (ws) => { if (!isLoopback(ws.url())) external.push(ws.url()); });
  page.on('pageerror', (e) => errors.push(e.message));
  // a blocked script, worker, style or connection is a broken page too (the server's Content-Security-Policy)
  page.on('console', (m) => { if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) errors.push(m.text()); });
  await page.goto(url);
  return { context, page, external, errors };
}

export async function saveScreenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, name);
  await page.screenshot({ path: file });
  return file;
}

export interface Pixels { width: number; height: number; data: Buffer }
export const decodePng = (png: Buffer): Pixels => PNG.sync.read(png);

/** How many pixels are within `tol` (per channel) of a colour. */
export function countNear(img: Pixels, rgb: readonly [number, number, number], tol: number): number {
  let n = 0;
  for (let i = 0; i < img.data.length; i += 4) {
    if (Math.abs(img.data[i]! - rgb[0]) <= tol && Math.abs(img.data[i + 1]! - rgb[1]) <= tol && Math.abs(img.data[i + 2]! - rgb[2]) <= tol) n++;
  }
  return n;
}

/** Share of pixels that differ between two same-sized images by more than `tol` in any channel. */
export function differingShare(a: Pixels, b: Pixels, tol = 24): number {
  let n = 0;
  for (let i = 0; i < a.data.length; i += 4) {
    if (Math.abs(a.data[i]! - b.data[i]!) > tol || Math.abs(a.data[i + 1]! - b.data[i + 1]!) > tol || Math.abs(a.data[i + 2]! - b.data[i + 2]!) > tol) n++;
  }
  return n / (a.data.length / 4);
}

/** Polls until `fn` resolves truthy or the time runs out. */
export async function until<T>(fn: () => Promise<T>, timeoutMs: number, stepMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T = await fn();
  while (!last && Date.now() < deadline) { await new Promise((r) => setTimeout(r, stepMs)); last = await fn(); }
  return last;
}
