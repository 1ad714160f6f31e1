// A wall put into replay from the console (POST /api/walls/<wall>/replay): every command and its refusals, the
// moment as every screen derives it, the log, the screens told over a real socket (a visitor screen not told who
// started it), the way back to live by itself
// (idle, alarm), and a replay kept across a restart.
import { afterEach, describe, expect, it } from 'vitest';
import { adminHeaders, authHeaders, connect, startApp, tempDir, type TestApp } from '../../helpers/app';
import { editedDataCopy } from '../../helpers/data-copy';
import { replayMomentAt, WALL_EVENTS, type WallAction, type WallJoin, type WallState } from '../../../server/protocol/walls';

let t: TestApp | null = null;
const cleanups: (() => void)[] = [];
afterEach(async () => { await t?.close(); t = null; cleanups.splice(0).forEach((c) => c()); });

const HOUR = 3_600_000;
const post = (app: TestApp, payload: unknown) =>
  app.app.inject({ method: 'POST', url: '/api/walls/main/replay', payload: payload as object, headers: adminHeaders() });
const iso = (t: number) => new Date(t).toISOString();
const log = async (app: TestApp) => (await app.app.inject({ url: '/api/walls/main/log', headers: adminHeaders() })).json() as WallAction[];
const stateOf = async (app: TestApp) => ((await app.app.inject({ url: '/api/walls/main', headers: adminHeaders() })).json() as { state: WallState }).state;

