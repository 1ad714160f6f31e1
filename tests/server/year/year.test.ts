// The year against the last (GET /api/summary/year): days closed from the store's own records, an archive's days
// imported before them, and every figure recomputed here independently: from the raw tables with SQL of its own and
// from the import's payload, never from the daily figures. A bad import names the field and stores nothing.
import Database from 'better-sqlite3';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminHeaders, startApp, type TestApp } from '../../helpers/app';
import type { YearSummary } from '../../../server/protocol/year';

let t: TestApp;
const HOUR = 3_600_000;
// the test clock: Monday 2026-11-23 09:00Z (14:00 in Ufa, UTC+5): the period is 1 Jan to 22 Nov, both years
const local = (day: string, hour: number) => Date.parse(`${day}T${String(hour).padStart(2, '0')}:00:00+05:00`);
const iso = (ms: number) => new Date(ms).toISOString();
const THIS_YEAR_DAYS = ['2026-03-10', '2026-11-22'];
// last year: a day the store still holds (366 days back, inside the 430 kept) and the archive's days before it
const RAW_LAST_YEAR = '2025-11-22';
const ARCHIVE = {
  days: [
    { day: '2025-03-10', appeals: { received: { pos: 7, hotline: 2 }, due: 8, dueOnTime: 6 }, fleet: { onDuty: 170, calls: 300, arrivals: 250, within20: 200 },
      incidents: { reported: { fire: 3 } }, sites: { monitored: 20_000, services: 1000, servicesOnTime: 900 }, producers: { active: ['archive'], feeds: ['appeals:archive'] } },
    { day: '2025-03-11', appeals: { received: { pos: 5 }, due: 4, dueOnTime: 4 }, fleet: { onDuty: 190, calls: 320, arrivals: 260, within20: 220 } },
  ],
};

function seedAppeals(s: TestApp['app']['sitroom']) {
  const appeal = (id: string, channel: string, day: string, hour: number, answeredAfterH: number | null) => ({
    id, channel, category: 'roads', municipality: 'ufa', lon: 55.96, lat: 54.74, receivedAt: iso(local(day, hour)),
    ...(answeredAfterH !== null ? { status: 'answered' as const, answeredAt: iso(local(day, hour) + answeredAfterH * HOUR) } : {}) });
  // social appeals are due 8 hours after receipt: answered in 2 h is on time, in 10 h late
  s.ingest.appeals([
    appeal('a1', 'social', '2026-03-10', 9, 2), appeal('a2', 'social', '2026-03-10', 10, 10), appeal('a3', 'pos', '2026-03-10', 11, null),
    appeal('a4', 'social', '2026-11-22', 8, 1), appeal('a5', 'hotline', '2026-11-22', 9, null),
    appeal('b1', 'social', RAW_LAST_YEAR, 9, 1), appeal('b2', 'pos', RAW_LAST_YEAR, 10, null),
    // outside both periods: the day itself (23 Nov) is not closed, and last year's 23 Nov is past the twin date
    appeal('c1', 'social', '2026-11-23', 9, null), appeal('c2', 'social', '2025-11-23', 9, null),
  ], 'test');
}

function seedFleetAndIncidents(s: TestApp['app']['sitroom']) {
  const metrics = [...THIS_YEAR_DAYS, RAW_LAST_YEAR].flatMap((day, d) => [
    ...[6, 12, 18].map((h, i) => ({ key: 'ems.teams_on_duty', at: iso(local(day, h)), value: 200 + d * 10 + i * 3, id: `duty-${day}-${h}` })),
    { key: 'ems.call', at: iso(local(day, 12)), value: 40 + d, id: `call-${day}` },
    ...[600, 1100, 1500].map((v, i) => ({ key: 'ems.arrival_s', at: iso(local(day, 13) + i * 60_000), value: v + d * 100, id: `arr-${day}-${i}` })),
  ]);
  s.ingest.metrics(metrics, 'test');
  s.ingest.incidents([
    { id: 'i1', type: 'fire', severity: 'minor', lon: 55.95, lat: 54.73, title: 'Пожар', reportedAt: iso(local('2026-11-22', 10)) },
    { id: 'i2', type: 'road_accident', severity: 'minor', lon: 55.95, lat: 54.73, title: 'ДТП', reportedAt: iso(local('2026-03-10', 10)) },
    { id: 'i3', type: 'fire', severity: 'minor', lon: 55.95, lat: 54.73, title: 'Пожар', reportedAt: iso(local(RAW_LAST_YEAR, 10)) },
  ], 'test');
}

