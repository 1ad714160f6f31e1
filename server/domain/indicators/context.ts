// What every indicator needs: the store, the reference data, the hub's current state and "now" in local time.
import type { Store } from '../../store';
import type { Reference } from '../../reference/load';
import type { Hub } from '../../hub/hub';
import { DAY, dayKey, dayStart } from '../time';
import { baselineDays, usualOf, type BaselineDays } from '../baseline';
import type { Usual } from '../../protocol/summary';
import { HISTORY_SINCE } from '../metric-names';

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
  /** the same weekday's stretch in the last ordinary weeks: what "usual" means (server/domain/baseline.ts) */
  baseline: BaselineDays;
  /** when the container sites last changed: the live hub's last update, or a past moment's newest event */
  containersNewestAt: number | null;
}

export function indicatorContext(store: Store, reference: Reference, hub: Hub, now: number, timezone: string,
  containersNewestAt: number | null = hub.touched('containers')): IndicatorContext {
  const todayStart = dayStart(now, timezone);
  return {
    store, reference, hub, now, timezone, todayStart,
    // local midnights a day and a week back (correct across a DST change, should the zone have one)
    yesterdayStart: dayStart(todayStart - DAY / 2, timezone),
    lastWeekStart: dayStart(todayStart - 6.5 * DAY, timezone),
    day: dayKey(now, timezone),
    baseline: baselineDays(todayStart, now, timezone, reference.calendar),
    containersNewestAt,
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

/** The baseline windows the store has data for: a week before the first record would count as zero, not unknown. */
export function windowsSince(c: IndicatorContext, oldest: number | null): [number, number][] {
  if (oldest === null) return [];
  // a producer that fills history (the simulator) says from when it is complete: before that only stragglers exist
  const complete = Math.max(oldest, Number(c.store.metrics.getMeta(HISTORY_SINCE)) || 0);
  return c.baseline.windows.filter(([from]) => from >= complete);
}


/** A figure's usual value over the baseline weeks since `oldest`, each week's value read by `valueIn`. */
export function usualFor(c: IndicatorContext, today: number, oldest: number | null, valueIn: (from: number, to: number) => number): Usual | null {
  return usualOf(windowsSince(c, oldest).map(([from, to]) => valueIn(from, to)), today, c.baseline.holiday !== null);
}
