// The OsmAnd protocol as Traccar Client and other trackers speak it, in its two shapes: query string or form fields
// (id, lat, lon, timestamp, speed in knots, bearing, ...) and the JSON of Traccar Client 9+ (device_id, location.coords,
// speed in m/s, negative values meaning unknown). Either becomes one position for the ingest pipeline.
import type { PositionIn } from '../../ingest/schemas';
import { inTimeRange, TIME_RANGE } from '../../domain/time';

export type SpeedUnit = 'kn' | 'kmh' | 'mps' | 'mph';
const TO_KMH: Record<SpeedUnit, number> = { kn: 1.852, kmh: 1, mps: 3.6, mph: 1.609344 };

export class OsmandFailure extends Error {
  constructor(readonly status: 400 | 404, readonly field: string, message: string) { super(`${field}: ${message}`); }
}
const bad = (field: string, message: string) => new OsmandFailure(400, field, message);

/** A fix, or a report without a position (position null: cell towers or Wi-Fi only, which OsmAnd devices send; `at`
 *  is when the device was heard from). */
export interface OsmandFix { device: string; position: Omit<PositionIn, 'vehicle'> | null; at: string; variant: 'query' | 'json' }

function num(v: unknown, field: string): number | undefined {
  if (v === undefined || v === null || v === '') return undefined;
  const n = typeof v === 'number' ? v : Number(v);
  if (!Number.isFinite(n)) throw bad(field, `expected a number, got ${JSON.stringify(v).slice(0, 40)}`);
  return n;
}

/** epoch seconds or milliseconds (told apart by size), ISO-8601, or "yyyy-MM-dd HH:mm:ss" (UTC, as Traccar reads it) */
export function parseTimestamp(v: unknown, field = 'timestamp'): number {
  const t = readTimestamp(v);
  if (t !== null && inTimeRange(t)) return t;
  throw bad(field, `expected epoch seconds or milliseconds, ISO-8601 or yyyy-MM-dd HH:mm:ss, ${TIME_RANGE}`);
}

function readTimestamp(v: unknown): number | null {
  if (typeof v === 'number' || (typeof v === 'string' && /^\d+(\.\d+)?$/.test(v.trim()))) {
    const n = Number(v);
    return Number.isFinite(n) ? (n > 1e11 ? Math.round(n) : Math.round(n * 1000)) : null;
  }
  if (typeof v !== 'string') return null;
  const plain = /^(\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d(\.\d+)?)$/.exec(v.trim());
  const t = Date.parse(plain ? `${plain[1]}T${plain[2]}Z` : v.trim());
  return Number.isFinite(t) ? t : null;
}

function coords(lat: number | undefined, lon: number | undefined): { lat: number; lon: number } {
  if (lat === undefined) throw bad('lat', 'required');
  if (lon === undefined) throw bad('lon', 'required');
  if (lat < -90 || lat > 90) throw bad('lat', `out of range: ${lat}`);
  if (lon < -180 || lon > 180) throw bad('lon', `out of range: ${lon}`);
  return { lat, lon };
}

/** Fields the position itself takes; every other key the tracker sends is kept as an attribute. */
const POSITION_KEYS = new Set(['id', 'deviceid', 'lat', 'lon', 'location', 'timestamp', 'speed', 'bearing', 'heading', 'accuracy']);
const MAX_ATTRIBUTES = 50;

function attributesOf(entries: [string, unknown][]): Record<string, string | number | boolean> | undefined {
  const out: Record<string, string | number | boolean> = {};
  for (const [k, v] of entries) {
    if (Object.keys(out).length >= MAX_ATTRIBUTES) break;
    if (v === undefined || v === null || v === '' || k.length > 60) continue;
    if (typeof v === 'number' || typeof v === 'boolean') out[k] = v;
    else if (typeof v === 'string') out[k] = /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : v === 'true' ? true : v === 'false' ? false : v.slice(0, 500);
    else out[k] = JSON.stringify(v).slice(0, 500);
  }
  return Object.keys(out).length ? out : undefined;
}

const heading = (h: number | undefined) => (h === undefined || h < 0 ? undefined : h % 360);

