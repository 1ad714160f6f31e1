// Container sites: by status, overflowing now, not serviced for 24 h / 72 h, and each operator's share serviced today.
import type { OperatorContainers, Summary } from '../../protocol/summary';
import { CONTAINER_STATUSES } from '../../protocol/views';
import { HOUR } from '../time';
import type { IndicatorContext } from './context';

export function containerIndicators(c: IndicatorContext): Summary['containers'] {
  const byStatus: Record<string, number> = Object.fromEntries(CONTAINER_STATUSES.map((s) => [s, 0]));
  const ops = new Map<string, OperatorContainers>(c.reference.operators.map((o) => [o.id, {
    id: o.id, sites: 0, servicedToday: 0, servicedTodayShare: 0, overflowing: 0, notServiced24h: 0, notServiced72h: 0,
  }]));
  const h24 = c.now - 24 * HOUR;
  const h72 = c.now - 72 * HOUR;
  for (const s of c.hub.sites()) {
    byStatus[s.status] = (byStatus[s.status] ?? 0) + 1;
    const op = ops.get(s.operator);
    if (!op) continue;
    op.sites++;
    if (s.status === 'overflowing') op.overflowing++;
    if (s.servicedAt !== null && s.servicedAt >= c.todayStart) op.servicedToday++;
    if (s.servicedAt === null || s.servicedAt < h24) op.notServiced24h++;
    if (s.servicedAt === null || s.servicedAt < h72) op.notServiced72h++;
  }
  const byOperator = [...ops.values()].map((o) => ({ ...o, servicedTodayShare: o.sites ? Number((o.servicedToday / o.sites).toFixed(4)) : 0 }));
  const total = (k: 'overflowing' | 'notServiced24h' | 'notServiced72h' | 'servicedToday') => byOperator.reduce((s, o) => s + o[k], 0);
  return {
    sites: c.hub.sites().length, byStatus,
    overflowing: total('overflowing'), notServiced24h: total('notServiced24h'), notServiced72h: total('notServiced72h'),
    servicedToday: total('servicedToday'), byOperator, newestAt: c.hub.touched('containers'),
  };
}
