// The walls on the server: the API and its roles, the state kept across a restart, alarms taking over and handing
// back, visitor mode over a real socket, and broken wall files refused with the file and the JSON path.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN, KEY, adminHeaders, authHeaders, connect, startApp, subscribe, tempDir, type TestApp } from '../../helpers/app';
import { editedDataCopy } from '../../helpers/data-copy';
import { loadWalls } from '../../../server/reference/walls';
import { appealsSpike } from '../../../server/walls/alarms';
import { playlistInForce } from '../../../server/walls/rotation';
import { WALL_EVENTS, type WallJoin, type WallState } from '../../../server/protocol/walls';
import { EVENTS, type Delta } from '../../../server/protocol/live';
import type { AppealView } from '../../../server/protocol/views';

let t: TestApp | null = null;
afterEach(async () => { await t?.close(); t = null; });

const post = (app: TestApp, url: string, payload: unknown, headers: Record<string, string> = adminHeaders()) =>
  app.app.inject({ method: 'POST', url, payload: payload as object, headers });

describe('the walls API', () => {
  it('describes the default wall: two 1920×1080 screens side by side and the seven scenes', async () => {
    t = await startApp({ listen: false });
    const walls = (await t.app.inject({ url: '/api/walls', headers: adminHeaders() })).json() as { wall: { id: string; screens: unknown[]; scenes: string[] }; state: WallState }[];
    const main = walls.find((w) => w.wall.id === 'main')!;
    expect(main.wall.screens).toEqual([
      expect.objectContaining({ id: '1', x: 0, y: 0, width: 1920, height: 1080 }), expect.objectContaining({ id: '2', x: 1920, y: 0, width: 1920, height: 1080 })]);
    expect(main.wall.scenes).toEqual(['overview', 'appeals', 'fleet', 'waste', 'incidents', 'delegation', 'year']);
    expect(main.state).toMatchObject({ scene: 'overview', mode: 'normal', lang: 'ru', rotation: { playing: true } });
  });

  it('switches scenes a moment ahead, pauses the rotation, logs who did it, and refuses bad input naming the field', async () => {
    t = await startApp({ listen: false });
    const before = Date.now();
    const res = await post(t, '/api/walls/main/scene', { scene: 'fleet' });
    expect(res.statusCode).toBe(200);
    const s = res.json() as WallState;
    expect(s.scene).toBe('fleet');
    // announced with the longest wait for the screens (none is online here to say it is ready sooner)
    expect(s.switchAt).toBeGreaterThanOrEqual(before + 8000);
    expect(s.switchAt).toBeLessThan(Date.now() + 8100);
    expect(s.rotation).toMatchObject({ playing: false, nextAt: null });
    const log = (await t.app.inject({ url: '/api/walls/main/log', headers: adminHeaders() })).json() as { actor: string; action: string; detail: { scene: string } }[];
    expect(log[0]).toMatchObject({ actor: 'admin token', action: 'scene', detail: { scene: 'fleet' } });

    const bad = await post(t, '/api/walls/main/scene', { scene: 'weather' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ field: 'body/scene' });
    expect(bad.json().message).toMatch(/overview/);
    expect((await post(t, '/api/walls/lobby/scene', { scene: 'fleet' })).statusCode).toBe(404);
    expect((await post(t, '/api/walls/main/rotation', { action: 'rewind' })).json()).toMatchObject({ field: 'body/action' });
    expect((await post(t, '/api/walls/main/focus', { kind: 'municipality', id: 'atlantis' })).json()).toMatchObject({ field: 'body/id' });

    const resumed = (await post(t, '/api/walls/main/rotation', { action: 'resume' })).json() as WallState;
    expect(resumed.rotation.playing).toBe(true);
    expect(resumed.rotation.nextAt).toBeGreaterThan(Date.now());
    const focused = (await post(t, '/api/walls/main/focus', { kind: 'municipality', id: 'ufa' })).json() as WallState;
    expect(focused.focus).toMatchObject({ kind: 'municipality', id: 'ufa', label_ru: 'Уфа', label_en: 'Ufa' });
    expect(focused.focus!.lon).toBeCloseTo(55.96, 0);
    expect(((await post(t, '/api/walls/main/focus', {})).json() as WallState).focus).toBeNull();
    const banner = (await post(t, '/api/walls/main/banner', { text: 'Учения в 15:00', minutes: 30 })).json() as WallState;
    expect(banner.banner!.text).toBe('Учения в 15:00');
    const layers = (await post(t, '/api/walls/main/layers', { show: ['heat'], hide: ['containers'] })).json() as WallState;
    expect(layers.layers).toEqual({ heat: true, containers: false });
    expect(((await post(t, '/api/walls/main/layers', { reset: ['heat'] })).json() as WallState).layers).toEqual({ containers: false });
  });

  it('keeps the wall state across a restart', async () => {
    const d = tempDir();
    t = await startApp({ listen: false, dir: d.dir });
    await post(t, '/api/walls/main/scene', { scene: 'waste' });
    await post(t, '/api/walls/main/mode', { mode: 'visitor', lang: 'en' });
    await t.close();
    t = await startApp({ listen: false, dir: d.dir });
    const s = (await t.app.inject({ url: '/api/walls/main', headers: adminHeaders() })).json() as { state: WallState };
    expect(s.state).toMatchObject({ scene: 'waste', mode: 'visitor', lang: 'en', rotation: { playing: false } });
    await t.close();
    t = null;
    d.remove();
  });

  it('signs operators in with passwords; roles are checked by the server', async () => {
    t = await startApp({ listen: false });
    // first start: an admin whose password is kept beside the database
    const password = readFileSync(path.join(t.dir, 'admin-password'), 'utf8').trim();
    const admin = (await post(t, '/api/auth/login', { name: 'admin', password }, {})).json() as { token: string; role: string };
    expect(admin.role).toBe('admin');
    const asAdmin = { authorization: `Bearer ${admin.token}` };
    expect((await post(t, '/api/admin/users', { name: 'duty1', role: 'operator', password: 'short' }, asAdmin)).json()).toMatchObject({ field: 'body/password' });
    expect((await post(t, '/api/admin/users', { name: 'duty1', role: 'operator', password: 'a long enough secret' }, asAdmin)).statusCode).toBe(201);
    expect((await post(t, '/api/auth/login', { name: 'duty1', password: 'wrong password!' }, {})).statusCode).toBe(401);
    const op = (await post(t, '/api/auth/login', { name: 'duty1', password: 'a long enough secret' }, {})).json() as { token: string };
    const asOp = { authorization: `Bearer ${op.token}` };
    expect((await post(t, '/api/walls/main/scene', { scene: 'appeals' }, asOp)).statusCode).toBe(200);
    expect((await t.app.inject({ url: '/api/admin/users', headers: asOp })).statusCode).toBe(403);
    expect((await t.app.inject({ url: '/api/walls/main/log', headers: asOp })).json()[0]).toMatchObject({ actor: 'duty1', role: 'operator' });
    // disabling the user ends the session at once
    expect((await t.app.inject({ method: 'DELETE', url: '/api/admin/users/duty1', headers: asAdmin })).statusCode).toBe(204);
    expect((await post(t, '/api/walls/main/scene', { scene: 'fleet' }, asOp)).statusCode).toBe(401);
    // the database holds hashes only
    const dump = readFileSync(path.join(t.dir, 'sitroom.db')).toString('latin1');
    expect(dump).not.toContain('a long enough secret');
    expect(dump).not.toContain(op.token);
    expect(ADMIN).toBeTruthy();
  });

  it('lets an alarm take over the wall with its scene and focus, and hands back to what it showed', async () => {
    t = await startApp({ listen: false });
    await post(t, '/api/walls/main/scene', { scene: 'waste' });
    const incident = { id: 'fire-big', type: 'fire', severity: 'extreme', municipality: 'sterlitamak', lon: 55.94, lat: 53.63,
      reportedAt: new Date(t.clock.now()).toISOString() };
    expect((await post(t, '/api/ingest/incidents', { incidents: [incident] }, authHeaders())).statusCode).toBe(200);
    let s = (await t.app.inject({ url: '/api/walls/main', headers: adminHeaders() })).json().state as WallState;
    expect(s.scene).toBe('incidents');
    expect(s.alarm).toMatchObject({ rule: 'incident', previous: { scene: 'waste', playing: false } });
    expect(s.alarm!.reason_en).toMatch(/Fire, Sterlitamak/);
    expect(s.focus).toMatchObject({ kind: 'incident', id: 'fire-big' });
    // the same incident updated does not raise it again; a minor one never does
    await post(t, '/api/ingest/incidents', { incidents: [{ ...incident, severity: 'extreme' }, { ...incident, id: 'small', severity: 'minor' }] }, authHeaders());
    s = (await post(t, '/api/walls/main/alarm', { action: 'end' })).json() as WallState;
    expect(s).toMatchObject({ scene: 'waste', alarm: null, focus: null });
    const log = (await t.app.inject({ url: '/api/walls/main/log', headers: adminHeaders() })).json() as { action: string; actor: string }[];
    expect(log.filter((a) => a.action === 'alarm.start')).toHaveLength(1);
    expect(log[0]).toMatchObject({ action: 'alarm.end', actor: 'admin token' });
  });

  it('counts a spike of appeals against the day before, and picks the night playlist across midnight', () => {
    const rule = { kind: 'appeals-spike' as const, windowMinutes: 15, factor: 3, minimum: 20, scene: 'appeals', holdSeconds: 300 };
    const now = Date.parse('2026-11-23T12:00:00Z');
    const at = (msAgo: number): AppealView => ({ id: String(msAgo), channel: 'pos', category: 'roads', municipality: 'ufa', lon: null, lat: null,
      status: 'received', receivedAt: now - msAgo, dueAt: now, answeredAt: null, closedAt: null });
    const usual = Array.from({ length: 96 * 4 }, (_, i) => at(16 * 60_000 + i * 225_000)); // ~4 per 15 min over the day
    expect(appealsSpike(rule, [...usual, ...Array.from({ length: 10 }, (_, i) => at(i * 60_000))], now)).toBeNull();
    expect(appealsSpike(rule, [...usual, ...Array.from({ length: 30 }, (_, i) => at(i * 20_000))], now)).toMatchObject({ recent: 30 });

    const wall = loadWalls(path.resolve(__dirname, '../../../data')).walls.get('main')!;
    const local = (hhmm: string) => Date.parse(`2026-11-23T${hhmm}:00+05:00`);
    expect(playlistInForce(wall, local('12:00'), 'Asia/Yekaterinburg')).toBe('default');
    expect(playlistInForce(wall, local('23:30'), 'Asia/Yekaterinburg')).toBe(0);
    expect(playlistInForce(wall, local('03:00'), 'Asia/Yekaterinburg')).toBe(0);
    expect(playlistInForce(wall, local('07:00'), 'Asia/Yekaterinburg')).toBe('default');
  });

  it('refuses a broken wall file with the file and the JSON path', () => {
    const cases: [(w: Record<string, unknown>) => void, RegExp][] = [
      [(w) => { (w['screens'] as { x: number }[])[1]!.x = 1000; }, /screens\/1.*overlaps screen "1"/],
      [(w) => { w['playlist'] = [{ scene: 'weather', seconds: 60 }]; }, /playlist\/0\/scene.*no scene "weather"/],
      [(w) => { w['width'] = 1920; }, /screens\/1.*leaves the wall/],
      [(w) => { w['schedule'] = [{ from: '25:00', to: '07:00', playlist: [{ scene: 'overview', seconds: 60 }] }]; }, /schedule\/0\/from/],
    ];
    for (const [edit, error] of cases) {
      const copy = editedDataCopy('walls/main.json', edit);
      try { expect(() => loadWalls(copy.dir)).toThrow(error); } finally { copy.remove(); }
    }
  });
});

