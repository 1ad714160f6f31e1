// The year scene in real headless Chromium against the real server (simulator on, its archive of last year imported):
// every big figure is the one GET /api/summary/year gives, the months and channels are all drawn, in English and in
// Russian, and the page asks for the year as it stood when the wall shows the past.
import type { ChildProcess } from 'node:child_process';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { YearSummary } from '../../server/protocol/year';
import { ADMIN, tempDir } from '../helpers/app';
import { launchBrowser, openWall, saveScreenshot, until } from '../helpers/browser';
import { freePort, startServer, stopServer } from '../helpers/server-process';

const SIM = { SITROOM_SIM: 'on', SITROOM_SIM_SEED: '11', SITROOM_SIM_BACKFILL_DAYS: '2', SITROOM_SIM_SITES: '3000' };
const dir = tempDir();
let url: string;
let server: ChildProcess;
let browser: Browser;

const year = async (at?: string): Promise<YearSummary> =>
  (await (await fetch(`${url}/api/summary/year${at ? `?at=${encodeURIComponent(at)}` : ''}`, { headers: { authorization: `Bearer ${ADMIN}` } })).json()) as YearSummary;
const digits = (s: string | null) => (s === null ? null : Number(s.replace(/[^\d]/g, '')));
const big = (page: Page, figure: string) => page.locator(`[data-figure="${figure}"] .year-big`).textContent();

beforeAll(async () => {
  const port = await freePort();
  url = `http://127.0.0.1:${port}`;
  server = await startServer(dir.dir, port, SIM);
  browser = await launchBrowser();
  // the closed days are counted in the background (2 s a round): wait until this year's last day is there
  expect(await until(async () => (await year()).coverage.thisYear['appeals']!.computed >= 1, 60_000, 500)).toBe(true);
}, 240_000);
afterAll(async () => { await browser?.close(); if (server) await stopServer(server); dir.remove(); });

describe('the year scene', () => {
  it('shows the year against the last with the figures of /api/summary/year, in English and Russian', async () => {
    for (const lang of ['en', 'ru'] as const) {
      const wall = await openWall(browser, `${url}/?layout=year&lang=${lang}`);
      try {
        const { page } = wall;
        expect(await until(async () => (digits(await big(page, 'year-appeals')) ?? 0) > 0, 60_000, 200), 'the appeals figure is drawn').toBe(true);
        const y = await year();
        expect(digits(await big(page, 'year-appeals'))).toBe(y.appeals.total.value);
        expect(digits(await big(page, 'year-teams'))).toBe(Math.round(y.fleet.onDutyPerDay.value!));
        expect(digits(await big(page, 'year-incidents'))).toBe(y.incidents.total.value);
        expect(digits(await big(page, 'year-on-time'))).toBe(Math.round(y.appeals.onTimeShare.value! * 100));
        // last year is there: the simulator's archive of the days before its history
        expect(y.appeals.total.lastYear).toBeGreaterThan(100_000);
        expect(await page.locator('[data-panel="year-appeals"]').innerText()).toMatch(lang === 'en' ? /appeals since 1 January/ : /обращений с 1 января/);
        expect(await page.locator('[data-panel="year-fleet"] [data-pair]').count()).toBe(y.fleet.byMonth.length);
        expect(await page.locator('[data-panel="year-appeals"] [data-pair]').count()).toBe(y.appeals.byChannel.length + y.appeals.byMonth.length);
        expect(wall.errors).toEqual([]);
        expect(wall.external).toEqual([]);
        await saveScreenshot(page, `year-${lang}.png`);
      } finally { await wall.context.close(); }
    }
  }, 240_000);

  it('tells the year as it stood when the wall shows the past', async () => {
    const at = new Date(Date.now() - 26 * 3_600_000).toISOString();
    const wall = await openWall(browser, `${url}/?layout=year&lang=en&at=${encodeURIComponent(at)}`);
    try {
      const past = await year(at);
      expect(await until(async () => digits(await big(wall.page, 'year-appeals')) === past.appeals.total.value, 60_000, 200),
        `appeals since 1 January as of ${at}: ${past.appeals.total.value}`).toBe(true);
      expect(past.period.to < (await year()).period.to).toBe(true);
    } finally { await wall.context.close(); }
  }, 120_000);
});
