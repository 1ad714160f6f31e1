// Pairing and roles in real headless Chromium against a server that trusts no browser (SITROOM_TRUST_LOOPBACK=off):
// a new screen shows a code, the operator approves it in the console, the screen gets its token and shows its wall,
// a reload keeps it, its token cannot drive the wall, and revoking it drops it to the pairing page at once.
import type { ChildProcess } from 'node:child_process';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, tempDir } from '../helpers/app';
import { launchBrowser, openWall, saveScreenshot, until, type WallPage } from '../helpers/browser';
import { freePort, startServer, stopServer } from '../helpers/server-process';

let dir: ReturnType<typeof tempDir>;
let url: string;
let server: ChildProcess;
let browser: Browser;
let screen: WallPage;
let console_: WallPage;

beforeAll(async () => {
  dir = tempDir();
  const port = await freePort();
  url = `http://127.0.0.1:${port}`;
  server = await startServer(dir.dir, port, { SITROOM_TRUST_LOOPBACK: 'off', SITROOM_SIM: 'on', SITROOM_SIM_BACKFILL_DAYS: '1', SITROOM_SIM_SITES: '2000' });
  browser = await launchBrowser();
}, 600_000);

afterAll(async () => {
  await browser?.close();
  if (server) await stopServer(server);
  dir?.remove();
});

const call = (method: string, path: string, token?: string, body?: unknown) => fetch(`${url}${path}`, { method,
  headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
  body: body === undefined ? undefined : JSON.stringify(body) });

describe('pairing a screen and roles', () => {
  it('refuses an unpaired browser: no data over HTTP or the socket, a pairing code instead', async () => {
    expect((await call('GET', '/api/summary')).status).toBe(401);
    expect((await call('GET', '/api/walls')).status).toBe(401);
    expect((await call('POST', '/api/walls/main/scene', undefined, { scene: 'fleet' })).status).toBe(401);
    screen = await openWall(browser, `${url}/wall/main/2`);
    expect(await until(async () => ((await screen.page.locator('[data-pairing]').getAttribute('data-pairing')) ?? '').length === 6, 20_000)).toBe(true);
    await saveScreenshot(screen.page, 'pairing.png');
  });

  it('pairs the screen from the console; the screen shows its wall and keeps its token across a reload', async () => {
    const code = (await screen.page.locator('[data-pairing]').getAttribute('data-pairing'))!;
    console_ = await openWall(browser, `${url}/console?lang=en`, { width: 1366, height: 900 });
    await console_.page.locator('input[name="token"]').fill(ADMIN);
    await console_.page.locator('button[type="submit"]').click();
    await console_.page.locator('[data-pair-code]').waitFor({ timeout: 15_000 });
    // the waiting code is listed; the operator types it (lower case and a space are forgiven) and picks position 2
    expect(await until(async () => (await console_.page.locator('.c-card').filter({ hasText: code }).count()) > 0, 10_000)).toBe(true);
    await console_.page.locator('[data-pair-code]').fill(`${code.slice(0, 3).toLowerCase()} ${code.slice(3)}`);
    await console_.page.locator('[data-pair-position]').selectOption('2');
    await console_.page.locator('[data-action="approve"]').click();

    expect(await until(async () => !!(await screen.page.locator('.screen-root').getAttribute('data-scene').catch(() => null)), 30_000)).toBe(true);
    expect(new URL(screen.page.url()).pathname).toBe('/wall/main/2');
    const token = await screen.page.evaluate(() => localStorage.getItem('sitroom.screen-token'));
    expect(token).toBeTruthy();
    await screen.page.reload();
    expect(await until(async () => !!(await screen.page.locator('.screen-root').getAttribute('data-scene').catch(() => null)), 30_000)).toBe(true);
    expect(await screen.page.locator('[data-pairing]').count()).toBe(0);

    // the screen's token reads its wall but cannot drive it, nor anything of an operator's or admin's
    expect((await call('GET', '/api/walls/main', token!)).status).toBe(200);
    expect((await call('GET', '/api/summary', token!)).status).toBe(200);
    expect((await call('POST', '/api/walls/main/scene', token!, { scene: 'fleet' })).status).toBe(403);
    expect((await call('POST', '/api/walls/main/mode', token!, { mode: 'visitor' })).status).toBe(403);
    expect((await call('GET', '/api/appeals', token!)).status).toBe(403);
    expect((await call('GET', '/api/screens', token!)).status).toBe(403);
    expect((await call('POST', '/api/pairing/approve', token!, { code: 'AAAAAA', wall: 'main', screen: '1' })).status).toBe(403);
    expect((await call('GET', '/api/admin/keys', token!)).status).toBe(403);
  });

  it('drops a revoked screen to the pairing page at once', async () => {
    const row = console_.page.locator('[data-screen-id]').filter({ hasText: 'main/2' }).first();
    await row.waitFor({ timeout: 10_000 });
    const token = await screen.page.evaluate(() => localStorage.getItem('sitroom.screen-token'));
    await row.locator('[data-action="revoke"]').click();
    const started = Date.now();
    expect(await until(async () => ((await screen.page.locator('[data-pairing]').getAttribute('data-pairing').catch(() => null)) ?? '').length === 6, 10_000)).toBe(true);
    console.log(`revoked screen showed a new pairing code after ${Date.now() - started} ms`);
    expect(await screen.page.evaluate(() => localStorage.getItem('sitroom.screen-token'))).toBeNull();
    expect((await call('GET', '/api/walls/main', token!)).status).toBe(401);
  });

  it('never requested an address outside loopback and threw no errors', () => {
    for (const w of [screen, console_]) {
      expect(w.external).toEqual([]);
      expect(w.errors).toEqual([]);
    }
  });
});
