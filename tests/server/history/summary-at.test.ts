// The indicators at a past moment equal what the live server said then: a simulated republic runs for a few minutes
// on the test clock (teams move, sites fill and are serviced, appeals come and are answered), with an incident that is
// reported and resolved and an overdue appeal that is answered in between; every summary the live server computed is
// kept, and then /api/summary?at= for each of those moments must match it figure by figure, after later data came.
// (Data stored after a moment but dated before it counts at that moment: the past is told as the records say it was.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminHeaders, manualClock, startApp, type TestApp } from '../../helpers/app';
import type { Summary } from '../../../server/protocol/summary';

const env = { SITROOM_SIM: 'on', SITROOM_SIM_SEED: '7', SITROOM_SIM_BACKFILL_DAYS: '22', SITROOM_SIM_SITES: '2000', SITROOM_SIM_TEAMS: '40' };
let t: TestApp;
const recorded: Summary[] = [];
const iso = (ms: number) => new Date(ms).toISOString();

/** the live server's own summary now, as a screen would have received it */
function record(): void {
  t.app.sitroom.jobs.refreshKpi(true);
  recorded.push(JSON.parse(JSON.stringify(t.app.sitroom.jobs.summary(60_000))) as Summary);
}

function step(k: number): void {
  const s = t.app.sitroom;
  // a minute a step: the simulated operators report each minute the services of the minute before, so at a step the
  // live server knows everything dated by then (between two reports the past knows more than the live wall did)
  t.clock.advance(60_000);
  s.sim!.tick();
  if (k === 2) s.ingest.incidents([{ id: 'h-fire', type: 'fire', severity: 'severe', lon: 55.95, lat: 54.73, title: 'Пожар', reportedAt: iso(t.clock.now() - 5_000) }], 'test');
  if (k === 8) s.ingest.incidents([{ id: 'h-fire', type: 'fire', severity: 'severe', lon: 55.95, lat: 54.73, title: 'Пожар', reportedAt: iso(t.clock.now() - 365_000),
    status: 'resolved', resolvedAt: iso(t.clock.now() - 1_000) }], 'test');
  if (k === 9) s.ingest.appeals([{ ...OVERDUE, status: 'answered', answeredAt: iso(t.clock.now() - 2_000) }], 'test');
}
// received ten days before the run on the portal (a 5-day deadline): overdue from the start until it is answered
const OVERDUE = { id: 'h-late', channel: 'portal', category: 'roads', municipality: 'ufa', lon: 55.96, lat: 54.74, receivedAt: '2026-11-13T07:00:00Z' };

beforeAll(async () => {
  t = await startApp({ listen: false, env, autoStart: true, clock: manualClock(Date.parse('2026-11-23T07:00:00Z')) });
  t.app.sitroom.ingest.appeals([OVERDUE], 'test');
  for (let k = 0; k < 15; k++) { step(k); record(); }
  // later data: the moments are asked for after the republic moved on
  for (let k = 15; k < 30; k++) step(k);
}, 240_000);
afterAll(async () => { await t?.close(); });

describe('the summary at a past moment', () => {
  it('equals what the live server said then, figure by figure', async () => {
    for (const live of recorded) {
      const r = await t.app.inject({ url: `/api/summary?at=${iso(live.time)}`, headers: adminHeaders() });
      expect(r.statusCode, r.body).toBe(200);
      expect(r.headers['sitroom-moment']).toBe(iso(live.time));
      const past = r.json() as Summary;
      // the data age of sites and incidents: the live hub knew when each report arrived; the past knows when the
      // recorded events happened (a status change, a service, a report, a resolution), never later than the live one
      for (const k of ['containers', 'incidents'] as const) {
        expect(past[k].newestAt, k).not.toBeNull();
        expect(past[k].newestAt!, k).toBeLessThanOrEqual(live[k].newestAt!);
      }
      const figures = (x: Summary) => ({ ...x, containers: { ...x.containers, newestAt: null }, incidents: { ...x.incidents, newestAt: null } });
      expect(figures(past), iso(live.time)).toEqual(figures(live));
    }
  });

  it("the sites' checkpoints give the sites the per-site query gives, also after a late event", async () => {
    const s = t.app.sitroom;
    s.jobs.checkpoints();
    while (s.jobs.checkpoints() > 0);
    expect(s.store.containers.checkpoints.size().checkpoints).toBeGreaterThan(0);
    const { sitesAt } = await import('../../../server/history/site-states');
    const same = () => { for (const live of recorded) expect(sitesAt(s.store, live.time), iso(live.time)).toEqual(s.store.containers.sitesAt(live.time)); };
    same();
    // a service reported late, dated before the newest checkpoint: the checkpoints from its day on are dropped and rebuilt
    const newest = s.store.containers.checkpoints.newestAt()!;
    const site = s.store.containers.all()[0]!;
    s.ingest.containers([{ id: site.id, at: iso(t.clock.now()), fill: 5, servicedAt: iso(newest - 3_600_000) }], 'test');
    expect(s.store.containers.checkpoints.newestAt()!).toBeLessThan(newest);
    while (s.jobs.checkpoints() > 0);
    expect(s.store.containers.checkpoints.newestAt()).toBe(newest);
    same();
  });

  it('saw the incident and the overdue appeal come and go', () => {
    const active = recorded.map((s) => s.incidents.byType['fire'] ?? 0);
    expect(Math.max(...active) - Math.min(...active)).toBeGreaterThanOrEqual(1);
    const overdue = recorded.map((s) => s.deadlines.byMunicipality.find((m) => m.id === 'ufa')!.openOverdue);
    expect(new Set(overdue).size).toBeGreaterThan(1);
    // the teams moved and changed status between the moments
    expect(new Set(recorded.map((s) => JSON.stringify(s.fleet.byStatus))).size).toBeGreaterThan(1);
  });

  it('refuses a moment in the future or unreadable, naming at, and says which history a too old one lacks', async () => {
    for (const at of [iso(t.clock.now() + 3_600_000), 'yesterday']) {
      const r = await t.app.inject({ url: `/api/summary?at=${encodeURIComponent(at)}`, headers: adminHeaders() });
      expect(r.statusCode).toBe(400);
      expect(r.json().field).toBe('querystring/at');
    }
    const old = await t.app.inject({ url: `/api/summary?at=${iso(t.clock.now() - 20 * 86_400_000)}`, headers: adminHeaders() });
    expect(old.statusCode).toBe(200);
    expect(old.headers['sitroom-history-missing']).toBe('tracks');
  });
});
