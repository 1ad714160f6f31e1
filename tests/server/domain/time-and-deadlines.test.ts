import { describe, expect, it } from 'vitest';
import { dayKey, dayStart, parseTime, HOUR } from '../../../server/domain/time';
import { dueAt, onTime } from '../../../server/domain/deadlines';
import type { Channel, Category } from '../../../server/reference/schemas';

const TZ = 'Asia/Yekaterinburg';

describe('local time of the region', () => {
  it('starts the local day at midnight UTC+5', () => {
    const t = Date.parse('2026-11-23T02:00:00Z'); // 07:00 in Ufa
    expect(new Date(dayStart(t, TZ)).toISOString()).toBe('2026-11-22T19:00:00.000Z');
    expect(dayKey(t, TZ)).toBe('2026-11-23');
    expect(dayKey(Date.parse('2026-11-22T18:59:59Z'), TZ)).toBe('2026-11-22');
  });
  it('reads ISO-8601 with a zone, epoch ms and epoch seconds, and refuses zoneless times', () => {
    expect(parseTime('2026-11-23T10:00:00+05:00')).toBe(Date.parse('2026-11-23T05:00:00Z'));
    expect(parseTime(1795400000)).toBe(1795400000000);
    expect(parseTime(1795400000123)).toBe(1795400000123);
    expect(parseTime('2026-11-23 10:00:00')).toBeNull();
    expect(parseTime('soon')).toBeNull();
  });
});

describe('deadlines', () => {
  const social = { id: 'social', deadlineHours: 8, ceilingHours: 24 } as Channel;
  it('takes the channel deadline, shortened by a category deadline', () => {
    const t = Date.parse('2026-11-23T05:00:00Z');
    expect(dueAt(t, social, undefined)).toEqual({ dueAt: t + 8 * HOUR, ceilingAt: t + 24 * HOUR });
    expect(dueAt(t, social, { deadlineHours: 2 } as Category).dueAt).toBe(t + 2 * HOUR);
    expect(dueAt(t, social, { deadlineHours: 48 } as Category).dueAt).toBe(t + 8 * HOUR);
  });
  it('judges on time by the answer, or by the clock while open', () => {
    expect(onTime({ answeredAt: 5, dueAt: 10 }, 100)).toBe(true);
    expect(onTime({ answeredAt: 11, dueAt: 10 }, 100)).toBe(false);
    expect(onTime({ answeredAt: null, dueAt: 10 }, 5)).toBeNull();
    expect(onTime({ answeredAt: null, dueAt: 10 }, 11)).toBe(false);
  });
});
