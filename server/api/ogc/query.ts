// The query parameters of OGC API – Features items (Part 1, Core): limit, bbox (WGS 84 longitude/latitude, CRS84),
// datetime (an instant or an interval with open ends, RFC 3339), and our paging (offset or a cursor from a next link).
import { parseTime } from '../../domain/time';

export interface ItemsQuery {
  limit: number;
  offset: number;
  cursor: string | null;
  bbox: [number, number, number, number] | null;
  /** an interval, either end open (null); an instant is from = to */
  datetime: { from: number | null; to: number | null } | null;
}

export const DEFAULT_LIMIT = 100;
export const MAX_LIMIT = 10_000;

export class OgcQueryError extends Error {
  constructor(readonly field: string, message: string) { super(`${field}: ${message}`); }
}

function bboxOf(raw: string): ItemsQuery['bbox'] {
  const n = raw.split(',').map((x) => Number(x.trim()));
  if ((n.length !== 4 && n.length !== 6) || n.some((x) => !Number.isFinite(x))) {
    throw new OgcQueryError('bbox', 'expected minLon,minLat,maxLon,maxLat (4 numbers, or 6 with heights)');
  }
  const [x0, y0, x1, y1] = n.length === 6 ? [n[0]!, n[1]!, n[3]!, n[4]!] : [n[0]!, n[1]!, n[2]!, n[3]!];
  if (y0 < -90 || y1 > 90 || y0 > y1) throw new OgcQueryError('bbox', 'latitudes must be in -90..90, the lower first');
  if (x0 < -180 || x1 > 180) throw new OgcQueryError('bbox', 'longitudes must be in -180..180');
  return [x0, y0, x1, y1];
}

function timeOf(raw: string): number | null {
  if (raw === '..' || raw === '') return null;
  const t = parseTime(raw);
  if (t === null) throw new OgcQueryError('datetime', `"${raw.slice(0, 40)}" is not an RFC 3339 date-time with a zone (or ".." for an open end)`);
  return t;
}

function datetimeOf(raw: string): ItemsQuery['datetime'] {
  const parts = raw.split('/');
  if (parts.length > 2) throw new OgcQueryError('datetime', 'expected an instant or start/end');
  if (parts.length === 1) { const t = timeOf(parts[0]!); if (t === null) throw new OgcQueryError('datetime', 'an instant cannot be open'); return { from: t, to: t }; }
  const from = timeOf(parts[0]!), to = timeOf(parts[1]!);
  if (from !== null && to !== null && from > to) throw new OgcQueryError('datetime', 'the start is after the end');
  return { from, to };
}

export function parseItemsQuery(q: Record<string, string | undefined>): ItemsQuery {
  const limit = q['limit'] === undefined ? DEFAULT_LIMIT : Number(q['limit']);
  if (!Number.isInteger(limit) || limit < 1) throw new OgcQueryError('limit', `expected a whole number from 1 (at most ${MAX_LIMIT} are returned)`);
  const offset = q['offset'] === undefined ? 0 : Number(q['offset']);
  if (!Number.isInteger(offset) || offset < 0) throw new OgcQueryError('offset', 'expected a whole number from 0');
  return { limit: Math.min(limit, MAX_LIMIT), offset, cursor: q['cursor'] ?? null,
    bbox: q['bbox'] === undefined ? null : bboxOf(q['bbox']), datetime: q['datetime'] === undefined ? null : datetimeOf(q['datetime']) };
}

export const inBbox = (bbox: ItemsQuery['bbox'], lon: number, lat: number): boolean =>
  !bbox || (lon >= bbox[0] && lon <= bbox[2] && lat >= bbox[1] && lat <= bbox[3]);

/** the interval [start, end] (end null: still going on) meets the query's datetime */
export const inTime = (dt: ItemsQuery['datetime'], start: number | null, end: number | null = start): boolean =>
  !dt || (start !== null && (dt.to === null || start <= dt.to) && (dt.from === null || (end ?? Infinity) >= dt.from));
