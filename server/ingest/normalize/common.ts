// Checks shared by the normalisers: times, places, known ids.
import { parseTime, FUTURE_TOLERANCE, TIME_RANGE } from '../../domain/time';
import type { Reference } from '../../reference/load';
import { fieldsOf } from '../errors';

export { FUTURE_TOLERANCE };

export interface NormaliseContext {
  reference: Reference;
  now: number;
  source: string;
  /** SITROOM_OUT_OF_REGION: flag keeps a point outside the republic aside (OutsideRegion), reject refuses it */
  outOfRegion: 'flag' | 'reject';
}

/** A valid point outside the republic's municipalities, under SITROOM_OUT_OF_REGION=flag: the pipeline keeps the item
 *  aside (stored, listed, never counted in the region's figures) instead of refusing it. */
export class OutsideRegion extends Error {
  constructor(readonly lon: number, readonly lat: number) { super(`point ${lat},${lon} is outside the republic`); }
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
  if (t === null) return f.fail(name, `expected ISO-8601 with a time zone, epoch milliseconds or epoch seconds, ${TIME_RANGE}`);
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
    if (!found && ctx.outOfRegion === 'flag') throw new OutsideRegion(point.lon, point.lat);
    if (!found) f.fail('lon', `point ${point.lat},${point.lon} is outside the republic's municipalities (SITROOM_OUT_OF_REGION=reject)`);
    return found;
  }
  if (fallback !== null) return fallback;
  return f.fail('municipality', 'required (or lon and lat inside the republic)');
}
