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
  return {
    name: item.name, at: time(f, 'at', item.at, ctx.now), value: item.value, municipality: item.municipality ?? null,
    labels: item.labels ?? null, key: item.key ?? null, source: ctx.source,
  };
}
