// Container sites: by status, overflowing now, not serviced for 24 h / 72 h, and each operator's service today
// against what was due: a site is due today when it was serviced today or its sanitary limit has run out by now
// (SanPiN 2.1.3684-21 §11: daily at a three-day mean of +5 °C and above, else every 3 days). Dividing by every site,
// as before, made the share swing with the calendar and the time of day instead of with the operator's work.
import type { OperatorContainers, Summary } from '../../protocol/summary';
import { CONTAINER_STATUSES } from '../../protocol/views';
import { METRICS } from '../metric-names';
import { DAY, HOUR, localParts } from '../time';
import type { IndicatorContext } from './context';

/** The sanitary limit in days: from the three-day mean air temperature when a producer reports it, else by season
 *  (daily from 15 April to 15 October, the months the republic's mean daily temperature is about +5 °C or above). */
export function sanitaryLimit(c: IndicatorContext): Summary['containers']['sanitaryLimit'] {
  return sanitaryLimitAt(c.store, c.now, c.timezone);
}

/** The sanitary limit in force at moment `now` (also for a past day's services, server/year/). */
export function sanitaryLimitAt(store: IndicatorContext['store'], now: number, timezone: string): Summary['containers']['sanitaryLimit'] {
  const t = store.metrics.stats(METRICS.airTemperature, now - 3 * DAY, now + 1);
  if (t.n > 0 && t.avg !== null) return { days: t.avg >= 5 ? 1 : 3, basis: 'temperature', meanTemperatureC: Number(t.avg.toFixed(1)) };
  const p = localParts(now, timezone);
  const warm = (p.month > 4 || (p.month === 4 && p.day >= 15)) && (p.month < 10 || (p.month === 10 && p.day <= 15));
  return { days: warm ? 1 : 3, basis: 'season', meanTemperatureC: null };
}

export function containerIndicators(c: IndicatorContext): Summary['containers'] {
  const limit = sanitaryLimit(c);
  const byStatus: Record<string, number> = Object.fromEntries(CONTAINER_STATUSES.map((s) => [s, 0]));
  const ops = new Map<string, OperatorContainers>(c.reference.operators.map((o) => [o.id, {
    id: o.id, sites: 0, dueSoFar: 0, servicedToday: 0, servicedTodayShare: null, overflowing: 0, notServiced24h: 0, notServiced72h: 0, pastLimit: 0,
  }]));
  const h24 = c.now - 24 * HOUR, h72 = c.now - 72 * HOUR, limitAgo = c.now - limit.days * DAY;
  for (const s of c.hub.sites()) {
    byStatus[s.status] = (byStatus[s.status] ?? 0) + 1;
    const op = ops.get(s.operator);
    if (!op) continue;
    op.sites++;
    const today = s.servicedAt !== null && s.servicedAt >= c.todayStart;
    const pastLimit = s.servicedAt === null || s.servicedAt <= limitAgo;
    if (s.status === 'overflowing') op.overflowing++;
    if (today) op.servicedToday++;
    if (pastLimit) op.pastLimit++;
    if (today || pastLimit) op.dueSoFar++;
    if (s.servicedAt === null || s.servicedAt < h24) op.notServiced24h++;
    if (s.servicedAt === null || s.servicedAt < h72) op.notServiced72h++;
  }
  const byOperator = [...ops.values()].map((o) => ({ ...o, servicedTodayShare: o.dueSoFar ? Number((o.servicedToday / o.dueSoFar).toFixed(4)) : null }));
  const total = (k: 'overflowing' | 'notServiced24h' | 'notServiced72h' | 'servicedToday' | 'dueSoFar' | 'pastLimit') => byOperator.reduce((s, o) => s + o[k], 0);
  return {
    sites: c.hub.sites().length, byStatus, sanitaryLimit: limit,
    overflowing: total('overflowing'), notServiced24h: total('notServiced24h'), notServiced72h: total('notServiced72h'),
    servicedToday: total('servicedToday'), dueSoFar: total('dueSoFar'), pastLimit: total('pastLimit'), byOperator, newestAt: c.containersNewestAt,
  };
}
