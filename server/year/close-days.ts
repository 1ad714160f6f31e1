// Closing days: each local day from the first the store has records of to yesterday gets its figures computed once
// (./figures.ts), oldest first, within a time budget per call, so a first start over a year of history fills in the
// background. A day computed replaces what an archive import said of it; days before the store's own records are
// left to imports.
import type { Store } from '../store';
import { HISTORY_SINCE, METRICS } from '../domain/metric-names';
import { DAY, dayKey, dayStart } from '../domain/time';
import { computeDay } from './figures';

/** The first local day the store's own records cover: its oldest count of appeals or sample of teams on duty; or,
 *  when a producer filled the history and said from when it is complete (the simulator), the first whole day from
 *  then (before it only stragglers exist: appeals re-planned for their later changes would make days look quiet). */
export function firstOwnDay(store: Store, timezone: string): string | null {
  const appeals = store.appeals.oldestDay();
  const teams = store.metrics.oldestAt(METRICS.emsTeamsOnDuty);
  const days = [appeals, teams === null ? null : dayKey(teams, timezone)].filter((d): d is string => d !== null);
  if (!days.length) return null;
  const since = Number(store.metrics.getMeta(HISTORY_SINCE)) || null;
  if (since === null) return days.sort()[0]!;
  const start = dayStart(since, timezone);
  return dayKey(start === since ? since : dayStart(start + DAY + DAY / 2, timezone), timezone);
}

/** Computes closed days without figures of their own; returns how many were done. */
export function closeDays(store: Store, timezone: string, now: number, budgetMs: number): number {
  const first = firstOwnDay(store, timezone);
  if (first === null) return 0;
  const today = dayStart(now, timezone);
  const yesterday = dayKey(today - DAY / 2, timezone);
  if (first > yesterday) return 0;
  const done = store.dailyFigures.computedDays(first, yesterday);
  // every day counted already (the usual case, every 2 s): no walk over the days
  if (done.size >= Math.round((Date.parse(yesterday) - Date.parse(first)) / DAY) + 1) return 0;
  const started = performance.now();
  let n = 0;
  // from the first day, by local midnights (the noon step keeps a day's start right across a change of offset)
  for (let start = dayStart(Date.parse(`${first}T12:00:00Z`), timezone); start < today; start = dayStart(start + DAY + DAY / 2, timezone)) {
    const day = dayKey(start, timezone);
    if (done.has(day)) continue;
    const end = dayStart(start + DAY + DAY / 2, timezone);
    store.dailyFigures.putDay(day, computeDay(store, day, start, end, timezone), 'computed');
    n++;
    if (performance.now() - started >= budgetMs) break;
  }
  return n;
}
