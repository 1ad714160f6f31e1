// Indicators from a real store: today against yesterday and last week at the same time, deadlines and the ranking.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type TestApp } from '../../helpers/app';
import { DAY, HOUR } from '../../../server/domain/time';

let t: TestApp;
beforeAll(async () => { t = await startApp({ listen: false }); });
afterAll(async () => { await t.close(); });

describe('indicators', () => {
  it('compares today with the same time yesterday and last week, and ranks municipalities by overdue', () => {
    const now = t.clock.now(); // 14:00 in Ufa
    const a = (id: string, at: number, extra: Record<string, unknown> = {}) =>
      ({ id, channel: 'social', category: 'roads', municipality: 'ufa', receivedAt: at, ...extra });
    t.app.sitroom.ingest.appeals([
      a('t1', now - HOUR), a('t2', now - 2 * HOUR, { category: 'waste' }), a('t3', now - 3 * HOUR, { channel: 'pos' }),
      // yesterday: one before this time of day, one after; last week: one before; all answered within an hour
      a('y1', now - DAY - HOUR, { answeredAt: now - DAY }), a('y2', now - DAY + HOUR, { answeredAt: now - DAY + 2 * HOUR }),
      a('w1', now - 7 * DAY - 2 * HOUR, { answeredAt: now - 7 * DAY - HOUR }),
      // overdue: a social appeal 10 h old without an answer (deadline 8 h), in Sibay
      a('o1', now - 10 * HOUR, { municipality: 'sibay', status: 'in_work', inWorkAt: now - 9 * HOUR }),
      // answered late and on time in Ufa
      a('l1', now - 2 * DAY, { answeredAt: now - 2 * DAY + 9 * HOUR }), a('n1', now - 2 * DAY, { answeredAt: now - 2 * DAY + 2 * HOUR }),
    ], 'test');
    t.app.sitroom.ingest.metrics([
      { key: 'hotline.call_wait_s', at: now - HOUR, value: 40, labels: { outcome: 'answered' } },
      { key: 'hotline.call_wait_s', at: now - HOUR, value: 300, labels: { outcome: 'missed' } },
      { key: 'hotline.call_wait_s', at: now - HOUR, value: 20, labels: { outcome: 'answered' } },
    ], 'test');
    const s = t.app.sitroom.jobs.summary(0);
    expect(s.day).toBe('2026-11-23');
    // o1 was received today too; one week of history is too little for a usual value
    expect(s.appeals.total).toEqual({ today: 4, yesterdaySameTime: 1, lastWeekSameTime: 1, usual: null });
    expect(s.appeals.byChannel.find((c) => c.id === 'pos')!.today).toBe(1);
    expect(s.appeals.top5[0]).toEqual({ id: 'roads', count: 3 });
    expect(s.appeals.hourly.today.reduce((x, y) => x + y, 0)).toBe(4);
    expect(s.deadlines.openOverdue).toBe(1);
    expect(s.ranking.byOverdue[0]).toMatchObject({ id: 'sibay', openOverdue: 1 });
    const ufa = s.deadlines.byMunicipality.find((m) => m.id === 'ufa')!;
    // due in the window: y1, y2, w1, l1, n1 (t1, t2, t3 not yet); l1 answered an hour late
    expect(ufa).toMatchObject({ due: 5, dueOnTime: 4, onTimeShare: 0.8 });
    expect(s.deadlines.byMunicipality.find((m) => m.id === 'sibay')!.onTimeShare).toBe(0);
    expect(s.hotline).toMatchObject({ answered: 2, missed: 1, medianWaitSeconds: 30 });
    expect(s.hotline.missedShare).toBeCloseTo(1 / 3, 3);
  });
});
