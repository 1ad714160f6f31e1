// Running a wall in real headless Chromium against the real server process: two screens of the wall `main` and the
// duty officer's console. The rotation advances; a scene switched from the console reaches both screens, which
// switch within 100 ms of each other with no blank frame; the console's time control puts both screens into replay
// together and back; kiosk swallows Esc; the screens come back to the same
// scene after the server is killed and restarted; in visitor mode no personal data reaches a screen's socket.
import type { ChildProcess } from 'node:child_process';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { ADMIN, KEY } from '../helpers/app';
import type { WallState } from '../../server/protocol/walls';
import { editedDataCopy } from '../helpers/data-copy';
import { countNear, decodePng, launchBrowser, openWall, saveScreenshot, until, type WallPage } from '../helpers/browser';
import { freePort, startServer, stopServer } from '../helpers/server-process';

interface SwitchRecord { scene: string; version: number; planned: number; at: number; preparedMs: number; ready: boolean }
interface ScreenDiagnostics { scene: string | null; switches: SwitchRecord[]; blockedKeys: number; kiosk: boolean; connection: string }

// 3,000 container sites instead of 24,000: software WebGL spends seconds on each redraw of every site, which would
// measure this machine's CPU rather than the switching (the wall test draws the full 24,000)
const SIM = { SITROOM_SIM: 'on', SITROOM_SIM_SEED: '7', SITROOM_SIM_BACKFILL_DAYS: '2', SITROOM_SIM_SITES: '3000' };
let data: ReturnType<typeof editedDataCopy>;
let port: number;
let url: string;
let server: ChildProcess;
let browser: Browser;
let screens: WallPage[];
let console_: WallPage;

const env = () => ({ ...SIM, SITROOM_DATA_DIR: data.dir });
const diag = (page: Page) => page.evaluate(() => (window as unknown as { sitroom: { diagnostics(): ScreenDiagnostics } }).sitroom.diagnostics());
const sceneOf = (page: Page) => page.locator('.screen-root').getAttribute('data-scene');
const api = (path: string, body?: unknown, token = ADMIN) => fetch(`${url}${path}`, { method: body === undefined ? 'GET' : 'POST',
  headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
  body: body === undefined ? undefined : JSON.stringify(body) });

beforeAll(async () => {
  // a quick playlist, no alarms taking over in the middle of a test (both are tested on the server side)
  // software WebGL on a shared two-core machine takes seconds to build a scene's maps: the screens may take longer
  // than the default 8 s to say they are ready
  data = editedDataCopy<Record<string, unknown>>('walls/main.json', (w) => {
    w['switchLeadMs'] = 20_000;
    w['playlist'] = [{ scene: 'overview', seconds: 12 }, { scene: 'appeals', seconds: 12 }];
    w['schedule'] = [];
    w['alarms'] = [];
  });
  port = await freePort();
  url = `http://127.0.0.1:${port}`;
  server = await startServer(data.dir, port, env());
  browser = await launchBrowser();
  screens = [await openWall(browser, `${url}/wall/main/1?kiosk`), await openWall(browser, `${url}/wall/main/2?kiosk`)];
  console_ = await openWall(browser, `${url}/console?lang=en`, { width: 1366, height: 900 });
}, 600_000);

afterAll(async () => {
  await browser?.close();
  if (server) await stopServer(server);
  data?.remove();
});

