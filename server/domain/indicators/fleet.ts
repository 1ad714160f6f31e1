// Ambulance fleet: teams on duty now against the same weekday last year, free and busy, calls and arrival times today.
import { BUSY_STATUSES } from '../../protocol/views';
import type { Summary } from '../../protocol/summary';
import { VEHICLE_STATUSES } from '../../protocol/views';
import { ARRIVAL_TARGET_MINUTES, METRICS } from '../metric-names';
import { median, round, share } from '../stats';
import { DAY, HOUR, dayStart } from '../time';
import { sameTimeWindows, usualFor, type IndicatorContext } from './context';

const BUSY = new Set<string>(BUSY_STATUSES);

export function fleetIndicators(c: IndicatorContext): Summary['fleet'] {
  const vehicles = c.hub.vehicles();
  const byStatus: Record<string, number> = Object.fromEntries(VEHICLE_STATUSES.map((s) => [s, 0]));
  let newestFixAt: number | null = null;
  for (const v of vehicles) {
    if (v.status) byStatus[v.status] = (byStatus[v.status] ?? 0) + 1;
    if (v.fixAt !== null && (newestFixAt === null || v.fixAt > newestFixAt)) newestFixAt = v.fixAt;
  }
  const busy = vehicles.filter((v) => v.status !== null && BUSY.has(v.status)).length;
  const free = byStatus.free ?? 0;
  // the same weekday 52 weeks back, so weekday rhythms compare like with like
  // around the same time of day (±1 h), so a night shift is compared with a night shift; else that day's average
  const lastYearStart = dayStart(c.todayStart - 364 * DAY + DAY / 2, c.timezone);
  const sameTime = lastYearStart + (c.now - c.todayStart);
  const near = c.store.metrics.stats(METRICS.emsTeamsOnDuty, sameTime - HOUR, sameTime + HOUR);
  const lastYear = near.n > 0 ? near : c.store.metrics.stats(METRICS.emsTeamsOnDuty, lastYearStart, lastYearStart + DAY);
  const w = sameTimeWindows(c);
  const callsToday = c.store.metrics.stats(METRICS.emsCall, w.today[0], w.today[1] + 1).sum ?? 0;
  const arrivals = c.store.metrics.samples(METRICS.emsArrival, c.todayStart, c.now + 1).map((s) => s.value / 60);
  return {
    teams: vehicles.length,
    onDuty: vehicles.filter((v) => v.status !== null && v.status !== 'off_duty').length,
    onDutyLastYear: lastYear.n > 0 ? round(lastYear.avg, 0) : null,
    free, busy, byStatus,
    callsToday,
    callsUsual: usualFor(c, callsToday, c.store.metrics.oldestAt(METRICS.emsCall), (from, to) => c.store.metrics.stats(METRICS.emsCall, from, to).sum ?? 0),
    callsYesterdaySameTime: c.store.metrics.stats(METRICS.emsCall, ...w.yesterday).sum ?? 0,
    arrivalsToday: arrivals.length,
    medianArrivalMinutes: round(median(arrivals), 1),
    within20Share: round(share(arrivals.filter((m) => m <= ARRIVAL_TARGET_MINUTES).length, arrivals.length), 4),
    arrivalTargetMinutes: ARRIVAL_TARGET_MINUTES,
    newestFixAt,
  };
}