/** The query-string / form variant. */
export function parseQueryFix(q: Record<string, unknown>, unitOf: (device: string) => SpeedUnit, now: number): OsmandFix {
  const device = String(q['id'] ?? q['deviceid'] ?? '').trim();
  if (!device) throw bad('id', 'required (id or deviceid)');
  let lat = num(q['lat'], 'lat'), lon = num(q['lon'], 'lon');
  if (q['location'] !== undefined) {
    const [a, b] = String(q['location']).split(',');
    lat = num(a, 'location'); lon = num(b, 'location');
  }
  const at = new Date(q['timestamp'] === undefined ? now : parseTimestamp(q['timestamp'])).toISOString();
  if (lat === undefined && lon === undefined) return { device, variant: 'query', position: null, at };
  const p = coords(lat, lon);
  const speed = num(q['speed'], 'speed');
  const accuracy = num(q['accuracy'], 'accuracy');
  return { device, variant: 'query', at, position: {
    at, ...p,
    ...(speed !== undefined && speed >= 0 ? { speedKmh: Math.min(400, speed * TO_KMH[unitOf(device)]) } : {}),
    ...(heading(num(q['bearing'] ?? q['heading'], 'bearing')) !== undefined ? { heading: heading(num(q['bearing'] ?? q['heading'], 'bearing'))! } : {}),
    ...(accuracy !== undefined && accuracy >= 0 ? { accuracyM: accuracy } : {}),
    ...optional('attributes', attributesOf(Object.entries(q).filter(([k]) => !POSITION_KEYS.has(k)))),
  } };
}

const optional = <K extends string, V>(key: K, v: V | undefined) => (v === undefined ? {} : { [key]: v } as Record<K, V>);

/** The JSON variant of Traccar Client 9+. */
export function parseJsonFix(body: unknown): OsmandFix {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw bad('body', 'expected a JSON object');
  const b = body as Record<string, unknown>;
  const device = typeof b['device_id'] === 'string' || typeof b['device_id'] === 'number' ? String(b['device_id']).trim() : '';
  if (!device) throw bad('device_id', 'required');
  const location = b['location'] as Record<string, unknown> | undefined;
  if (typeof location !== 'object' || location === null) throw bad('location', 'required');
  if (location['timestamp'] === undefined) throw bad('location/timestamp', 'required');
  const at = new Date(parseTimestamp(location['timestamp'], 'location/timestamp')).toISOString();
  const c = (location['coords'] ?? {}) as Record<string, unknown>;
  if (typeof c !== 'object' || c === null || Array.isArray(c)) throw bad('location/coords', 'expected an object');
  const lat = num(c['latitude'], 'location/coords/latitude'), lon = num(c['longitude'], 'location/coords/longitude');
  if (lat === undefined && lon === undefined) return { device, variant: 'json', position: null, at };
  if (lat === undefined) throw bad('location/coords/latitude', 'required');
  if (lon === undefined) throw bad('location/coords/longitude', 'required');
  if (lat < -90 || lat > 90) throw bad('location/coords/latitude', `out of range: ${lat}`);
  if (lon < -180 || lon > 180) throw bad('location/coords/longitude', `out of range: ${lon}`);
  const speed = num(c['speed'], 'location/coords/speed');
  const accuracy = num(c['accuracy'], 'location/coords/accuracy');
  const h = heading(num(c['heading'], 'location/coords/heading'));
  return { device, variant: 'json', at, position: {
    at, lat, lon,
    ...(speed !== undefined && speed >= 0 ? { speedKmh: Math.min(400, speed * TO_KMH.mps) } : {}),
    ...(h !== undefined ? { heading: h } : {}),
    ...(accuracy !== undefined && accuracy >= 0 ? { accuracyM: accuracy } : {}),
    ...optional('attributes', attributesOf(jsonAttributes(b, location, c))),
  } };
}

/** Battery, motion, event, extras and the coords the position does not take; negative numbers mean unknown. */
function jsonAttributes(b: Record<string, unknown>, location: Record<string, unknown>, c: Record<string, unknown>): [string, unknown][] {
  const known = (v: unknown) => (typeof v === 'number' && v < 0 ? undefined : v);
  const battery = (location['battery'] ?? b['battery']) as Record<string, unknown> | undefined;
  const level = known(battery?.['level']);
  const extras = (location['extras'] ?? b['extras']) as Record<string, unknown> | undefined;
  return [
    ['altitude', known(c['altitude'])], ['altitude_accuracy', known(c['altitude_accuracy'])],
    ['batt', typeof level === 'number' ? Math.round(level * 100) : undefined], ['charge', battery?.['is_charging']],
    ['motion', location['is_moving'] ?? b['is_moving']], ['event', location['event'] ?? b['event']],
    ['activity', (location['activity'] as Record<string, unknown> | undefined)?.['type']],
    ...(typeof extras === 'object' && extras !== null ? Object.entries(extras) : []),
  ];
}