describe('a wall of two screens and the console', () => {
  it('shows the wall on both screens and advances the rotation', async () => {
    for (const s of screens) expect(await until(async () => !!(await sceneOf(s.page)), 60_000)).toBe(true);
    const first = await sceneOf(screens[0]!.page);
    expect(['overview', 'appeals']).toContain(first);
    const moved = await until(async () => (await sceneOf(screens[0]!.page)) !== first, 45_000, 200);
    expect(moved, 'the rotation moved to the next scene').toBe(true);
    const next = await sceneOf(screens[0]!.page);
    expect(await until(async () => (await sceneOf(screens[1]!.page)) === next, 2000)).toBe(true);
    // each screen shows its own half: the map of Appeals is on the left screen, the figures on the right
    expect(await until(async () => (await sceneOf(screens[0]!.page)) === 'appeals', 60_000, 200)).toBe(true);
    expect(await screens[0]!.page.locator('[data-scene-layer="appeals"] [data-panel="map"]').count(),
      await screens[0]!.page.evaluate(() => document.querySelector('.screen-root')?.outerHTML.slice(0, 600))).toBe(1);
    expect(await until(async () => (await sceneOf(screens[1]!.page)) === 'appeals', 10_000, 200)).toBe(true);
    expect(await screens[1]!.page.locator('[data-scene-layer="appeals"] [data-panel="map"]').count()).toBe(0);
    expect(await screens[1]!.page.locator('[data-scene-layer="appeals"] [data-panel="appeals-today"]').count()).toBe(1);
  });

  it('signs the officer in, and a scene switched from the console reaches both screens within 100 ms, with no blank frame', async () => {
    const { page } = console_;
    await page.locator('input[name="token"]').fill(ADMIN);
    await page.locator('button[type="submit"]').click();
    await page.locator('[data-scene-button="fleet"]').waitFor({ timeout: 15_000 });
    await saveScreenshot(page, 'console.png');

    // watch screen 1 while it switches: every captured frame must show a drawn wall
    // the compositor's own frames (a screencast), not screenshots: a screenshot makes the page draw a frame for it
    // and would slow the very page it watches
    const frames: Buffer[] = [];
    const cdp = await screens[0]!.context.newCDPSession(screens[0]!.page);
    cdp.on('Page.screencastFrame', (f: { data: string; sessionId: number }) => {
      frames.push(Buffer.from(f.data, 'base64'));
      void cdp.send('Page.screencastFrameAck', { sessionId: f.sessionId }).catch(() => undefined);
    });
    await cdp.send('Page.startScreencast', { format: 'png', maxWidth: 480, maxHeight: 270, everyNthFrame: 1 });
    const before = (await diag(screens[0]!.page)).switches.length;
    await page.locator('[data-scene-button="fleet"]').click();
    const switched = await until(async () => (await Promise.all(screens.map((s) => sceneOf(s.page)))).every((x) => x === 'fleet'), 25_000, 50);
    await new Promise((r) => setTimeout(r, 800));
    await cdp.send('Page.stopScreencast');
    await cdp.detach();
    expect(switched, 'both screens show the fleet scene').toBe(true);

    // three switches measured (the machine is shared and noisy): the median must be within 100 ms
    const measure = async (scene: string) => {
      const records = await Promise.all(screens.map(async (s) => (await diag(s.page)).switches.filter((r) => r.scene === scene).at(-1)!));
      expect(records[0]!.version).toBe(records[1]!.version);
      expect(records.every((r) => r.preparedMs > 0), 'the scene was prepared before the switch').toBe(true);
      const apart = Math.abs(records[0]!.at - records[1]!.at);
      console.log(`scene switch to ${scene}: screens ${apart} ms apart; prepared for ${records.map((r) => `${r.preparedMs} ms${r.ready ? ', maps drawn' : ', maps NOT drawn'}`).join(' / ')}; ${records.map((r) => Math.round(r.at - r.planned)).join(' / ')} ms after the planned moment`);
      return apart;
    };
    const aparts = [await measure('fleet')];
    for (const scene of ['waste', 'incidents']) {
      await page.locator(`[data-scene-button="${scene}"]`).click();
      expect(await until(async () => (await Promise.all(screens.map((s) => sceneOf(s.page)))).every((x) => x === scene), 25_000, 50)).toBe(true);
      aparts.push(await measure(scene));
    }
    const median = [...aparts].sort((a, b) => a - b)[1]!;
    expect(median, `the two screens switched within 100 ms of each other (median of ${aparts.join(', ')} ms)`).toBeLessThan(100);
    await page.locator('[data-scene-button="fleet"]').click();
    expect(await until(async () => (await Promise.all(screens.map((s) => sceneOf(s.page)))).every((x) => x === 'fleet'), 25_000, 50)).toBe(true);
    expect((await diag(screens[0]!.page)).switches.length).toBeGreaterThan(before);
    console.log(`${frames.length} frames of screen 1 captured around the switch`);
    expect(frames.length).toBeGreaterThan(2);
    for (const [i, png] of frames.entries()) {
      const img = decodePng(png);
      const bg = countNear(img, [10, 15, 26], 3) / (img.width * img.height);
      expect(bg, `frame ${i} is blank (${Math.round(bg * 100)} % background)`).toBeLessThan(0.7);
    }
    // the officer took over: the rotation is paused, and the console says so and logs who did it
    await until(async () => (await page.locator('[data-rotation]').getAttribute('data-rotation')) === 'paused', 5000);
    expect(await page.locator('[data-rotation]').getAttribute('data-rotation')).toBe('paused');
    expect(await page.locator('[data-log]').innerText()).toMatch(/admin token.*scene/);
    await saveScreenshot(screens[0]!.page, 'wall-main-1.png');
    await saveScreenshot(screens[1]!.page, 'wall-main-2.png');
  });

  it('puts both screens into replay from the console\'s time control together, plays, pauses, and goes back to live', async () => {
    // whatever happens here, the tests below need a live wall
    onTestFinished(async () => { await api('/api/walls/main/replay', { action: 'live' }).catch(() => undefined); });
    const { page } = console_;
    const replayOf = (p: Page) => p.evaluate(() => document.documentElement.dataset['replay'] ?? null);
    const both = () => Promise.all(screens.map((s) => replayOf(s.page)));
    await page.locator('[data-time-control="live"]').waitFor({ timeout: 15_000 });
    // pick a moment: a click on yesterday's timeline (the region's day; the control never picks later than now)
    await page.locator('[data-day-step="-1"]').click();
    const bar = page.locator('.tc-timeline');
    const box = (await bar.boundingBox())!;
    await bar.click({ position: { x: box.width * 0.25, y: box.height / 2 } });
    expect(await until(async () => (await both()).every((x) => x !== null), 30_000, 100), 'both screens show the past').toBe(true);
    const state = async () => ((await (await api('/api/walls/main')).json()) as { state: WallState }).state;
    const held = (await state()).replay!;
    expect(held).toMatchObject({ speed: 0, to: null, by: 'admin token' });
    expect(await both()).toEqual([new Date(held.anchorAt).toISOString(), new Date(held.anchorAt).toISOString()]);
    for (const s of screens) expect(await s.page.evaluate(() => document.documentElement.classList.contains('replay'))).toBe(true);
    const marks = await Promise.all(screens.map((s) => s.page.locator('.wall-replay').allInnerTexts()));
    expect(marks.flat().join(' '), 'the header says REPLAY (ru: ПОВТОР)').toMatch(/ПОВТОР|REPLAY/);
    await page.locator('[data-time-control="replay"]').waitFor({ timeout: 10_000 });

    // play three hours from there at ×600: the screens move together, a tick (150 s of history) or two apart at most
    await page.locator('[data-replay-speed]').selectOption('600');
    await page.locator('[data-replay-action="play"]').click();
    const start = held.anchorAt;
    expect(await until(async () => (await both()).every((x) => x !== null && Date.parse(x) > start + 60_000), 30_000, 100), 'the playhead moves').toBe(true);
    const apart = (await both()).map((x) => Date.parse(x!));
    expect(Math.abs(apart[0]! - apart[1]!), 'both screens show nearly the same moment').toBeLessThanOrEqual(6 * 60_000);
    await saveScreenshot(page, 'console-replay.png');
    await saveScreenshot(screens[0]!.page, 'wall-main-1-replay.png');

    // pause: both hold the very moment the server paused on
    await page.locator('[data-replay-action="pause"]').click();
    expect(await until(async () => (await state()).replay?.speed === 0, 10_000)).toBe(true);
    const paused = (await state()).replay!;
    const pausedAt = new Date(paused.anchorAt).toISOString();
    expect(await until(async () => (await both()).every((x) => x === pausedAt), 30_000, 100), `both screens hold ${pausedAt}`).toBe(true);

    // back to live: the marking goes, the numbers are today's again
    await page.locator('[data-replay-action="live"]').click();
    expect(await until(async () => (await both()).every((x) => x === null), 30_000, 100), 'both screens are live again').toBe(true);
    for (const s of screens) {
      expect(await s.page.evaluate(() => document.documentElement.classList.contains('replay'))).toBe(false);
      expect(await until(async () => {
        const version = (await diag(s.page) as unknown as { dataVersion: number | null }).dataVersion;
        return version !== null && Math.abs(version - Date.now()) < 120_000;
      }, 30_000, 200), 'the live summary is back').toBe(true);
    }
    const log = (await (await api('/api/walls/main/log?limit=20')).json()) as { action: string; actor: string }[];
    expect(log.filter((a) => a.action.startsWith('replay.')).map((a) => a.action).slice(0, 4)).toEqual(['replay.live', 'replay.pause', 'replay.play', 'replay.show']);
  }, 240_000);


  it('keeps the kiosk: Esc and other keys never leave the wall, no cursor', async () => {
    const { page } = screens[0]!;
    await page.evaluate(() => {
      (window as unknown as { heard: string[] }).heard = [];
      document.addEventListener('keydown', (e) => (window as unknown as { heard: string[] }).heard.push(e.key));
    });
    const before = (await diag(page)).blockedKeys;
    const at = page.url();
    for (const key of ['Escape', 'F11', 'Alt+ArrowLeft', 'Control+w', 'F5']) await page.keyboard.press(key);
    expect((await diag(page)).blockedKeys - before).toBeGreaterThanOrEqual(5);
    expect(await page.evaluate(() => (window as unknown as { heard: string[] }).heard)).toEqual([]);
    expect(page.url()).toBe(at);
    expect(await sceneOf(page)).toBe('fleet');
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('.screen-root')!).cursor)).toBe('none');
  });

  it('rebuilds a map whose WebGL context was lost, and reloads itself after an uncaught error into the same scene', async () => {
    const { page } = screens[0]!;
    const boxes = () => page.evaluate(() => [...document.querySelectorAll('.screen-root [data-scene-layer] .map-box')]
      .map((b) => { const e = b as HTMLElement & { tag?: number }; e.tag ??= Math.random(); return { tag: e.tag, ready: e.dataset['ready'] === 'true' }; }));
    const [before] = await boxes();
    expect(before).toBeTruthy();
    const lost = await page.evaluate(() => {
      const canvas = document.querySelector<HTMLCanvasElement>('.screen-root .map-box canvas.maplibregl-canvas');
      const gl = canvas?.getContext('webgl2') ?? canvas?.getContext('webgl');
      const ext = gl?.getExtension('WEBGL_lose_context');
      ext?.loseContext();
      return !!ext;
    });
    expect(lost, 'the test could take the WebGL context away').toBe(true);
    expect(await until(async () => { const b = await boxes(); return b.length === 1 && b[0]!.tag !== before!.tag && b[0]!.ready; }, 30_000),
      'a new map was built and drew').toBe(true);

    const scene = await sceneOf(page);
    await page.evaluate(() => { (window as unknown as { marker: number }).marker = 1; setTimeout(() => { throw new Error('a test of recovery'); }); });
    expect(await until(async () => (await page.evaluate(() => (window as unknown as { marker?: number }).marker).catch(() => 1)) === undefined, 15_000),
      'the page reloaded itself').toBe(true);
    expect(await until(async () => (await sceneOf(page).catch(() => null)) === scene, 30_000), 'and shows the same scene').toBe(true);
    const thrown = screens[0]!.errors.indexOf('a test of recovery');
    if (thrown >= 0) screens[0]!.errors.splice(thrown, 1); // ours, on purpose
  });

  it('brings both screens back to the same scene after the server is killed and restarted, without a reload', async () => {
    for (const s of screens) await s.page.evaluate(() => { (window as unknown as { marker: number }).marker = 7; });
    await stopServer(server, 'SIGKILL');
    expect(await until(async () => (await diag(screens[0]!.page)).connection === 'offline', 10_000)).toBe(true);
    server = await startServer(data.dir, port, env());
    for (const s of screens) {
      expect(await until(async () => (await diag(s.page)).connection === 'online', 30_000)).toBe(true);
      expect(await sceneOf(s.page)).toBe('fleet');
      expect(await s.page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(7);
    }
  });

  it('sends no personal data to a screen in visitor mode (every socket frame recorded)', async () => {
    const secrets = { author: 'Иванов Пётр Сергеевич', contact: '+7 917 123-45-67', email: 'ivanov.p@example.ru',
      text: 'Во дворе не вывозят мусор уже неделю, примите меры', address: 'ул. Ленина, д. 5, кв. 12',
      appealId: 'tel-79171234567', title: 'Пожар в квартире Петровых, ул. Пушкина 12', description: 'Со слов соседки Марии',
      vehicle: 'imei-356938035643809' };
    const record = async (path: string) => {
      const w = await openWall(browser, `${url}${path}`);
      const frames: string[] = [];
      w.page.on('websocket', (ws) => ws.on('framereceived', (f) => frames.push(typeof f.payload === 'string' ? f.payload : f.payload.toString('latin1'))));
      await w.page.reload();
      expect(await until(async () => !!(await w.page.locator('.screen-root').getAttribute('data-scene')), 30_000)).toBe(true);
      return { w, frames };
    };
    const ingest = async (n: number) => {
      const now = new Date().toISOString();
      const post = (kind: string, body: unknown) => fetch(`${url}/api/ingest/${kind}`, { method: 'POST',
        headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
      expect((await post('appeals', { appeals: [{ id: `${secrets.appealId}-${n}`, channel: 'pos', category: 'waste', municipality: 'ufa',
        lon: 55.9721, lat: 54.7388, receivedAt: now, author: secrets.author, contact: `${secrets.contact}, ${secrets.email}`, text: secrets.text,
        address: secrets.address }] })).status).toBe(200);
      expect((await post('incidents', { incidents: [{ id: `inc-visitor-${n}`, type: 'fire', severity: 'moderate', municipality: 'ufa',
        lon: 55.96, lat: 54.73, title: secrets.title, description: secrets.description, reportedAt: now }] })).status).toBe(200);
      expect((await post('positions', { positions: [{ vehicle: secrets.vehicle, at: now, lon: 55.95, lat: 54.72, status: 'en_route' }] })).status).toBe(200);
    };
    const leaks = (frames: string[]) => Object.entries(secrets).filter(([, v]) => frames.some((f) => f.includes(v) || f.includes(JSON.stringify(v).slice(1, -1))));

    // control: a screen in normal mode does receive the incident's title (so the check below can fail)
    const normal = await record('/wall/main/2');
    await ingest(1);
    expect(await until(async () => normal.frames.some((f) => f.includes(secrets.title)), 10_000), 'normal mode sends incident titles').toBe(true);
    await normal.w.context.close();

    expect((await api('/api/walls/main/mode', { mode: 'visitor', lang: 'en' })).status).toBe(200);
    const visitor = await record('/wall/main/2');
    expect(await visitor.w.page.locator('.screen-root').getAttribute('data-mode')).toBe('visitor');
    expect(await visitor.w.page.evaluate(() => document.documentElement.lang)).toBe('en');
    await ingest(2);
    // the screen did hear about the new data (so the frames are not empty of it), only without the personal parts
    expect(await until(async () => visitor.frames.some((f) => f.includes('"topic":"incidents"') && f.includes('"fire"')), 10_000)).toBe(true);
    await new Promise((r) => setTimeout(r, 2500));
    expect(visitor.frames.length).toBeGreaterThan(10);
    const leaked = leaks(visitor.frames);
    expect(leaked.map(([k]) => k), `personal data in a visitor-mode frame: ${leaked.map(([, v]) => { const f = visitor.frames.find((x) => x.includes(v))!; const i = f.indexOf(v); return f.slice(Math.max(0, i - 300), i + 100); }).join(' | ')}`).toEqual([]);
    // the screens that were already showing switched to visitor mode too
    expect(await until(async () => (await screens[0]!.page.locator('.screen-root').getAttribute('data-mode')) === 'visitor', 5000)).toBe(true);
    await saveScreenshot(visitor.w.page, 'wall-visitor-mode.png');
    await visitor.w.context.close();
    expect((await api('/api/walls/main/mode', { mode: 'normal' })).status).toBe(200);
  });

  it('never requested an address outside loopback and threw no errors', () => {
    for (const w of [...screens, console_]) {
      expect(w.external).toEqual([]);
      expect(w.errors).toEqual([]);
    }
  });
});
