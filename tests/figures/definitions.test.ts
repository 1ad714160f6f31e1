// Every figure of issue 15's "wrong basis" list, recomputed from the store by queries written for this test (never by
// calling the indicator code) on a seeded simulated history, and compared with what the server says. The audit found:
// on-time share selected by receipt (a 30-day channel could never be late), overdue and past-ceiling shown as if
// separate, municipal response medians mixing channels, serviced-today divided by every site, and every Monday flagged
// against a quiet Sunday.
import Database from 'better-sqlite3';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock, startApp, type TestApp } from '../helpers/app';
import type { Summary } from '../../server/protocol/summary';

const DAY = 86_400_000;
// Monday 23 November 2026, 12:00 in Ufa (UTC+5); the six Mondays before it are ordinary working days
const NOW = Date.parse('2026-11-23T07:00:00Z');
const TODAY = Date.parse('2026-11-22T19:00:00Z');
const env = { SITROOM_SIM: 'on', SITROOM_SIM_SEED: '7', SITROOM_SIM_BACKFILL_DAYS: '50', SITROOM_SIM_SITES: '3000', SITROOM_SIM_TEAMS: '40' };

let t: TestApp;
let db: Database.Database;
let s: Summary;
beforeAll(async () => {
  t = await startApp({ listen: false, env, autoStart: true, clock: manualClock(NOW) });
  s = t.app.sitroom.jobs.summary(0);
  db = new Database(path.join(t.dir, 'sitroom.db'), { readonly: true });
}, 600_000);
afterAll(async () => { db?.close(); await t.close(); });

const one = <T>(sql: string, ...args: unknown[]) => db.prepare(sql).get(...args) as T;
const median = (v: number[]) => { const x = [...v].sort((a, b) => a - b); const m = x.length >> 1; return x.length % 2 ? x[m]! : (x[m - 1]! + x[m]!) / 2; };

describe('deadlines', () => {
  it('on-time share: of the appeals whose deadline fell in the last 30 days, those answered or closed by it', () => {
    const r = one<{ due: number; ok: number }>(`SELECT count(*) AS due, sum(coalesce(answered_at, closed_at) <= due_at) AS ok
      FROM appeals WHERE due_at >= ? AND due_at < ?`, NOW - 30 * DAY, NOW);
    expect(s.deadlines.due).toBe(r.due);
    expect(s.deadlines.dueOnTime).toBe(r.ok);
    expect(s.deadlines.onTimeShare).toBeCloseTo(r.ok / r.due, 4);
    // the 30-day Platform channel can be late now (selected by receipt, none of its appeals could be)
    const pos = s.deadlines.byChannel.find((c) => c.id === 'pos')!;
    expect(pos.due).toBeGreaterThan(1000);
    expect(pos.onTimeShare!).toBeLessThan(1);
  });

  it('past the ceiling is a part of overdue, never a second count', () => {
    const r = one<{ overdue: number; ceiling: number; ceilingNotOverdue: number }>(`SELECT
      sum(due_at < ?) AS overdue, sum(ceiling_at < ?) AS ceiling, sum(ceiling_at < ? AND due_at >= ?) AS ceilingNotOverdue
      FROM appeals WHERE answered_at IS NULL AND closed_at IS NULL`, NOW, NOW, NOW, NOW);
    expect(s.deadlines.openOverdue).toBe(r.overdue);
    expect(s.deadlines.openPastCeiling).toBe(r.ceiling);
    expect(r.ceilingNotOverdue).toBe(0);
  });

  it('ranks municipalities by the share of the deadline answers used, comparable across channels', () => {
    const rows = db.prepare(`SELECT municipality AS m, (answered_at - received_at) * 1.0 / (due_at - received_at) AS used FROM appeals
      WHERE answered_at >= ? AND answered_at < ? AND due_at > received_at`).all(NOW - 30 * DAY, NOW) as { m: string; used: number }[];
    const by = new Map<string, number[]>();
    for (const r of rows) by.set(r.m, [...(by.get(r.m) ?? []), r.used]);
    for (const m of s.deadlines.byMunicipality.filter((x) => x.answered > 0).slice(0, 20)) {
      expect(m.medianDeadlineUsed!, m.id).toBeCloseTo(median(by.get(m.id)!), 3);
    }
    const used = s.ranking.byResponse.map((r) => r.medianDeadlineUsed ?? -1);
    expect(used).toEqual([...used].sort((a, b) => b - a));
  });
});