describe('replay on a wall from the console', () => {
  it('holds a moment, plays a window, pauses, resumes and jumps, each logged, then goes back to live', async () => {
    t = await startApp({ listen: false });
    const now = t.clock.now();
    const before = Date.now();
    const shown = (await post(t, { action: 'show', at: iso(now - 2 * HOUR) })).json() as WallState;
    expect(shown.replay).toMatchObject({ anchorAt: now - 2 * HOUR, speed: 0, from: now - 2 * HOUR, to: null, by: 'admin token' });
    // a little ahead, so every screen fetches the moment first; back to live by itself after the default 15 minutes
    expect(shown.replay!.anchorTime).toBeGreaterThanOrEqual(before + 1000);
    expect(shown.replay!.liveAt).toBeGreaterThanOrEqual(before + 900_000);
    expect(replayMomentAt(shown.replay!, Date.now() + 60_000)).toBe(now - 2 * HOUR);

    const played = ((await post(t, { action: 'play', from: iso(now - 12 * HOUR), to: iso(now), speed: 600 })).json() as WallState).replay!;
    expect(played).toMatchObject({ anchorAt: now - 12 * HOUR, speed: 600, from: now - 12 * HOUR, to: now });
    expect(replayMomentAt(played, played.anchorTime + 10_000)).toBe(now - 12 * HOUR + 6_000_000);
    expect(replayMomentAt(played, played.anchorTime + 3_600_000)).toBe(now); // held at the window's end

    const paused = ((await post(t, { action: 'pause' })).json() as WallState).replay!;
    expect(paused.speed).toBe(0);
    expect(paused.anchorAt).toBe(now - 12 * HOUR); // the playhead had not begun to move yet
    const resumed = ((await post(t, { action: 'resume' })).json() as WallState).replay!;
    expect(resumed).toMatchObject({ speed: 600, anchorAt: now - 12 * HOUR });
    const jumped = ((await post(t, { action: 'jump', at: iso(now - 3 * HOUR) })).json() as WallState).replay!;
    expect(jumped).toMatchObject({ speed: 600, anchorAt: now - 3 * HOUR, from: now - 12 * HOUR, to: now });

    const live = (await post(t, { action: 'live' })).json() as WallState;
    expect(live.replay).toBeNull();
    // back to live on a live wall changes nothing and logs nothing
    expect(((await post(t, { action: 'live' })).json() as WallState).version).toBe(live.version);
    const actions = (await log(t)).map((a) => a.action);
    expect(actions.slice(0, 6)).toEqual(['replay.live', 'replay.jump', 'replay.resume', 'replay.pause', 'replay.play', 'replay.show']);
    expect((await log(t))[4]).toMatchObject({ actor: 'admin token', detail: { from: iso(now - 12 * HOUR), to: iso(now), speed: 600 } });
  });

  it('refuses what it cannot do, naming the field and the limit, and changes nothing', async () => {
    t = await startApp({ listen: false });
    const now = t.clock.now();
    const refused = async (payload: unknown, status: number, field: string, message: RegExp) => {
      const res = await post(t!, payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(status);
      expect(res.json()).toMatchObject({ field });
      expect(res.json().message).toMatch(message);
    };
    await refused({}, 400, 'body/action', /action/);
    await refused({ action: 'rewind' }, 400, 'body/action', /action/);
    await refused({ action: 'show' }, 400, 'body/at', /required/);
    await refused({ action: 'show', at: 'yesterday' }, 400, 'body/at', /not a moment/);
    await refused({ action: 'show', at: iso(now + HOUR) }, 400, 'body/at', /future/);
    await refused({ action: 'play', from: iso(now - HOUR), to: iso(now - 2 * HOUR) }, 400, 'body/to', /after from/);
    await refused({ action: 'play', from: iso(now - HOUR), speed: 5000 }, 400, 'body/speed', /1 to 3600/);
    await refused({ action: 'play', from: iso(now - HOUR), tempo: 2 }, 400, 'body/tempo', /unknown field/);
    await refused({ action: 'pause' }, 409, 'body/action', /live/);
    await refused({ action: 'jump', at: iso(now - HOUR) }, 409, 'body/action', /live/);
    expect((await stateOf(t)).replay).toBeNull();
    expect((await log(t)).filter((a) => a.action.startsWith('replay'))).toEqual([]);

    await post(t, { action: 'play', from: iso(now - 2 * HOUR), to: iso(now - HOUR), speed: 60 });
    await refused({ action: 'jump', at: iso(now - 3 * HOUR) }, 400, 'body/at', /outside the window/);
    await post(t, { action: 'show', at: iso(now - HOUR) });
    await refused({ action: 'resume' }, 409, 'body/action', /one moment/);
    const operatorless = await t.app.inject({ method: 'POST', url: '/api/walls/main/replay', payload: { action: 'live' } });
    expect(operatorless.statusCode).toBe(403); // a browser on this host may watch the wall, not drive it
    expect((await t.app.inject({ method: 'POST', url: '/api/walls/lobby/replay', payload: { action: 'live' }, headers: adminHeaders() })).statusCode).toBe(404);
  });

  it('tells every joined screen, together', async () => {
    t = await startApp();
    const screens = await Promise.all(['1', '2'].map(async (screen) => {
      const socket = await connect(t!.url);
      await socket.timeout(5000).emitWithAck(WALL_EVENTS.join, { wall: 'main', screen }) as WallJoin;
      return socket;
    }));
    const heard = screens.map((s) => new Promise<WallState>((r) => s.once(WALL_EVENTS.state, r)));
    await post(t, { action: 'show', at: iso(t.clock.now() - HOUR) });
    const [a, b] = await Promise.all(heard);
    expect(a!.replay).toEqual(b!.replay);
    expect(a!.replay!.anchorAt).toBe(t.clock.now() - HOUR);
    expect(a!.replay!.by).toBe('admin token');
    // in visitor mode a screen is not told who started the replay
    await t.app.inject({ method: 'POST', url: '/api/walls/main/mode', payload: { mode: 'visitor' }, headers: adminHeaders() });
    const at = t.clock.now() - 2 * HOUR;
    const visitorHeard = new Promise<WallState>((r) => {
      const on = (s: WallState) => { if (s.replay?.anchorAt === at) { screens[0]!.off(WALL_EVENTS.state, on); r(s); } };
      screens[0]!.on(WALL_EVENTS.state, on);
    });
    await post(t, { action: 'show', at: iso(at) });
    const v = await visitorHeard;
    expect(v.replay).toMatchObject({ anchorAt: at, by: '' });
    screens.forEach((s) => s.close());
  });

  it('goes back to live by itself after the idle time, and at once on an alarm', async () => {
    const data = editedDataCopy<Record<string, unknown>>('walls/main.json', (w) => { w['replayIdleSeconds'] = 1; });
    cleanups.push(() => data.remove());
    t = await startApp({ listen: false, env: { SITROOM_DATA_DIR: data.dir } });
    const now = t.clock.now();
    const shown = (await post(t, { action: 'show', at: iso(now - HOUR) })).json() as WallState;
    expect(shown.replay!.liveAt - shown.replay!.anchorTime).toBeLessThan(1000);
    t.app.sitroom.walls.tick();
    expect((await stateOf(t)).replay).not.toBeNull();
    await new Promise((r) => setTimeout(r, 1100));
    t.app.sitroom.walls.tick();
    expect((await stateOf(t)).replay).toBeNull();
    expect((await log(t))[0]).toMatchObject({ action: 'replay.end', actor: 'replay', role: 'system', detail: { reason: 'idle' } });

    await post(t, { action: 'play', from: iso(now - 12 * HOUR), to: iso(now), speed: 600 });
    const incident = { id: 'fire-big', type: 'fire', severity: 'extreme', municipality: 'sterlitamak', lon: 55.94, lat: 53.63, reportedAt: iso(now) };
    const ingested = await t.app.inject({ method: 'POST', url: '/api/ingest/incidents', payload: { incidents: [incident] }, headers: authHeaders() });
    expect(ingested.statusCode).toBe(200);
    const s = await stateOf(t);
    expect(s.replay).toBeNull();
    expect(s.alarm).toMatchObject({ rule: 'incident' });
    expect((await log(t)).slice(0, 2).map((a) => [a.action, a.actor])).toEqual([['alarm.start', 'alarm'], ['replay.end', 'replay']]);
    expect((await log(t))[1]!.detail).toEqual({ reason: 'alarm' });
  });

  it('keeps a replay across a restart, with its way back to live', async () => {
    const d = tempDir();
    cleanups.push(() => d.remove());
    t = await startApp({ listen: false, dir: d.dir });
    const now = t.clock.now();
    const r = ((await post(t, { action: 'play', from: iso(now - 12 * HOUR), to: iso(now), speed: 600 })).json() as WallState).replay;
    await t.close();
    t = await startApp({ listen: false, dir: d.dir });
    expect((await stateOf(t)).replay).toEqual(r);
  });
});
