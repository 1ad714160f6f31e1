// Every screen comes back by itself after every kind of stop: the server process stopped with SIGTERM (systemctl,
// docker stop, every deploy), SIGINT (Ctrl+C), SIGKILL (the host losing power or rebooting) or SIGABRT (a crash), then
// started again on the same database. A wall screen, the single-screen wall and the console are open in real Chromium;
// within 5 s of the new server answering, each is live again without a reload and shows the server's own figures.
import type { ChildProcess } from 'node:child_process';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Summary } from '../../server/protocol/summary';
import type { WallState } from '../../server/protocol/walls';
import { ADMIN, KEY, tempDir } from '../helpers/app';
import { launchBrowser, openWall, until, type WallPage } from '../helpers/browser';
import { freePort, startServer, stopServer } from '../helpers/server-process';
import { bigNumber } from '../client/wall-helpers';

let dir: ReturnType<typeof tempDir>;
let port: number;
let url: string;
let server: ChildProcess;
let browser: Browser;
let screen: WallPage;
let single: WallPage;
let consolePage: Page;
let appealNo = 0;

const post = (kind: string, body: unknown) => fetch(`${url}/api/ingest/${kind}`, { method: 'POST',
  headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
const admin = (path: string, body?: unknown) => fetch(`${url}${path}`, { method: body === undefined ? 'GET' : 'POST',
  headers: { authorization: `Bearer ${ADMIN}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
  body: body === undefined ? undefined : JSON.stringify(body) });
const summary = async (): Promise<Summary> => (await fetch(`${url}/api/summary`)).json() as Promise<Summary>;
const offline = (page: Page) => page.locator('[data-banner="offline"]').isVisible();

async function addAppeals(n: number): Promise<void> {
  const appeals = Array.from({ length: n }, () => ({ id: `restart-${appealNo++}`, channel: 'social', category: 'roads', municipality: 'ufa',
    receivedAt: new Date(Date.now() - 2000).toISOString() }));
  expect((await post('appeals', { appeals })).status).toBe(200);
}

/** The page shows the server's appeals today and no offline banner. */
async function showsServer(page: Page): Promise<boolean> {
  if (await offline(page)) return false;
  const s = await summary();
  return (await bigNumber(page, 'appeals-today').catch(() => -1)) === s.appeals.total.today;
}

/** The console shows the wall's language as the server has it. */
async function consoleShowsLang(lang: string): Promise<boolean> {
  return (await consolePage.locator(`[data-wall-lang="${lang}"].on`).count()) > 0;
}

beforeAll(async () => {
  dir = tempDir();
  port = await freePort();
  url = `http://127.0.0.1:${port}`;
  server = await startServer(dir.dir, port);
  browser = await launchBrowser();
  single = await openWall(browser, `${url}/?lang=ru`);
  screen = await openWall(browser, `${url}/wall/main/1?kiosk`);
  const ctx = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  await ctx.addInitScript((token) => { localStorage.setItem('sitroom.console-token', token); }, ADMIN);
  consolePage = await ctx.newPage();
  await consolePage.goto(`${url}/console?lang=en`);
  await addAppeals(3);
  // the Overview stays (an operator's choice pauses the rotation): its first screen shows appeals today
  expect((await admin('/api/walls/main/scene', { scene: 'overview' })).status).toBe(200);
  expect(await until(() => showsServer(single.page), 30_000)).toBe(true);
  expect(await until(async () => (await screen.page.locator('.screen-root').getAttribute('data-scene')) === 'overview' && showsServer(screen.page), 60_000)).toBe(true);
  expect(await until(async () => (await consolePage.locator('[data-console="signed-in"]').count()) > 0, 20_000)).toBe(true);
}, 240_000);

afterAll(async () => {
  await browser?.close();
  if (server) await stopServer(server);
  dir?.remove();
});


describe('recovery after every kind of stop', () => {
  it.each(['SIGTERM', 'SIGINT', 'SIGKILL', 'SIGABRT'] as const)('after %s every screen and the console are live again within 5 s, without a reload', async (signal) => {
    for (const p of [single.page, screen.page, consolePage]) await p.evaluate(() => { (window as unknown as { marker: number }).marker = 7; });
    await stopServer(server, signal);
    expect(await until(() => offline(single.page), 10_000), 'the wall says it lost the server').toBe(true);

    server = await startServer(dir.dir, port);
    const answering = Date.now();
    // something changes at once, so "live" means the new server's figures, not the old ones still on screen
    await addAppeals(2);
    const lang = appealNo % 2 ? 'en' : 'ru';
    expect((await admin('/api/walls/main/lang', { lang })).status).toBe(200);
    // each page is watched on its own, so the slowest one decides and the log says which it was
    const watch = async (name: string, ok: () => Promise<boolean>) => {
      const done = await until(() => ok().catch(() => false), 15_000, 100);
      return { name, done, ms: Date.now() - answering };
    };
    const results = await Promise.all([
      watch('single-screen wall', () => showsServer(single.page)),
      // the wall's state (its language) and its figures
      watch('wall screen', async () => (await screen.page.evaluate(() => document.documentElement.lang)) === lang && showsServer(screen.page)),
      watch('console', () => consoleShowsLang(lang)),
    ]);
    console.log(`${signal}: ${results.map((r) => `${r.name} ${r.done ? `${r.ms} ms` : 'NOT back'}`).join(', ')} after the server answered`);
    const back = results.every((r) => r.done);
    const ms = Math.max(...results.map((r) => r.ms));
    expect(back, results.filter((r) => !r.done).map((r) => r.name).join(', ')).toBe(true);
    expect(ms).toBeLessThanOrEqual(5000);
    for (const p of [single.page, screen.page, consolePage]) {
      expect(await p.evaluate(() => (window as unknown as { marker?: number }).marker), 'no reload').toBe(7);
    }
    const state = (await (await admin('/api/walls/main')).json()) as { state: WallState };
    expect(state.state.lang).toBe(lang);
  });
});
