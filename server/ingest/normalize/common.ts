// Checks shared by the normalisers: times, places, known ids.
import { parseTime, MINUTE } from '../../domain/time';
import type { Reference } from '../../reference/load';
import { fieldsOf } from '../errors';

/** How far in the future a producer's clock may run before its times are refused. */
export const FUTURE_TOLERANCE = 10 * MINUTE;

export interface NormaliseContext {
  reference: Reference;
  now: number;
  source: string;
}

export type Fields = ReturnType<typeof fieldsOf>;

export function time(f: Fields, name: string, value: unknown, now: number): number;
export function time(f: Fields, name: string, value: unknown, now: number, optional: true): number | null;
export function time(f: Fields, name: string, value: unknown, now: number, optional = false): number | null {
  if (value === undefined || value === null) {
    if (optional) return null;
    return f.fail(name, 'required');
  }
  const t = parseTime(value);
  if (t === null) return f.fail(name, 'expected ISO-8601 with a time zone, epoch milliseconds or epoch seconds');
  if (t > now + FUTURE_TOLERANCE) return f.fail(name, `is in the future (${new Date(t).toISOString()})`);
  return t;
}

export function municipalityOf(f: Fields, ctx: NormaliseContext, given: string | undefined,
  point: { lon?: number; lat?: number }, fallback: string | null): string {
  if ((point.lon === undefined) !== (point.lat === undefined)) f.fail(point.lon === undefined ? 'lon' : 'lat', 'lon and lat come together');
  if (given !== undefined) {
    if (!ctx.reference.municipalityById.has(given)) f.fail('municipality', `unknown municipality "${given}"`);
    return given;
  }
  if (point.lon !== undefined && point.lat !== undefined) {
    const found = ctx.reference.geo.municipalityAt(point.lon, point.lat);
    if (!found) f.fail('lon', `point ${point.lat},${point.lon} is outside the republic's municipalities`);
    return found;
  }
  if (fallback !== null) return fallback;
  return f.fail('municipality', 'required (or lon and lat inside the republic)');
}