describe('container service', () => {
  it('serviced today of the sites due by now (serviced today, or past the 3-day winter limit)', () => {
    for (const o of s.containers.byOperator) {
      const r = one<{ today: number; due: number }>(`SELECT sum(serviced_at >= ?) AS today,
        sum(serviced_at >= ? OR serviced_at IS NULL OR serviced_at <= ?) AS due FROM container_sites WHERE operator = ?`,
      TODAY, TODAY, NOW - 3 * DAY, o.id);
      expect(o.servicedToday, o.id).toBe(r.today);
      expect(o.dueSoFar, o.id).toBe(r.due);
      expect(o.servicedTodayShare!, o.id).toBeCloseTo(r.today / r.due, 4);
    }
    // late November: the simulated weather service reports frost, so the 3-day limit holds
    expect(s.containers.sanitaryLimit).toMatchObject({ days: 3, basis: 'temperature' });
  });
});

describe('the usual value', () => {
  const mondays = [1, 2, 3, 4, 5, 6].map((k) => TODAY - 7 * k * DAY);
  const usualOf = (values: number[]) => {
    const x = [...values].sort((a, b) => a - b);
    return { usual: median(x), low: x[1]!, high: x[x.length - 2]!, weeks: x.length };
  };

  it('is the median of the same stretch of the last six ordinary Mondays, the range without the extremes', () => {
    const weeks = mondays.map((m) => one<{ n: number }>('SELECT count(*) AS n FROM appeals WHERE received_at >= ? AND received_at < ?', m, m + (NOW - TODAY)).n);
    expect(s.baseline.days).toEqual(['2026-11-16', '2026-11-09', '2026-11-02', '2026-10-26', '2026-10-19', '2026-10-12']);
    expect(s.appeals.total.usual).toMatchObject(usualOf(weeks));
    const calls = mondays.map((m) => one<{ n: number }>("SELECT count(*) AS n FROM metrics WHERE name = 'hotline.call_wait_s' AND at >= ? AND at < ?", m, m + (NOW - TODAY)).n);
    expect(s.hotline.calls.usual).toMatchObject(usualOf(calls));
  });

  it('does not flag a Monday against the quiet Sunday before it', () => {
    expect(s.appeals.total.yesterdaySameTime).toBeLessThan(s.appeals.total.today * 0.8);
    expect(s.appeals.total.usual!.flag).toBeNull();
    expect(s.hotline.calls.usual!.flag).toBeNull();
  });

  it('gives the timeline the usual band of every hour', () => {
    const band = s.appeals.hourly.usual!;
    expect(band.weeks).toBe(6);
    const h9 = mondays.map((m) => one<{ n: number }>('SELECT count(*) AS n FROM appeals WHERE received_at >= ? AND received_at < ?', m + 9 * 3_600_000, m + 10 * 3_600_000).n);
    expect(band.usual[9]).toBe(median(h9));
  });

  it('carries a definition for each figure, in Russian and English', () => {
    for (const id of ['appeals.total', 'deadlines.onTimeShare', 'deadlines.openOverdue', 'ranking.byResponse', 'containers.servicedTodayShare', 'fleet.onDuty', 'hotline.calls']) {
      expect(s.definitions[id]?.ru.counts, id).toBeTruthy();
      expect(s.definitions[id]?.en.compared, id).toBeTruthy();
    }
  });
});
