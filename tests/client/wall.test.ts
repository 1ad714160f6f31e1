// The wall in real headless Chromium against the real server process (simulator on, fixed seed, the default
// geodata): every panel live, the map drawn, an ingested appeal on screen, ambulances moving, the server
// killed and restarted without a page reload, nothing fetched from outside loopback, Russian and English.
import type { ChildProcess } from 'node:child_process';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Summary } from '../../server/protocol/summary';
import { KEY, tempDir } from '../helpers/app';
import { countNear, differingShare, launchBrowser, openWall, saveScreenshot, until, type WallPage } from '../helpers/browser';
import { freePort, startServer, stopServer } from '../helpers/server-process';
import { allLive, allStale, bigNumber, diagnostics, mapPixels, panels, type Diagnostics } from './wall-helpers';

const SIM = { SITROOM_SIM: 'on', SITROOM_SIM_SEED: '20211220', SITROOM_SIM_BACKFILL_DAYS: '372' };
let dir: ReturnType<typeof tempDir>;
let port: number;
let url: string;
let server: ChildProcess;
let browser: Browser;
let wall: WallPage;

beforeAll(async () => {
  dir = tempDir();
  port = await freePort();
  url = `http://127.0.0.1:${port}`;
  server = await startServer(dir.dir, port, SIM);
  browser = await launchBrowser();
  wall = await openWall(browser, `${url}/?lang=ru`);
}, 240_000);

afterAll(async () => {
  await browser?.close();
  if (server) await stopServer(server);
  dir?.remove();
});

