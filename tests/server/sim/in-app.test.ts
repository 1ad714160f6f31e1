// The simulator inside the real app: it backfills history through the ingest pipeline, then keeps the republic alive.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock, startApp, type TestApp } from '../../helpers/app';
import { MINUTE } from '../../../server/domain/time';

const env = { SITROOM_SIM: 'on', SITROOM_SIM_SEED: '42', SITROOM_SIM_BACKFILL_DAYS: '9', SITROOM_SIM_SITES: '2000', SITROOM_SIM_TEAMS: '40' };
let t: TestApp;
beforeAll(async () => {
  t = await startApp({ listen: false, env, autoStart: true, clock: manualClock(Date.parse('2026-11-23T07:00:00Z')) });
});
afterAll(async () => { await t.close(); });

describe('simulator in the app', () => {
  it('fills history so today-vs-yesterday and last week are real on the first screen', () => {
    const s = t.app.sitroom.jobs.summary(0);
    expect(s.appeals.total.today).toBeGreaterThan(100);
    expect(s.appeals.total.yesterdaySameTime).toBeGreaterThan(30);
    expect(s.appeals.total.lastWeekSameTime).toBeGreaterThan(100);
    expect(s.appeals.hourly.yesterday.reduce((a, b) => a + b, 0)).toBeGreaterThan(400);
    expect(s.deadlines.due).toBeGreaterThan(3000);
    // nine days of history: only the short-deadline channels have deadlines in the window yet
    expect(s.deadlines.onTimeShare).toBeGreaterThan(0.6);
    expect(s.containers.sites).toBeGreaterThan(1900);
    expect(s.fleet.teams).toBe(40);
    expect(s.fleet.callsYesterdaySameTime).toBeGreaterThan(100);
    expect(s.hotline.calls.lastWeekSameTime).toBeGreaterThan(0);
  });

  it('keeps the day going: appeals arrive, teams move, sites fill, all through the pipeline', () => {
    const { sim, hub, jobs } = t.app.sitroom;
    const before = jobs.summary(0);
    const seqs = { appeals: hub.seq('appeals'), fleet: hub.seq('fleet'), containers: hub.seq('containers') };
    for (let k = 0; k < 90; k++) { t.clock.advance(MINUTE); sim!.tick(); }
    const after = jobs.summary(0);
    expect(after.appeals.total.today).toBeGreaterThan(before.appeals.total.today);
    expect(hub.seq('appeals')).toBeGreaterThan(seqs.appeals);
    expect(hub.seq('fleet')).toBeGreaterThan(seqs.fleet);
    expect(hub.seq('containers')).toBeGreaterThan(seqs.containers);
    expect(after.fleet.busy).toBeGreaterThan(0);
    expect(t.app.sitroom.store.fleet.positionCount()).toBeGreaterThan(40);
    // a team on the way to a call reports the call: the same id as its ems.call sample, received before it took it
    const out = hub.vehicles().filter((v) => v.status === 'en_route' || v.status === 'on_scene');
    expect(out.length).toBeGreaterThan(0);
    for (const v of out) {
      const call = t.app.sitroom.store.teamCalls.current(v.id, v.fixAt);
      expect(call, v.id).not.toBeNull();
      expect(call!.call).toMatch(/^sim:call:/);
      expect(call!.receivedAt).toBeLessThanOrEqual(call!.assignedAt);
      // the dispatch times as the simulated dispatch system knows them, not the first report after a start
      if (v.status === 'on_scene') expect(call!.arrivedAt!, v.id).toBeGreaterThan(call!.assignedAt);
    }
    for (const v of hub.vehicles().filter((x) => x.status === 'free')) expect(t.app.sitroom.store.teamCalls.current(v.id, v.fixAt)).toBeNull();
  });

  it('replays the same history for the same seed', async () => {
    const other = await startApp({ listen: false, env, autoStart: true, clock: manualClock(Date.parse('2026-11-23T07:00:00Z')) });
    try {
      // the backfill window; older appeals may appear later in one run when they change (closed long after)
      const window = [Date.parse('2026-11-15T07:00:00Z'), Date.parse('2026-11-23T07:00:00Z')] as const;
      const a = other.app.sitroom.store.appeals.countBy('municipality', ...window);
      expect(a).toEqual(t.app.sitroom.store.appeals.countBy('municipality', ...window));
      expect([...a.values()].reduce((x, y) => x + y, 0)).toBeGreaterThan(6000);
    } finally {
      await other.close();
    }
  });
});