beforeAll(async () => {
  t = await startApp({ listen: false });
  seedAppeals(t.app.sitroom);
  seedFleetAndIncidents(t.app.sitroom);
  const imported = await t.app.inject({ method: 'POST', url: '/api/admin/daily-figures', payload: ARCHIVE, headers: adminHeaders() });
  expect(imported.statusCode, imported.body).toBe(200);
  while (t.app.sitroom.jobs.closeDays() > 0) { /* every closed day, 300 ms of work at a time */ }
});
afterAll(async () => { await t.close(); });

/** the store's raw tables, read with SQL of this test's own */
function raw() {
  const db = new Database(path.join(t.dir, 'sitroom.db'), { readonly: true });
  const q = <T>(sql: string, ...args: unknown[]) => db.prepare(sql).get(...args) as T;
  const range = (from: string, to: string) => [local(from, 0), local(to, 0) + 24 * HOUR] as const;
  return {
    appeals: (from: string, to: string) => q<{ n: number }>('SELECT count(*) AS n FROM appeals WHERE received_at >= ? AND received_at < ?', ...range(from, to)).n,
    due: (from: string, to: string) => q<{ due: number; onTime: number | null }>(
      'SELECT count(*) AS due, sum(answered_at IS NOT NULL AND answered_at <= due_at) AS onTime FROM appeals WHERE due_at >= ? AND due_at < ?', ...range(from, to)),
    dutyAverage: (day: string) => q<{ avg: number }>("SELECT avg(value) AS avg FROM metrics WHERE name = 'ems.teams_on_duty' AND at >= ? AND at < ?", ...range(day, day)).avg,
    arrivals: (from: string, to: string) => q<{ n: number; w: number }>(
      "SELECT count(*) AS n, sum(value <= 1200) AS w FROM metrics WHERE name = 'ems.arrival_s' AND at >= ? AND at < ?", ...range(from, to)),
    incidents: (from: string, to: string) => q<{ n: number }>('SELECT count(*) AS n FROM incidents WHERE reported_at >= ? AND reported_at < ?', ...range(from, to)).n,
    close: () => db.close(),
  };
}