const summary = async (): Promise<Summary> => (await fetch(`${url}/api/summary`)).json() as Promise<Summary>;
const post = (kind: string, body: unknown) => fetch(`${url}/api/ingest/${kind}`, { method: 'POST',
  headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('the wall (default geodata)', () => {
  it('renders every panel of the default layout live, and the map with its basemap and live layers', async () => {
    const { page } = wall;
    expect(await until(() => allLive(page), 30_000)).toBe(true);
    for (const p of await panels(page)) expect(p.text, `panel ${p.kind}`).toMatch(/\d/);
    expect(await bigNumber(page, 'fleet')).toBeGreaterThan(0);
    expect(await page.locator('[data-panel="containers"]').innerText()).toMatch(/\d[\d\s\u00a0\u202f]*\d/);
    // the last-year comparison is there (372 days of history)
    expect(await page.locator('[data-panel="fleet"] .change').first().innerText()).toMatch(/к прошлому году/);
    // appeals and ambulance calls against their usual value for this weekday and hour (six weeks of history)
    expect(await page.locator('[data-panel="appeals-today"] .headline .usual').innerText()).toMatch(/обычно \d/);
    expect(await page.locator('[data-panel="fleet"] .usual').innerText()).toMatch(/обычно \d/);
    // past the ceiling is a part of overdue, and says so
    expect(await page.locator('[data-panel="deadlines"] [data-figure="past-ceiling"]').innerText()).toMatch(/из них сверх предельного срока: \d/);
    // every panel of figures carries their definitions (shown on hover)
    for (const kind of ['appeals-today', 'deadlines', 'fleet', 'containers', 'hotline', 'municipality-ranking', 'appeals-timeline', 'map']) {
      expect(await page.locator(`[data-panel="${kind}"]`).first().getAttribute('data-defined'), kind).toBe('true');
    }

    // wait until the map has drawn the live layers, then read its pixels
    await until(async () => (await diagnostics(page)).mapFrames > 3 && (await diagnostics(page)).containerSites > 20_000, 20_000);
    await page.waitForTimeout(1500);
    const img = await mapPixels(page);
    const total = img.width * img.height;
    expect(countNear(img, [13, 19, 32], 3) / total, 'neighbouring regions (dimmed)').toBeGreaterThan(0.05);
    expect(countNear(img, [10, 15, 26], 2) + countNear(img, [13, 19, 32], 3), 'basemap drawn').toBeLessThan(total * 0.95);
    expect(countNear(img, [213, 94, 0], 30), 'overflowing sites and incidents (critical orange)').toBeGreaterThan(40);
    expect(countNear(img, [204, 121, 167], 30), 'ambulances (pink)').toBeGreaterThan(15);

    for (const [w, h] of [[1366, 768], [1920, 1080], [3840, 2160]] as const) {
      await page.setViewportSize({ width: w, height: h });
      // software WebGL redraws a 4K map for seconds after a resize; the panels must be live once it has caught up
      const live = await until(() => allLive(page), 30_000);
      expect(live, `stale at ${w}×${h}: ${(await panels(page)).filter((p) => p.stale !== 'false').map((p) => p.kind).join(', ')}`).toBe(true);
      // nothing spills out of the screen at this size
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth > innerWidth || document.documentElement.scrollHeight > innerHeight);
      expect(overflow).toBe(false);
      await saveScreenshot(page, `wall-${w}x${h}.png`);
    }
    await page.setViewportSize({ width: 1920, height: 1080 });
  });

  // how fast is a benchmark's question (npm run bench, #3: delivery latency); here: they arrive, counted once each.
  // A fixed 2 s budget here failed under CI load while the wall was right, so it is no longer a timed test.
  it('shows appeals ingested through the API in "appeals today"', async () => {
    const { page } = wall;
    await page.waitForTimeout(3000); // let the wall settle after the resizes above
    const before = await bigNumber(page, 'appeals-today');
    const now = Date.now();
    const appeals = Array.from({ length: 25 }, (_, i) => ({ id: `wall-test-${i}`, channel: 'pos', category: 'roads',
      municipality: 'ufa', receivedAt: new Date(now - 1000).toISOString() }));
    const res = await post('appeals', { appeals });
    expect(res.status).toBe(200);
    const shown = page.waitForFunction((min) => Number(document.querySelector('[data-panel="appeals-today"] .big')?.textContent
      ?.replace(/[^\d]/g, '')) >= min, before + 25, { timeout: 20_000, polling: 50 });
    await expect(shown, `appeals today stayed at ${before}`).resolves.toBeTruthy();
  });

  it('moves ambulances on the map over a few seconds', async () => {
    const { page } = wall;
    // a tracker reporting through the API while it drives east out of Ufa, besides whatever the simulator moves
    const drive = async (step: number) => post('positions', { positions: [{ vehicle: 'wall-test-amb', at: new Date().toISOString(),
      lon: 56.0 + step * 0.004, lat: 54.74, speedKmh: 60, heading: 90, status: 'en_route' }] });
    expect((await drive(0)).status).toBe(200);
    // slots are appended as vehicles first appear: wait until the test vehicle has one, however slow the machine
    const onItsRoad = (d: Diagnostics) => d.positions.findIndex((v, i) => i % 2 === 0 && v >= 55.999 && v <= 56.03
      && Math.abs(d.positions[i + 1]! - 54.74) < 1e-4);
    expect(await until(async () => onItsRoad(await diagnostics(page)) >= 0, 15_000), 'the test vehicle reached the map').toBe(true);
    const a = await diagnostics(page);
    const pixelsA = await mapPixels(page);
    for (let step = 1; step <= 4; step++) { await page.waitForTimeout(1000); expect((await drive(step)).status).toBe(200); }
    await page.waitForTimeout(1200);
    const b = await diagnostics(page);
    const pixelsB = await mapPixels(page);
    expect(b.fleetFrames - a.fleetFrames).toBeGreaterThanOrEqual(3);
    expect(b.vehicles).toBeGreaterThanOrEqual(a.vehicles);
    // the test vehicle's slot: the one drawn on its road (lat 54.74, east of lon 56.0)
    const slot = onItsRoad(a);
    expect(onItsRoad(b), 'the test vehicle keeps its slot').toBe(slot);
    expect(b.positions[slot]! - a.positions[slot]!, 'it moved east on the map').toBeGreaterThan(0.008);
    const moved = a.positions.filter((v, i) => Math.abs(v - (b.positions[i] ?? v)) > 1e-6).length;
    expect(moved, 'vehicle coordinates that changed on the map').toBeGreaterThan(0);
    expect(differingShare(pixelsA, pixelsB), 'map pixels changed').toBeGreaterThan(0);
  });

  it('turns stale with a banner when the server dies, and recovers without a reload', async () => {
    const { page } = wall;
    await page.evaluate(() => { (window as unknown as { marker: number }).marker = 42; });
    await stopServer(server, 'SIGKILL');
    expect(await until(async () => page.locator('[data-banner="offline"]').isVisible(), 10_000)).toBe(true);
    expect(await until(() => allStale(page), 5000)).toBe(true);
    expect(await page.locator('[data-panel="map"]').innerText()).toMatch(/нет данных с \d\d:\d\d/);

    server = await startServer(dir.dir, port, SIM);
    expect(await until(async () => !(await page.locator('[data-banner="offline"]').isVisible()), 20_000)).toBe(true);
    expect(await until(() => allLive(page), 30_000)).toBe(true);
    expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(42);
    // the numbers on screen are the server's
    const same = await until(async () => {
      const s = await summary();
      return (await bigNumber(page, 'appeals-today')) === s.appeals.total.today && (await bigNumber(page, 'fleet')) === s.fleet.onDuty &&
        (await bigNumber(page, 'hotline')) === s.hotline.calls.today;
    }, 10_000, 250);
    expect(same).toBe(true);
  });

  it('speaks English with ?lang=en and Russian with ?lang=ru', async () => {
    const en = await openWall(browser, `${url}/?lang=en`, { width: 1920, height: 1080 });
    expect(await until(() => allLive(en.page), 30_000)).toBe(true);
    const text = await en.page.locator('body').innerText();
    expect(text.match(/[А-Яа-яЁё]+/g) ?? [], 'Cyrillic on the English wall').toEqual([]);
    expect(text).toMatch(/Appeals today/i);
    expect(await en.page.getAttribute('html', 'lang')).toBe('en');
    expect(en.external).toEqual([]);
    await en.context.close();
    const ru = await wall.page.locator('body').innerText();
    expect(ru).toMatch(/Обращения сегодня/i);
    expect(ru).toMatch(/Скорая помощь/i);
  });

  it('shows departmental indicators from /api/ingest/metrics as stat and gauge panels of a layout, with no code', async () => {
    const dep = await openWall(browser, `${url}/?layout=departments&lang=en`, { width: 1920, height: 1080 });
    const { page } = dep;
    // the simulator reports both indicators every 10 simulated minutes, with a day of history to compare with
    expect(await until(() => allLive(page, ['header', 'metric-gauge', 'metric-stat', 'hotline', 'map', 'incidents']), 30_000)).toBe(true);
    const heat = page.locator('[data-panel="metric-gauge"]');
    expect(await heat.innerText()).toMatch(/Buildings with heating[\s\S]*\d+(\.\d+)?%[\s\S]*measured \d\d:\d\d[\s\S]*vs 24 h earlier/i);
    // a department pushes a new value through the native metrics endpoint: the stat shows it, red below its critical threshold
    // measured a few minutes ahead: the simulator's own sample at the next 10-minute mark must not replace it mid-test
    // the simulator's thresholds follow daylight (fewer machines are needed at night): take the one in force now
    const critical = (await summary()).departmental.find((m) => m.key === 'roads.snow_plows_on_line')!.critical!;
    const value = Math.max(1, Math.floor(critical / 2));
    const res = await post('metrics', { metrics: [{ key: 'roads.snow_plows_on_line', at: Date.now() + 5 * 60_000, value }] });
    expect(res.status).toBe(200);
    const stat = page.locator('[data-panel="metric-stat"] [data-metric="roads.snow_plows_on_line"]');
    expect(await until(async () => (await stat.getAttribute('data-value')) === String(value), 15_000, 250)).toBe(true);
    expect(await stat.locator('.big').getAttribute('class')).toMatch(/tone-crit-text/);
    expect(await page.locator('[data-panel="metric-stat"]').innerText()).toMatch(new RegExp(`Snow-clearing machines on the roads[\\s\\S]*${value}[\\s\\S]*critical < \\d+`, 'i'));
    await saveScreenshot(page, 'wall-departments-1920x1080.png');
    expect(dep.external).toEqual([]);
    expect(dep.errors).toEqual([]);
    await dep.context.close();
  });

  it('renders the API description at /docs from the host alone', async () => {
    const docs = await openWall(browser, `${url}/docs`, { width: 1366, height: 900 });
    const { page } = docs;
    expect(await until(async () => (await page.locator('.opblock').count()) > 20, 20_000, 250)).toBe(true);
    const text = await page.locator('body').innerText();
    for (const path of ['/api/ingest/metrics', '/cap', '/v2/op/update', '/ngsi-ld/v1/entityOperations/upsert', '/open311/v2/requests.{format}', '/api/admin/keys']) {
      expect(text, path).toContain(path);
    }
    const spec = await (await fetch(`${url}/docs/json`)).json() as { openapi: string; paths: Record<string, unknown> };
    expect(spec.openapi).toMatch(/^3\./);
    expect(docs.external).toEqual([]);
    expect(docs.errors).toEqual([]);
    await docs.context.close();
  });

  it('never requested an address outside loopback and threw no errors', () => {
    expect(wall.external).toEqual([]);
    expect(wall.errors).toEqual([]);
  });
});
