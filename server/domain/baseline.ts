// "Compared with what": a figure's usual value is the same weekday at the same time of day over the last
// BASELINE_WEEKS ordinary weeks (holidays, transferred days off and working weekends left out, looking back at most
// BASELINE_LOOKBACK_WEEKS), its usual range those weeks' values without the highest and the lowest. A figure is marked
// only when it is outside that range by more than a count's own noise (√usual), so a quiet Sunday never makes Monday
// a spike, and a real anomaly on any day stands out.
import { DAY, dayKey, dayStart } from './time';
import { median } from './stats';
import type { Calendar } from './calendar';
import type { Usual } from '../protocol/summary';

export const BASELINE_WEEKS = 6;
export const BASELINE_LOOKBACK_WEEKS = 10;

export interface BaselineDays {
  /** [start, end) of the same stretch of each ordinary same weekday, newest first */
  windows: [number, number][];
  /** the local midnights those windows start at */
  starts: number[];
  /** today is a holiday or a day off: figures are shown against the usual, never marked */
  holiday: { ru: string; en: string } | null;
}

/** The same weekday's stretch [midnight, midnight + elapsed) in each of the last ordinary weeks. */
export function baselineDays(todayStart: number, now: number, timezone: string, calendar: Calendar): BaselineDays {
  const elapsed = now - todayStart;
  const windows: [number, number][] = [];
  const starts: number[] = [];
  for (let k = 1; k <= BASELINE_LOOKBACK_WEEKS && windows.length < BASELINE_WEEKS; k++) {
    // half a day off the exact multiple, so a daylight-saving change cannot land on the wrong midnight
    const start = dayStart(todayStart - k * 7 * DAY + DAY / 2, timezone);
    if (calendar.atypical(dayKey(start, timezone))) continue;
    windows.push([start, start + elapsed]);
    starts.push(start);
  }
  return { windows, starts, holiday: calendar.holiday(dayKey(todayStart + DAY / 2, timezone)) };
}

/** The usual value and range of past weeks' values, and whether today's is outside it; null with under 3 weeks. */
export function usualOf(values: readonly number[], today: number, holiday: boolean): Usual | null {
  if (values.length < 3) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const trimmed = sorted.length >= 5 ? sorted.slice(1, -1) : sorted;
  const usual = median(sorted)!;
  const low = trimmed[0]!, high = trimmed[trimmed.length - 1]!;
  const noise = Math.sqrt(Math.max(usual, 1));
  const flag = holiday ? null : today > high + noise ? 'above' : today < low - noise ? 'below' : null;
  return { usual, low, high, weeks: values.length, flag };
}