describe('the year against the last', () => {
  it('counts the same dates of both years, from the store and the archive, figure by figure', async () => {
    const r = await t.app.inject({ url: '/api/summary/year', headers: adminHeaders() });
    expect(r.statusCode, r.body).toBe(200);
    const y = r.json() as YearSummary;
    expect(y.period).toEqual({ from: '2026-01-01', to: '2026-11-22', days: 326 });
    expect(y.lastYearPeriod).toEqual({ from: '2025-01-01', to: '2025-11-22', days: 326 });
    const db = raw();
    try {
      const sumImported = (f: (d: (typeof ARCHIVE.days)[number]) => number) => ARCHIVE.days.reduce((a, d) => a + f(d), 0);
      const importedAppeals = sumImported((d) => Object.values(d.appeals.received).reduce((a, b) => a + b, 0));
      expect(y.appeals.total).toEqual({ value: db.appeals('2026-01-01', '2026-11-22'), lastYear: db.appeals('2025-01-01', '2025-11-22') + importedAppeals });
      expect(y.appeals.total).toEqual({ value: 5, lastYear: 2 + 14 });
      expect(y.appeals.byChannel.find((c) => c.id === 'pos')).toEqual({ id: 'pos', value: 1, lastYear: 1 + 7 + 5 });
      expect(y.appeals.byMonth.map((m) => [m.month, m.value, m.lastYear])).toEqual([[1, null, null], [2, null, null], [3, 3, 9 + 5],
        ...[4, 5, 6, 7, 8, 9, 10].map((m) => [m, null, null]), [11, 2, 2]]);
      const dueNow = db.due('2026-01-01', '2026-11-22'), dueThen = db.due('2025-01-01', '2025-11-22');
      expect(y.appeals.due).toEqual({ value: dueNow.due, lastYear: dueThen.due + 8 + 4 });
      expect(y.appeals.dueOnTime).toEqual({ value: dueNow.onTime ?? 0, lastYear: (dueThen.onTime ?? 0) + 6 + 4 });
      expect(y.appeals.onTimeShare.value).toBeCloseTo((dueNow.onTime ?? 0) / dueNow.due, 4);

      const days = [...THIS_YEAR_DAYS.map((d) => db.dutyAverage(d))];
      expect(y.fleet.onDutyPerDay.value).toBeCloseTo(days.reduce((a, b) => a + b, 0) / days.length, 1);
      expect(y.fleet.onDutyPerDay.lastYear).toBeCloseTo((db.dutyAverage(RAW_LAST_YEAR) + 170 + 190) / 3, 1);
      // by month: March and November this year, March (the archive) and November (the store) last year
      expect(y.fleet.byMonth).toHaveLength(11);
      expect(y.fleet.byMonth[2]).toEqual({ month: 3, value: expect.closeTo(db.dutyAverage('2026-03-10'), 1), lastYear: 180 });
      expect(y.fleet.byMonth[0]).toEqual({ month: 1, value: null, lastYear: null });
      const arrNow = db.arrivals('2026-01-01', '2026-11-22'), arrThen = db.arrivals('2025-01-01', '2025-11-22');
      expect(y.fleet.arrivals).toEqual({ value: arrNow.n, lastYear: arrThen.n + 250 + 260 });
      expect(y.fleet.within20Share.value).toBeCloseTo(arrNow.w / arrNow.n, 4);
      expect(y.fleet.within20Share.lastYear).toBeCloseTo((arrThen.w + 200 + 220) / (arrThen.n + 510), 4);
      // calls per day over the days with a record of calls: two this year, three last year (one kept, two archived)
      expect(y.fleet.callsPerDay).toEqual({ value: (40 + 41) / 2, lastYear: Number(((42 + 300 + 320) / 3).toFixed(1)) });

      expect(y.incidents.total).toEqual({ value: db.incidents('2026-01-01', '2026-11-22'), lastYear: db.incidents('2025-01-01', '2025-11-22') + 3 });
      expect(y.incidents.byType.find((i) => i.id === 'fire')).toEqual({ id: 'fire', value: 1, lastYear: 1 + 3 });
      // one producer this year (the test), the test and the archive last year
      expect(y.producers.producers).toEqual({ value: 1, lastYear: 2 });
      // no site was ever registered here: this year has no record of sites (null, not zero); last year's is the archive's
      expect(y.sites.monitored).toEqual({ value: null, lastYear: 20_000 });
      expect(y.sites.onTimeShare).toEqual({ value: null, lastYear: 0.9 });
      expect(y.coverage.lastYear['appeals']).toEqual({ computed: 1, imported: 2 });
    } finally { db.close(); }
  });

  it('tells the year as it stood at a past moment (a wall in replay), and names a bad moment', async () => {
    const at = iso(local('2026-03-11', 12));
    const y = (await t.app.inject({ url: `/api/summary/year?at=${at}`, headers: adminHeaders() })).json() as YearSummary;
    expect(y.period).toEqual({ from: '2026-01-01', to: '2026-03-10', days: 69 });
    // last year to the same date: 10 March 2025 from the archive, not the 11th
    expect(y.appeals.total).toEqual({ value: 3, lastYear: 9 });
    const bad = await t.app.inject({ url: '/api/summary/year?at=tomorrow', headers: adminHeaders() });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ field: 'querystring/at' });
  });

  it('refuses an import that would overwrite its own records or does not add up, naming the field, and stores nothing of the batch', async () => {
    const before = (await t.app.inject({ url: '/api/summary/year', headers: adminHeaders() })).json() as YearSummary;
    const refused = async (days: unknown[], field: string, message: RegExp) => {
      const r = await t.app.inject({ method: 'POST', url: '/api/admin/daily-figures', payload: { days }, headers: adminHeaders() });
      expect(r.statusCode, r.body).toBe(400);
      expect(r.json()).toMatchObject({ field });
      expect(r.json().message).toMatch(message);
    };
    const good = { day: '2025-02-01', appeals: { received: { pos: 100 }, due: 1, dueOnTime: 1 } };
    await refused([good, { day: '2025-12-01', appeals: { received: { pos: 1 }, due: 0, dueOnTime: 0 } }], 'body/days/1/day', /own records/);
    await refused([good, { ...good, day: '2025-02-02', appeals: { received: {}, due: 3, dueOnTime: 4 } }], 'body/days/1/appeals/dueOnTime', /more than/);
    await refused([good, { day: '2025-02-03', incidents: { reported: { volcano: 1 } } }], 'body/days/1/incidents/reported/volcano', /no incident type/);
    await refused([good, { day: '2025-02-30', appeals: good.appeals }], 'body/days/1/day', /calendar day/);
    await refused([good, good], 'body/days/1/day', /twice/);
    await refused([{ day: '2025-02-04' }], 'body/days/0', /no figures/);
    const after = (await t.app.inject({ url: '/api/summary/year', headers: adminHeaders() })).json() as YearSummary;
    expect(after.appeals.total).toEqual(before.appeals.total);
    const operator = await t.app.inject({ method: 'POST', url: '/api/admin/daily-figures', payload: { days: [good] } });
    expect(operator.statusCode).toBe(403);
  });
});