describe('visitor mode on the socket', () => {
  it('moves a joined screen to the visitor rooms: no free text, no producer ids, points no finer than ~1 km', async () => {
    t = await startApp();
    const socket = await connect(t.url);
    const join = (await socket.timeout(5000).emitWithAck(WALL_EVENTS.join, { wall: 'main', screen: '1' })) as WallJoin;
    expect(join.state.mode).toBe('normal');
    expect(Object.keys(join.scenes)).toContain('delegation');
    const resubscribe = new Promise<void>((r) => socket.once(WALL_EVENTS.resubscribe, () => r()));
    const state = new Promise<WallState>((r) => socket.once(WALL_EVENTS.state, (s: WallState) => r(s)));
    await post(t, '/api/walls/main/mode', { mode: 'visitor' });
    await resubscribe;
    expect((await state).mode).toBe('visitor');
    const deltas: Delta[] = [];
    socket.on(EVENTS.delta, (d: Delta) => deltas.push(d));
    const reply = await subscribe(socket, [{ topic: 'appeals' }, { topic: 'incidents' }, { topic: 'fleet' }]);
    expect(reply.ok).toBe(true);
    const now = new Date(t.clock.now()).toISOString();
    await post(t, '/api/ingest/appeals', { appeals: [{ id: '+79170000001', channel: 'pos', category: 'roads', municipality: 'ufa', lon: 55.97213, lat: 54.73881,
      receivedAt: now, author: 'Петров', contact: 'p@example.ru', text: 'яма у подъезда' }] }, authHeaders());
    await post(t, '/api/ingest/incidents', { incidents: [{ id: 'i-1', type: 'fire', severity: 'minor', municipality: 'ufa', lon: 55.9, lat: 54.7,
      title: 'Пожар у Петровых', reportedAt: now }] }, authHeaders());
    await post(t, '/api/ingest/positions', { positions: [{ vehicle: '79170000002', at: now, lon: 55.9, lat: 54.7 }] }, authHeaders());
    await new Promise((r) => setTimeout(r, 300));
    const text = JSON.stringify(deltas);
    expect(deltas.map((d) => d.topic)).toEqual(expect.arrayContaining(['appeals', 'incidents', 'fleet']));
    for (const secret of ['79170000001', '79170000002', 'Петров', 'p@example.ru', 'яма', 'i-1"']) expect(text).not.toContain(secret);
    const appeal = (deltas.find((d) => d.topic === 'appeals')!.payload as { upsert: AppealView[] }).upsert[0]!;
    expect([appeal.lon, appeal.lat]).toEqual([55.97, 54.74]);
    socket.close();
    expect(KEY).toBeTruthy();
  });
});
