// The shift handover: what changed in a window, counted from the store independently here (incidents reported and
// resolved, appeals received and answered, the open overdue at both ends, alarms, sites gone overflowing), the
// overnight window in the region's time, and bad windows named.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminHeaders, startApp, type TestApp } from '../../helpers/app';

let t: TestApp;
const HOUR = 3_600_000, DAY = 24 * HOUR;
// the test clock: Monday 2026-11-23 09:00Z, 14:00 in Ufa; the night before: 22 Nov 15:00Z (20:00) to 23 Nov 03:00Z (08:00)
const NIGHT = { from: Date.parse('2026-11-22T15:00:00Z'), to: Date.parse('2026-11-23T03:00:00Z') };
const iso = (ms: number) => new Date(ms).toISOString();

beforeAll(async () => {
  t = await startApp();
  const s = t.app.sitroom;
  const inNight = (h: number) => iso(NIGHT.from + h * HOUR);
  s.ingest.incidents([
    { id: 'n-1', type: 'fire', severity: 'severe', lon: 55.95, lat: 54.73, title: 'Пожар ночью', reportedAt: inNight(2) },
    { id: 'n-2', type: 'road_accident', severity: 'minor', lon: 55.9, lat: 54.7, title: 'ДТП вечером', reportedAt: iso(NIGHT.from - HOUR),
      status: 'resolved', resolvedAt: inNight(1) },
    { id: 'd-1', type: 'fire', severity: 'minor', lon: 55.9, lat: 54.7, title: 'Днём', reportedAt: iso(NIGHT.to + 2 * HOUR) },
  ], 'test');
  // 5 received in the night (2 answered in it), 3 before it; one of those before falls overdue during the night (portal: 5 days)
  s.ingest.appeals([
    ...Array.from({ length: 5 }, (_, i) => ({ id: `an-${i}`, channel: i % 2 ? 'portal' : 'social', category: 'roads', municipality: 'ufa', lon: 55.96, lat: 54.74,
      receivedAt: inNight(i + 1), ...(i < 2 ? { status: 'answered' as const, answeredAt: inNight(i + 2) } : {}) })),
    { id: 'ab-0', channel: 'portal', category: 'roads', municipality: 'ufa', lon: 55.96, lat: 54.74, receivedAt: iso(NIGHT.from + 3 * HOUR - 5 * DAY) },
    ...Array.from({ length: 2 }, (_, i) => ({ id: `ab-${i + 1}`, channel: 'social', category: 'roads', municipality: 'ufa', lon: 55.96, lat: 54.74, receivedAt: iso(NIGHT.from - 2 * HOUR) })),
  ], 'test');
  s.ingest.containers([
    { id: 'c-1', lon: 55.95, lat: 54.73, operator: 'central', fill: 40, at: iso(NIGHT.from - 3 * HOUR) },
    { id: 'c-1', lon: 55.95, lat: 54.73, operator: 'central', fill: 100, status: 'overflowing', at: inNight(4) },
    { id: 'c-2', lon: 55.96, lat: 54.74, operator: 'central', fill: 100, status: 'overflowing', at: inNight(5) },
  ], 'test');
  s.store.walls.log({ wall: 'main', at: NIGHT.from + 6 * HOUR, actor: 'alarm', role: 'system', action: 'alarm.start', detail: { rule: 'incident', reason: 'fire' } });
});
afterAll(async () => { await t.close(); });

describe('what changed in a window', () => {
  it('counts the night as the store holds it', async () => {
    const r = await t.app.inject({ url: `/api/changes?from=${iso(NIGHT.from)}&to=${iso(NIGHT.to)}`, headers: adminHeaders() });
    expect(r.statusCode, r.body).toBe(200);
    const c = r.json();
    expect(c.incidents).toMatchObject({ reported: 1, resolved: 1 });
    expect(c.incidents.reportedItems.map((i: { id: string }) => i.id)).toEqual(['n-1']);
    expect(c.incidents.resolvedItems.map((i: { id: string }) => i.id)).toEqual(['n-2']);
    expect(c.appeals).toMatchObject({ received: 5, receivedByChannel: { social: 3, portal: 2 }, answered: 2 });
    // open and past due (social: 8 hours, portal: 5 days): at 20:00 nothing yet; at 08:00 the portal appeal from five
    // days before 23:00, the two social ones from 18:00 (due 02:00) and the one from 23:00 (due 07:00), not the one
    // from 01:00 (due 09:00) nor the answered ones
    expect(c.appeals).toMatchObject({ overdueAtFrom: 0, overdueAtTo: 4, overdueChange: 4 });
    expect(c.alarms.count).toBe(1);
    expect(c.sites.wentOverflowing).toBe(1);
    expect(c.sites.items.map((x: { id: string }) => x.id)).toEqual(['c-1']);
  });

  it('gives the overnight window in the region\'s time, and names a bad window', async () => {
    const r = (await t.app.inject({ url: '/api/changes?window=overnight', headers: adminHeaders() })).json();
    expect([r.from, r.to]).toEqual([NIGHT.from, NIGHT.to]);
    for (const [q, field] of [['from=2026-11-23T00:00:00Z&to=2026-11-22T00:00:00Z', 'from'], ['to=noon', 'to'], ['from=2026-01-01T00:00:00Z&to=2026-11-01T00:00:00Z', 'from']] as const) {
      const bad = await t.app.inject({ url: `/api/changes?${q}`, headers: adminHeaders() });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().field).toBe(`querystring/${field}`);
    }
    expect((await t.app.inject({ url: '/api/changes' })).statusCode).toBe(403);
  });
});
