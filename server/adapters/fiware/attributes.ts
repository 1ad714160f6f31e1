// One attribute of a FIWARE entity read to a plain value, in every shape brokers send: NGSI-v2 keyValues and
// normalized (geo:point strings, metadata.unitCode), NGSI-LD normalized and concise (Property, GeoProperty,
// Relationship, VocabProperty, ListProperty, LanguageProperty), JSON-LD typed literals ({"@type", "@value"}),
// observedAt, and multi-attributes (instances told apart by datasetId).
import { LIMITS } from '../../ingest/limits';
import { parseTime, TIME_RANGE } from '../../domain/time';

export class FiwareRefused extends Error {
  constructor(readonly field: string, message: string) { super(`${field}: ${message}`); }
}

export interface Reading { value: unknown; observedAt: number | null; datasetId: string | null }

const LD_KINDS = new Set(['Property', 'GeoProperty', 'Relationship', 'LanguageProperty', 'ListProperty', 'VocabProperty',
  'ListRelationship', 'JsonProperty']);
const GEOJSON_TYPES = new Set(['Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon']);
/** UN/CEFACT code of percent: such a value (0–100) is read as a fraction, as the Smart Data Models keep levels */
const PERCENT = 'P1';

export const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The last segment of a term's URI: NGSI-LD may send full URIs for types and vocabulary terms. */
export function shortTerm(t: string): string {
  return t.split(/[/#:]/).pop() ?? t;
}
const vocabulary = (v: unknown): unknown => (typeof v === 'string' ? shortTerm(v) : Array.isArray(v) ? v.map(vocabulary) : v);

/** An NGSI-LD multi-attribute: instances, each an object of an LD kind, with a value or object, or a datasetId. */
function isMultiAttribute(v: unknown): v is Record<string, unknown>[] {
  return Array.isArray(v) && v.length > 0 && v.every((x) => isObject(x)
    && ('datasetId' in x || (typeof x['type'] === 'string' && LD_KINDS.has(x['type'])) || 'value' in x || 'object' in x));
}

/** The instance a site shows: the freshest reading; without observedAt, the default instance (no datasetId), else the first. */
function freshest(readings: Reading[]): Reading {
  const timed = readings.filter((r) => r.observedAt !== null).sort((a, b) => b.observedAt! - a.observedAt!);
  return timed[0] ?? readings.find((r) => r.datasetId === null) ?? readings[0]!;
}

/** NGSI-v2 geo:point is "latitude, longitude" in a string. */
function geoPoint(v: string, field: string): { type: 'Point'; coordinates: [number, number] } {
  const parts = v.split(',').map((x) => Number(x.trim()));
  if (parts.length !== 2 || parts.some((x) => !Number.isFinite(x))) {
    throw new FiwareRefused(field, `geo:point expects "latitude, longitude", got ${JSON.stringify(v).slice(0, 60)}`);
  }
  return { type: 'Point', coordinates: [parts[1]!, parts[0]!] };
}

function observedAtOf(o: Record<string, unknown>, field: string): number | null {
  const raw = o['observedAt'];
  if (raw === undefined || raw === null) return null;
  const t = parseTime(isObject(raw) ? raw['@value'] : raw);
  if (t === null) throw new FiwareRefused(`${field}/observedAt`, `expected an ISO-8601 date-time with a zone, ${TIME_RANGE}`);
  return t;
}

/** unitCode in NGSI-LD (on the property) or NGSI-v2 (metadata.unitCode.value) */
function unitCodeOf(o: Record<string, unknown>): unknown {
  const metadata = o['metadata'];
  return o['unitCode'] ?? (isObject(metadata) && isObject(metadata['unitCode']) ? metadata['unitCode']['value'] : undefined);
}

/** One attribute instance's plain value. */
function readOne(v: unknown, field: string): Reading {
  if (!isObject(v)) return { value: v, observedAt: null, datasetId: null };
  const datasetId = typeof v['datasetId'] === 'string' ? v['datasetId'] : null;
  const observedAt = observedAtOf(v, field);
  const as = (value: unknown): Reading => ({ value, observedAt, datasetId });
  if (typeof v['type'] === 'string' && GEOJSON_TYPES.has(v['type']) && 'coordinates' in v) return as(v); // GeoJSON as is
  if ('@value' in v) return as(v['@value']); // a typed literal: {"@type": "DateTime", "@value": "…"}
  if (v['type'] === 'geo:point' && typeof v['value'] === 'string') return as(geoPoint(v['value'], field));
  if ('object' in v) return as(v['object']); // a Relationship
  if ('vocab' in v) return as(vocabulary(v['vocab']));
  if ('valueList' in v) return as(Array.isArray(v['valueList']) ? v['valueList'].map((x) => readOne(x, field).value) : v['valueList']);
  if ('value' in v) {
    const value = readOne(v['value'], field).value;
    return as(unitCodeOf(v) === PERCENT && typeof value === 'number' ? value / 100 : value);
  }
  if ('languageMap' in v) return as(v['languageMap']);
  if (typeof v['type'] === 'string' && LD_KINDS.has(v['type'])) return as(null);
  return as(v);
}

/** An attribute's reading: its one instance, or the freshest of a multi-attribute's. */
export function readAttribute(v: unknown, field: string): Reading {
  if (!isMultiAttribute(v)) return readOne(v, field);
  if (v.length > LIMITS.fiwareInstances) throw new FiwareRefused(field, `at most ${LIMITS.fiwareInstances} instances of one attribute, got ${v.length}`);
  return freshest(v.map((x, i) => readOne(x, `${field}/${i}`)));
}
