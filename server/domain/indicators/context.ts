// What every indicator needs: the store, the reference data, the hub's current state and "now" in local time.
import type { Store } from '../../store';
import type { Reference } from '../../reference/load';
import type { Hub } from '../../hub/hub';
import { DAY, dayKey, dayStart } from '../time';

export interface IndicatorContext {
  store: Store;
  reference: Reference;
  hub: Hub;
  now: number;
  timezone: string;
  todayStart: number;
  yesterdayStart: number;
  lastWeekStart: number;
  day: string;
}

export function indicatorContext(store: Store, reference: Reference, hub: Hub, now: number, timezone: string): IndicatorContext {
  const todayStart = dayStart(now, timezone);
  return {
    store, reference, hub, now, timezone, todayStart,
    // local midnights a day and a week back (correct across a DST change, should the zone have one)
    yesterdayStart: dayStart(todayStart - DAY / 2, timezone),
    lastWeekStart: dayStart(todayStart - 6.5 * DAY, timezone),
    day: dayKey(now, timezone),
  };
}

/** [start, start + elapsed) windows: today so far, and the same stretch of yesterday and of the same weekday last week. */
export function sameTimeWindows(c: IndicatorContext) {
  const elapsed = c.now - c.todayStart;
  return {
    today: [c.todayStart, c.now] as const,
    yesterday: [c.yesterdayStart, c.yesterdayStart + elapsed] as const,
    lastWeek: [c.lastWeekStart, c.lastWeekStart + elapsed] as const,
  };
}
