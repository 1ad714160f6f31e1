// The duty officer's desk in real headless Chromium against the real server process (simulator on): real map
// features clicked at their positions open each kind of card; a figure's list has as many rows as the figure and the
// same items as its CSV; filters in the URL survive a reload; "show on the wall" changes what the wall's two screens
// show; a screen's token opens no desk data; viewing an appeal's personal data is recorded.
import type { ChildProcess } from 'node:child_process';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, KEY } from '../helpers/app';
import { launchBrowser, openWall, saveScreenshot, until, type WallPage } from '../helpers/browser';
import { freePort, startServer, stopServer } from '../helpers/server-process';
import { tempDir } from '../helpers/app';

const SIM = { SITROOM_SIM: 'on', SITROOM_SIM_SEED: '11', SITROOM_SIM_BACKFILL_DAYS: '2', SITROOM_SIM_SITES: '3000' };
const dir = tempDir();
let url: string;
let server: ChildProcess;
let browser: Browser;
let context: BrowserContext;
let desk: Page;
const errors: string[] = [];

const api = async <T>(path: string, init: { token?: string; body?: unknown } = {}): Promise<{ status: number; json: T; text: string }> => {
  const res = await fetch(`${url}${path}`, { method: init.body === undefined ? 'GET' : 'POST', headers: { authorization: `Bearer ${init.token ?? ADMIN}`,
    ...(init.body === undefined ? {} : { 'content-type': 'application/json' }) }, body: init.body === undefined ? undefined : JSON.stringify(init.body) });
  const text = await res.text();
  let json: T = null as T;
  try { json = JSON.parse(text) as T; } catch { /* CSV */ }
  return { status: res.status, json, text };
};

/** Clicks the desk's map where a place is, and waits for the card of `kind` to load. */
async function clickAt(lon: number, lat: number, kind: string): Promise<string> {
  const p = await desk.evaluate(([x, y]) => window.sitroomDesk!.project(x!, y!), [lon, lat]);
  await desk.mouse.move(p.x, p.y);
  await desk.mouse.click(p.x, p.y);
  const card = desk.locator(`[data-card="${kind}"][data-loaded="true"]`);
  expect(await until(async () => (await card.count()) > 0, 10_000, 100), `a ${kind} card`).toBe(true);
  return (await card.getAttribute('data-id'))!;
}

beforeAll(async () => {
  const port = await freePort();
  url = `http://127.0.0.1:${port}`;
  server = await startServer(dir.dir, port, SIM);
  // one active incident of our own, whatever the simulator has active at this moment
  const res = await fetch(`${url}/api/ingest/incidents`, { method: 'POST', headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' },
    body: JSON.stringify({ incidents: [{ id: 'desk-test-fire', type: 'fire', severity: 'severe', lon: 56.06, lat: 54.83, title: 'Пожар (тест)',
      reportedAt: new Date(Date.now() - 60_000).toISOString() }] }) });
  expect(res.status).toBe(200);
  browser = await launchBrowser();
  context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'ru-RU' });
  await context.addInitScript((token) => localStorage.setItem('sitroom.console-token', token), ADMIN);
  desk = await context.newPage();
  desk.on('pageerror', (e) => errors.push(e.message));
  await desk.goto(`${url}/desk?lang=en`);
  expect(await until(() => desk.evaluate(() => window.sitroomDesk?.ready() === true), 60_000, 250)).toBe(true);
  expect(await until(async () => (await desk.locator('[data-figure="overdue"][data-value]:not([data-value=""])').count()) > 0, 30_000, 250)).toBe(true);
}, 240_000);
afterAll(async () => { await browser?.close(); if (server) await stopServer(server); dir.remove(); });

