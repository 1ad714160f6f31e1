// An incoming metric sample → MetricRecord.
import type { MetricRecord } from '../../domain/records';
import { fieldsOf } from '../errors';
import type { MetricIn } from '../schemas';
import { time, type NormaliseContext } from './common';

export function normaliseMetric(item: MetricIn, i: number, ctx: NormaliseContext): MetricRecord {
  const f = fieldsOf('metrics', i);
  if (!Number.isFinite(item.value)) f.fail('value', 'expected a finite number');
  if (item.municipality !== undefined && !ctx.reference.municipalityById.has(item.municipality)) {
    f.fail('municipality', `unknown municipality "${item.municipality}"`);
  }
  const th = item.thresholds;
  if (th?.warn !== undefined && th.critical !== undefined && th.warn !== th.critical
    && (th.direction === 'below' ? th.critical > th.warn : th.critical < th.warn)) {
    f.fail('thresholds/critical', `must be ${th.direction === 'below' ? 'below' : 'above'} warn (direction ${th.direction ?? 'above'})`);
  }
  return {
    name: item.key, at: time(f, 'at', item.at, ctx.now), value: item.value, municipality: item.municipality ?? null,
    labels: item.labels ?? null, key: item.id ?? null, source: ctx.source,
  };
}
