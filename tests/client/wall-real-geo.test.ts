// The wall on the real OpenStreetMap-derived geodata (SITROOM_GEO_DIR=../shared/geo): real boundaries, rivers,
// lakes and federal roads on the basemap, their attribution, and the Laptop layout with the heat layer.
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { ChildProcess } from 'node:child_process';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KEY, tempDir } from '../helpers/app';
import { countNear, differingShare, launchBrowser, openWall, saveScreenshot, until } from '../helpers/browser';
import { freePort, root, startServer, stopServer } from '../helpers/server-process';
import { allLive, diagnostics, mapPixels, panels } from './wall-helpers';

const GEO = path.resolve(root, '../shared/geo');
const hasGeo = existsSync(path.join(GEO, 'municipalities.geojson'));
let dir: ReturnType<typeof tempDir>;
let url: string;
let server: ChildProcess;
let browser: Browser;

beforeAll(async () => {
  if (!hasGeo) return;
  dir = tempDir();
  const port = await freePort();
  url = `http://127.0.0.1:${port}`;
  server = await startServer(dir.dir, port, { SITROOM_SIM: 'on', SITROOM_SIM_SEED: '20211220', SITROOM_SIM_BACKFILL_DAYS: '8', SITROOM_GEO_DIR: GEO });
  browser = await launchBrowser();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  if (server) await stopServer(server);
  dir?.remove();
});

describe.skipIf(!hasGeo)('the wall on the real geodata (../shared/geo)', () => {
  it('draws real boundaries, water and roads, names their sources, and keeps every panel live', async () => {
    const wall = await openWall(browser, `${url}/?lang=en`);
    const { page } = wall;
    expect(await until(() => allLive(page), 30_000)).toBe(true);
    for (const p of await panels(page)) expect(p.text, `panel ${p.kind}`).toMatch(/\d/);
    const attribution = await page.locator('[data-panel="map"] .attribution').innerText();
    expect(attribution).toMatch(/OpenStreetMap/);
    // real boundaries are not approximate: no "approximate" note in the legend
    expect(await page.locator('[data-panel="map"] .legend').innerText()).not.toMatch(/approximate/i);
    await until(async () => (await diagnostics(page)).mapFrames > 3, 20_000);
    await page.waitForTimeout(1500);
    const img = await mapPixels(page);
    // (on the default geodata these colours cover under 300 and 5 pixels of the whole screen)
    expect(countNear(img, [58, 74, 102], 6), 'federal roads').toBeGreaterThan(600);
    expect(countNear(img, [31, 74, 110], 8), 'rivers').toBeGreaterThan(300);
    await saveScreenshot(page, 'wall-real-geo-1920x1080.png');
    expect(wall.external).toEqual([]);
    expect(wall.errors).toEqual([]);
    await wall.context.close();
  });

  it('shows the Laptop layout with the heat of appeals on the map', async () => {
    const wall = await openWall(browser, `${url}/?layout=laptop&lang=ru`, { width: 1366, height: 768 });
    const { page } = wall;
    expect(await until(async () => (await panels(page)).length === 9 && (await panels(page)).every((p) => p.stale === 'false'), 30_000)).toBe(true);
    expect(await page.getAttribute('.wall', 'data-layout')).toBe('laptop');
    await until(async () => (await diagnostics(page)).appealPoints > 100 && (await diagnostics(page)).mapFrames > 3, 20_000);
    // how much the map changes by itself over 11 s (vehicles, statuses), then with 900 appeals in three quiet places
    const quiet0 = await mapPixels(page);
    await page.waitForTimeout(11_000);
    const quiet1 = await mapPixels(page);
    const at = new Date().toISOString();
    const places = [[58.6, 52.2, 'khaybullinsky'], [57.3, 53.3, 'burzyansky'], [54.4, 56.1, 'yanaulsky']] as const;
    const appeals = places.flatMap(([lon, lat, m], p) => Array.from({ length: 300 }, (_, i) => ({ id: `heat-${p}-${i}`, channel: 'pos',
      category: 'roads', municipality: m, lon: lon + (i % 10) * 0.004, lat: lat + Math.floor(i / 10) * 0.003, receivedAt: at })));
    const res = await fetch(`${url}/api/ingest/appeals`, { method: 'POST', headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify({ appeals }) });
    expect(res.status, await res.clone().text()).toBe(200);
    await page.waitForTimeout(11_000);
    const heated = await mapPixels(page);
    const noise = differingShare(quiet0, quiet1);
    expect(differingShare(quiet1, heated), `heat of the new appeals (noise ${noise})`).toBeGreaterThan(noise + 0.0008);
    await saveScreenshot(page, 'wall-laptop-1366x768.png');
    // on the laptop a tap on a panel's i keeps what its figures count open (issue 15)
    await page.locator('[data-panel="deadlines"] .explain-btn').click();
    expect(await page.locator('[data-panel="deadlines"] [data-explain="open"]').innerText()).toMatch(/считает[\s\S]*срок ответа по которым истёк/i);
    expect(wall.external).toEqual([]);
    await wall.context.close();
  });
});