describe('the duty officer\'s desk', () => {
  it('opens a card for a team, an incident, a container site and a municipality clicked on the map', async () => {
    const { json: vehicles } = await api<{ features: { id: string; geometry: { coordinates: [number, number] } }[] }>('/api/vehicles');
    // a team with no other team near it (teams of one substation wait at the same spot)
    const v = vehicles.features.reduce((best, x) => {
      const gap = (f: typeof x) => Math.min(...vehicles.features.filter((o) => o !== f).map((o) =>
        Math.hypot(o.geometry.coordinates[0] - f.geometry.coordinates[0], o.geometry.coordinates[1] - f.geometry.coordinates[1])));
      return gap(x) > gap(best) ? x : best;
    });
    // the hover says what is there before the click
    const p = await desk.evaluate(([x, y]) => window.sitroomDesk!.project(x!, y!), v.geometry.coordinates);
    await desk.mouse.move(p.x, p.y);
    expect(await until(async () => (await desk.locator('.d-tip[data-tip="vehicle"]').count()) > 0, 5000, 100)).toBe(true);
    expect(await clickAt(...v.geometry.coordinates, 'vehicle')).toBe(v.id);
    expect(desk.url()).toContain(`select=vehicle%3A${encodeURIComponent(v.id)}`);

    const { json: incidents } = await api<{ features: { id: string; properties: { status: string; lon: number; lat: number } }[] }>('/api/incidents');
    // a site away from any team or incident (they are drawn over sites)
    const { json: sites } = await api<{ features: { id: string; geometry: { coordinates: [number, number] } }[] }>('/api/containers?status=ok');
    const far = sites.features.find((s) => vehicles.features.every((x) => Math.hypot(x.geometry.coordinates[0] - s.geometry.coordinates[0], x.geometry.coordinates[1] - s.geometry.coordinates[1]) > 0.12)
      && incidents.features.every((x) => Math.hypot(x.properties.lon - s.geometry.coordinates[0], x.properties.lat - s.geometry.coordinates[1]) > 0.12))!;
    await desk.keyboard.press('Escape');
    const siteId = await clickAt(...far.geometry.coordinates, 'site');
    expect((await api<{ id: string }>(`/api/cards/site/${encodeURIComponent(siteId)}`)).json.id).toBe(siteId);

    // the incident farthest on screen from any team (teams are drawn over incidents, and picked first)
    const active = incidents.features.filter((f) => f.properties.status === 'active');
    const spacing = await desk.evaluate(([points, teams]) => points.map(([x, y]) => {
      const a = window.sitroomDesk!.project(x!, y!);
      return Math.min(...teams.map(([u, w]) => { const b = window.sitroomDesk!.project(u!, w!); return Math.hypot(a.x - b.x, a.y - b.y); }));
    }), [active.map((f) => [f.properties.lon, f.properties.lat]), vehicles.features.map((v) => v.geometry.coordinates)] as const);
    const i = active[spacing.indexOf(Math.max(...spacing))]!;
    // the whole republic is crowded at this size: zoom in on it with the wheel, as an officer would
    const at = await desk.evaluate(([x, y]) => window.sitroomDesk!.project(x!, y!), [i.properties.lon, i.properties.lat]);
    await desk.mouse.move(at.x, at.y);
    for (let k = 0; k < 4; k++) { await desk.mouse.wheel(0, -400); await desk.waitForTimeout(250); }
    await desk.waitForTimeout(1500);
    await desk.keyboard.press('Escape');
    expect(await clickAt(i.properties.lon, i.properties.lat, 'incident')).toBe(i.id);

    // a point in a sparse district with nothing drawn on it: its municipality
    await desk.keyboard.press('Escape');
    const municipality = await clickMunicipality();
    expect(municipality).toMatch(/^[a-z_-]+$/);
    // a card's own figure opens its list, for that municipality: as many rows as the card said
    const opens = desk.locator('[data-card="municipality"] [data-opens="overdue"]');
    const said = Number((await opens.innerText()).replace(/[^\d]/g, ''));
    await opens.click();
    const list = desk.locator('[data-list="overdue"][data-total]:not([data-total=""])');
    expect(await until(async () => (await list.count()) > 0, 20_000, 100)).toBe(true);
    expect(desk.url()).toContain(`municipality=${municipality}`);
    expect(Number(await list.getAttribute('data-total'))).toBe(said);
    await saveScreenshot(desk, 'desk-1366x768.png');
  });

  it("opens an appeal's card from its point on the map", async () => {
    await desk.goto(`${url}/desk?lang=en`);
    expect(await until(() => desk.evaluate(() => window.sitroomDesk?.ready() === true), 60_000, 250)).toBe(true);
    const point: [number, number] = [55.62, 54.46];
    const res = await fetch(`${url}/api/ingest/appeals`, { method: 'POST', headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify({ appeals: [{ id: 'desk-test-appeal', channel: 'portal', category: 'roads', lon: point[0], lat: point[1], text: 'Яма на дороге',
        author: 'Петров Пётр', contact: '+7 900 111-22-33', receivedAt: new Date(Date.now() - 30_000).toISOString() }] }) });
    expect(res.status).toBe(200);
    // zoom in on it with the wheel until nothing else is within a few pixels, as an officer would
    for (let k = 0; k < 9; k++) {
      const p = await desk.evaluate(([x, y]) => window.sitroomDesk!.project(x!, y!), point);
      await desk.mouse.move(p.x, p.y);
      await desk.mouse.wheel(0, -400);
      await desk.waitForTimeout(250);
    }
    await desk.waitForTimeout(1000);
    // the point is drawn and picked once the live topic brings it
    expect(await until(() => desk.evaluate(([x, y]) => { const q = window.sitroomDesk!.projectRaw(x!, y!); return window.sitroomDesk!.pickAt(q[0], q[1]) === 'appeal'; }, point)
      .catch(() => false), 20_000, 250), 'the appeal is under the pointer').toBe(true);
    expect(await clickAt(...point, 'appeal')).toBe('desk-test-appeal');
    expect(await desk.locator('[data-card="appeal"]').innerText()).toMatch(/Петров Пётр/);
  });

  it('opens any card by its address, with an appeal\'s personal data, and records that view', async () => {
    const { json: page } = await api<{ items: { id: string }[] }>('/api/appeals?limit=1');
    const id = page.items[0]!.id;
    const before = (await api<unknown[]>('/api/admin/personal-data-views')).json.length;
    await desk.goto(`${url}/desk?lang=en&select=appeal:${encodeURIComponent(id)}`);
    const card = desk.locator(`[data-card="appeal"][data-id="${id}"][data-loaded="true"]`);
    expect(await until(async () => (await card.count()) > 0, 20_000, 100)).toBe(true);
    expect(await card.innerText()).toMatch(/Personal data/);
    const views = (await api<{ appeal: string; actor: string }[]>('/api/admin/personal-data-views')).json;
    expect(views.length).toBeGreaterThan(before);
    expect(views[0]).toMatchObject({ appeal: id, actor: 'admin token' });
  });

  it("opens the lists behind a card's counts: a channel against its usual, the teams and sites near an incident; shows a team's call", async () => {
    await desk.goto(`${url}/desk?lang=en&select=municipality:ufa`);
    const rows = desk.locator('[data-card="municipality"] [data-usual="channel"] tbody tr');
    expect(await until(async () => (await rows.count()) > 0, 20_000, 100)).toBe(true);
    expect(await desk.locator('[data-card="municipality"] [data-usual="channel"]').innerText()).toMatch(/usual/);
    expect(await desk.locator('[data-card="municipality"] [data-detail="by-operator"]').innerText()).toMatch(/Sites by operator: .+ \d/);
    // the busiest channel today in Ufa: its count opens its appeals, today, as many as it said
    const counts = await rows.locator('[data-opens="appeals"]').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-value'))));
    const row = rows.nth(counts.indexOf(Math.max(...counts)));
    const channel = (await row.getAttribute('data-key'))!;
    const said = Number(await row.locator('[data-opens="appeals"]').getAttribute('data-value'));
    await row.locator('[data-opens="appeals"]').click();
    const list = desk.locator('[data-list="appeals"][data-total]:not([data-total=""])');
    expect(await until(async () => (await list.count()) > 0, 20_000, 100)).toBe(true);
    expect(desk.url()).toContain(`channel=${channel}`);
    expect(desk.url()).toContain('municipality=ufa');
    expect(Math.abs(Number(await list.getAttribute('data-total')) - said)).toBeLessThanOrEqual(2); // appeals keep coming

    await desk.goto(`${url}/desk?lang=en&select=incident:desk-test-fire`);
    const nearSites = desk.locator('[data-card="incident"] [data-fact="near-sites"] [data-opens="sites"]');
    expect(await until(async () => (await nearSites.count()) > 0, 20_000, 100)).toBe(true);
    const sites = Number((await nearSites.innerText()).replace(/[^\d]/g, ''));
    await nearSites.click();
    const siteList = desk.locator('[data-list="sites"][data-total]:not([data-total=""])');
    expect(await until(async () => (await siteList.count()) > 0, 20_000, 100)).toBe(true);
    expect(desk.url()).toMatch(/near=56\.06%2C54\.83&km=5/);
    expect(Number(await siteList.getAttribute('data-total'))).toBe(sites);
    expect(Number(await siteList.getAttribute('data-rows'))).toBe(sites);
    const csv = await api<never>((await siteList.locator('[data-action="csv"]').getAttribute('href'))!);
    expect(csv.text.slice(1).trim().split('\r\n')).toHaveLength(sites + 1);

    // a team on scene: its call, when it came and when the team got there, against the standard
    const { json: out } = await api<{ features: { id: string }[] }>('/api/vehicles?status=on_scene');
    expect(out.features.length).toBeGreaterThan(0);
    await desk.goto(`${url}/desk?lang=en&select=vehicle:${encodeURIComponent(out.features[0]!.id)}`);
    const call = desk.locator('[data-card="vehicle"] [data-call]:not([data-call="none"])');
    expect(await until(async () => (await call.count()) > 0, 20_000, 100)).toBe(true);
    expect(await call.innerText()).toMatch(/Call received[\s\S]*Arrived[\s\S]*min after the call[\s\S]*Arrival standard: 20 min/);
    expect(await desk.locator('[data-card="vehicle"] [data-detail="track"]').innerText()).toMatch(/km in the last hour, \d+ fixes/);
    await saveScreenshot(desk, 'desk-team-call.png');
  });

  it('opens the list behind a figure: as many rows as the figure, the same items as its CSV', async () => {
    await desk.goto(`${url}/desk?lang=en`);
    // the handover: the night's changes and its replay on the wall page
    const handover = desk.locator('[data-handover]');
    expect(await until(async () => (await handover.count()) > 0, 20_000, 100)).toBe(true);
    expect(await handover.innerText()).toMatch(/Handover: the night[\s\S]*new incidents[\s\S]*appeals received[\s\S]*overdue: \d+ then, \d+ now/);
    expect(await handover.locator('[data-action="replay-night"]').getAttribute('href')).toMatch(/^\/\?lang=en&from=.+Z&to=.+Z&speed=600$/);
    // below it, the wall's time control (the console's, for the wall picked beside it)
    const wallTime = desk.locator('[data-wall-time="main"] [data-time-control="live"]');
    expect(await until(async () => (await wallTime.count()) > 0, 20_000, 100)).toBe(true);
    expect(await desk.locator('[data-wall-time="main"]').innerText()).toMatch(/Replay on the wall[\s\S]*Back to live/);
    await wallTime.scrollIntoViewIfNeeded();
    await saveScreenshot(desk, 'desk-handover.png');
    const figure = desk.locator('[data-figure="busy"]');
    expect(await until(async () => ((await figure.getAttribute('data-value')) ?? '') !== '', 30_000, 200)).toBe(true);
    await figure.click();
    const list = desk.locator('[data-list="busy"][data-total]:not([data-total=""])');
    expect(await until(async () => (await list.count()) > 0, 20_000, 100)).toBe(true);
    const total = Number(await list.getAttribute('data-total'));
    expect(Number(await list.getAttribute('data-rows'))).toBe(total);
    // the figure is the wall's (the live indicator); the list counts the server's teams now: equal
    const shown = Number(await figure.getAttribute('data-value'));
    expect(Math.abs(total - shown)).toBeLessThanOrEqual(2); // a team may change status between the two reads
    const csv = await api<never>((await list.locator('[data-action="csv"]').getAttribute('href'))!);
    expect(csv.text.slice(1).trim().split('\r\n')).toHaveLength(total + 1);

    // overdue: the figure and the list are counted at one moment by one definition
    await desk.locator('[data-figure="overdue"]').click();
    const overdue = desk.locator('[data-list="overdue"][data-total]:not([data-total=""])');
    expect(await until(async () => (await overdue.count()) > 0, 20_000, 100)).toBe(true);
    expect(Number(await overdue.getAttribute('data-total'))).toBe(Number(await desk.locator('[data-figure="overdue"]').getAttribute('data-value')));
  });

  it('keeps the filters in the URL: a reload shows the same view, and one action clears them', async () => {
    await desk.goto(`${url}/desk?lang=en`);
    await desk.locator('select[name="municipality"]').selectOption('ufa');
    await desk.locator('select[name="window"]').selectOption('7d');
    expect(desk.url()).toMatch(/municipality=ufa/);
    expect(desk.url()).toMatch(/window=7d/);
    await desk.reload();
    expect(await until(async () => (await desk.locator('select[name="municipality"]').inputValue().catch(() => '')) === 'ufa', 20_000, 100)).toBe(true);
    expect(await desk.locator('select[name="window"]').inputValue()).toBe('7d');
    // the appeals figure now counts Ufa's last 7 days, as its list does
    const figure = desk.locator('[data-figure="appeals"]');
    expect(await until(async () => ((await figure.getAttribute('data-value')) ?? '') !== '', 20_000, 100)).toBe(true);
    const since = new Date(Date.now() - 7 * 24 * 3_600_000).toISOString();
    const expected = (await api<{ total: number }>(`/api/appeals?municipality=ufa&since=${encodeURIComponent(since)}&limit=1`)).json.total;
    expect(Math.abs(Number(await figure.getAttribute('data-value')) - expected)).toBeLessThanOrEqual(3);
    await desk.locator('[data-action="clear-filters"]').click();
    expect(desk.url()).not.toMatch(/municipality=|window=/);
  });

  it('shows a card\'s item on the wall: both screens of the wall show the spotlight; the whole republic ends it', async () => {
    const screens: WallPage[] = [await openWall(browser, `${url}/wall/main/1`), await openWall(browser, `${url}/wall/main/2`)];
    try {
      const { json: incidents } = await api<{ features: { id: string; properties: { status: string } }[] }>('/api/incidents');
      const i = incidents.features.find((f) => f.properties.status === 'active')!;
      await desk.goto(`${url}/desk?lang=en&select=incident:${encodeURIComponent(i.id)}`);
      const show = desk.locator('[data-card="incident"] [data-action="show-on-wall"]');
      expect(await until(async () => (await show.count()) > 0, 20_000, 100)).toBe(true);
      await show.click();
      const focusOf = (p: Page) => p.evaluate(() => (window as unknown as { sitroom: { diagnostics(): { focus: string | null } } }).sitroom.diagnostics().focus);
      for (const s of screens) expect(await until(async () => (await focusOf(s.page)) === i.id, 30_000, 200), 'each screen has the focus').toBe(true);
      // every map on the wall shows the spotlight card
      const maps = (await Promise.all(screens.map((s) => s.page.locator('[data-panel="map"]').count()))).reduce((a, b) => a + b, 0);
      const spotlights = (await Promise.all(screens.map((s) => s.page.locator(`.map-focus[data-focus="${i.id}"]`).count()))).reduce((a, b) => a + b, 0);
      expect(maps).toBeGreaterThan(0);
      expect(spotlights).toBe(maps);
      expect((await api<{ state: { focus: { id: string } | null } }>('/api/walls/main')).json.state.focus?.id).toBe(i.id);
      const log = (await api<{ action: string; actor: string }[]>('/api/walls/main/log?limit=5')).json;
      expect(log[0]).toMatchObject({ action: 'focus', actor: 'admin token' });
      await desk.locator('[data-card="incident"] [data-action="whole-republic"]').click();
      for (const s of screens) expect(await until(async () => (await focusOf(s.page)) === null && (await s.page.locator('.map-focus').count()) === 0, 30_000, 200)).toBe(true);
    } finally {
      for (const s of screens) await s.context.close();
    }
  });

  it('gives a screen\'s token nothing of the desk', async () => {
    const { json: pairing } = await api<{ code: string; ticket: string }>('/api/pairing', { body: {} });
    await api('/api/pairing/approve', { body: { code: pairing.code, wall: 'main', screen: '1' } });
    const { json: polled } = await api<{ token: string }>('/api/pairing/poll', { body: { ticket: pairing.ticket } });
    for (const path of ['/api/cards/municipality/ufa', '/api/appeals?limit=1', '/api/appeals.csv', '/api/vehicles.csv', '/api/sites/near?lon=55.9&lat=54.7']) {
      expect((await api(path, { token: polled.token })).status, path).toBe(403);
    }
    expect(errors).toEqual([]);
  });
});

/** Clicks a point inside a municipality away from everything drawn (the municipality's label point, nudged until the
 *  hover says "municipality"), returning the card's id. */
async function clickMunicipality(): Promise<string> {
  const box = (await desk.locator('.d-map').boundingBox())!;
  for (let k = 0; k < 40; k++) {
    const x = box.x + box.width * (0.3 + 0.4 * ((k * 7) % 10) / 10), y = box.y + box.height * (0.3 + 0.4 * ((k * 3) % 10) / 10);
    await desk.mouse.move(x, y);
    await desk.waitForTimeout(60);
    if (await desk.locator('.d-tip[data-tip="municipality"]').count()) {
      await desk.mouse.click(x, y);
      const card = desk.locator('[data-card="municipality"][data-loaded="true"]');
      expect(await until(async () => (await card.count()) > 0, 10_000, 100)).toBe(true);
      return (await card.getAttribute('data-id'))!;
    }
  }
  throw new Error('no free point in a municipality found');
}
