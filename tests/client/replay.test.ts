// A wall in the past, in real headless Chromium against the real server (simulator on): ?at= shows that moment, its
// numbers those of /api/summary?at=, marked REPLAY with the moment on the page root; ?from=&to=&speed= plays the
// window, the moment moving and the teams moving, and stops at its end showing the end's numbers; a parameter that
// cannot be read stops the page naming it.
import type { ChildProcess } from 'node:child_process';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Summary } from '../../server/protocol/summary';
import { ADMIN, tempDir } from '../helpers/app';
import { launchBrowser, openWall, saveScreenshot, until } from '../helpers/browser';
import { freePort, startServer, stopServer } from '../helpers/server-process';
import { bigNumber, diagnostics } from './wall-helpers';

const SIM = { SITROOM_SIM: 'on', SITROOM_SIM_SEED: '5', SITROOM_SIM_BACKFILL_DAYS: '2', SITROOM_SIM_SITES: '3000' };
const dir = tempDir();
let url: string;
let server: ChildProcess;
let browser: Browser;
let started = 0;

const summaryAt = async (at: string): Promise<Summary> =>
  (await (await fetch(`${url}/api/summary?at=${encodeURIComponent(at)}`, { headers: { authorization: `Bearer ${ADMIN}` } })).json()) as Summary;
const rootReplay = (page: import('playwright-core').Page) => page.evaluate(() => document.documentElement.dataset['replay'] ?? null);

beforeAll(async () => {
  const port = await freePort();
  url = `http://127.0.0.1:${port}`;
  server = await startServer(dir.dir, port, SIM);
  started = Date.now();
  browser = await launchBrowser();
}, 240_000);
afterAll(async () => { await browser?.close(); if (server) await stopServer(server); dir.remove(); });

describe('a wall in the past', () => {
  it('shows a past moment with its numbers, marked REPLAY, the moment on the page root', async () => {
    // half an hour of the simulator's history before it started (warm teams, filled sites)
    const at = new Date(Math.floor((started - 30 * 60_000) / 1000) * 1000).toISOString();
    const wall = await openWall(browser, `${url}/?lang=en&at=${encodeURIComponent(at)}`);
    try {
      const { page } = wall;
      expect(await until(async () => (await rootReplay(page)) === at && (await page.locator('[data-panel="appeals-today"] .big').count()) > 0, 60_000, 200)).toBe(true);
      const past = await summaryAt(at);
      expect(await until(async () => (await bigNumber(page, 'appeals-today')) === past.appeals.total.today, 20_000, 200),
        `appeals today at ${at}: ${past.appeals.total.today}`).toBe(true);
      const header = await page.locator('[data-panel="header"]').innerText();
      expect(header).toMatch(/REPLAY/);
      expect(header).toMatch(/not the current state/);
      expect(await page.evaluate(() => document.documentElement.classList.contains('replay'))).toBe(true);
      expect((await diagnostics(page)).vehicles).toBe(past.fleet.teams);
      await saveScreenshot(page, 'replay-at-1920x1080.png');
      expect(wall.errors).toEqual([]);
      expect(wall.external).toEqual([]);
    } finally { await wall.context.close(); }
  });

  it('plays a window: the moment and the teams move, and it stops at the end with the end\'s numbers', async () => {
    // the teams' tracks begin when the server did: a window of its first 40 seconds, at 5×
    await new Promise((r) => setTimeout(r, Math.max(0, started + 45_000 - Date.now())));
    const from = new Date(Math.ceil((started + 5_000) / 1000) * 1000), to = new Date(from.getTime() + 40_000);
    const wall = await openWall(browser, `${url}/wall/main/1?lang=ru&from=${from.toISOString()}&to=${to.toISOString()}&speed=5`);
    try {
      const { page } = wall;
      expect(await until(async () => (await rootReplay(page)) !== null && (await diagnostics(page)).vehicles > 0, 60_000, 100)).toBe(true);
      expect(await page.locator('[data-panel="header"]').innerText()).toMatch(/ПОВТОР/);
      const first = Date.parse((await rootReplay(page))!);
      const positions = (await diagnostics(page)).positions;
      await page.waitForTimeout(3000);
      const later = Date.parse((await rootReplay(page))!);
      // 3 s at 5× is about 15 seconds of history (less when the page is busy drawing: how fast is not asked here)
      expect(later).toBeGreaterThan(first);
      expect((await diagnostics(page)).positions).not.toEqual(positions);
      // 40 seconds at 5× take 8 s: then it holds the end
      expect(await until(async () => (await rootReplay(page)) === to.toISOString(), 30_000, 200)).toBe(true);
      const end = await summaryAt(to.toISOString());
      expect(await until(async () => (await bigNumber(page, 'appeals-today')) === end.appeals.total.today, 20_000, 200)).toBe(true);
      expect((await diagnostics(page)).vehicles).toBe(end.fleet.teams);
      expect(await until(async () => (await diagnostics(page)).mapFrames > 0, 60_000, 250)).toBe(true);
      await page.waitForTimeout(1500);
      await saveScreenshot(page, 'replay-end-1920x1080.png');
      expect(await page.locator('[data-panel="header"]').innerText()).toMatch(/конец окна/);
    } finally { await wall.context.close(); }
    // the same end held on the Overview in Russian, for the docs (client/screenshots/replay.png)
    const overview = await openWall(browser, `${url}/?lang=ru&at=${to.toISOString()}`);
    try {
      expect(await until(async () => (await rootReplay(overview.page)) === to.toISOString() && (await diagnostics(overview.page)).mapFrames > 0, 120_000, 250), "the Overview at the end, its map drawn").toBe(true);
      await overview.page.waitForTimeout(2000);
      await saveScreenshot(overview.page, 'replay-overview-ru-1920x1080.png');
    } finally { await overview.context.close(); }
  }, 240_000);

  it('stops with a message naming a parameter it cannot read', async () => {
    const wall = await openWall(browser, `${url}/?lang=en&at=yesterday`);
    try {
      expect(await until(async () => /at: "yesterday" is not a moment/.test(await wall.page.locator('body').innerText()), 20_000, 200)).toBe(true);
    } finally { await wall.context.close(); }
  });
});
