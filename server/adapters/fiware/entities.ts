// FIWARE entities in any of the four representations, read into one flat shape: NGSI-v2 keyValues ({attr: value}),
// NGSI-v2 normalized ({attr: {type, value, metadata}}), NGSI-LD normalized ({attr: {type: Property|GeoProperty|
// Relationship, value|object}}, @context, urn:ngsi-ld: ids) and NGSI-LD concise ({attr: value} or {value}/{object}).
import { CONTROL_CHARACTERS, LIMITS } from '../../ingest/limits';

export class FiwareRefused extends Error {
  constructor(readonly field: string, message: string) { super(`${field}: ${message}`); }
}

export const WASTE_TYPES = ['WasteContainer', 'WasteContainerIsle', 'WasteContainerModel'] as const;
export type WasteType = (typeof WASTE_TYPES)[number];

export interface FlatEntity {
  id: string;
  type: WasteType;
  /** attribute name → plain value (a Relationship's object, a GeoProperty's GeoJSON) */
  attrs: Record<string, unknown>;
  /** where the entity was in the request, for error messages (entities/3) */
  path: string;
}

const META_KEYS = new Set(['id', 'type', '@context']);
const LD_KINDS = new Set(['Property', 'GeoProperty', 'Relationship', 'LanguageProperty', 'ListProperty', 'VocabProperty']);
const GEOJSON_TYPES = new Set(['Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon']);

/** An attribute's plain value, whatever the representation wrapped it in. */
export function plain(v: unknown): unknown {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return v;
  const o = v as Record<string, unknown>;
  if (typeof o['type'] === 'string' && GEOJSON_TYPES.has(o['type']) && 'coordinates' in o) return o; // GeoJSON as is
  if ('object' in o) return o['object']; // an NGSI-LD Relationship (normalized or concise)
  if ('value' in o) return plain(o['value']); // NGSI-v2 normalized, NGSI-LD Property/GeoProperty (normalized or concise)
  if ('languageMap' in o) return o['languageMap'];
  if (typeof o['type'] === 'string' && LD_KINDS.has(o['type'])) return null;
  return o;
}

/** The short type name: NGSI-LD may send the full URI of the Smart Data Model type. */
function shortType(t: string): string {
  return t.split(/[/#:]/).pop() ?? t;
}

export function flatten(raw: unknown, path: string): FlatEntity {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new FiwareRefused(path, 'expected an entity object');
  const e = raw as Record<string, unknown>;
  if (typeof e['id'] !== 'string' || !e['id'].trim()) throw new FiwareRefused(`${path}/id`, 'required (a string)');
  if (e['id'].length > 200) throw new FiwareRefused(`${path}/id`, 'longer than 200 characters');
  if (CONTROL_CHARACTERS.test(e['id'])) throw new FiwareRefused(`${path}/id`, 'holds a control character');
  if (typeof e['type'] !== 'string') throw new FiwareRefused(`${path}/type`, 'required (a string)');
  const type = shortType(e['type']);
  if (!(WASTE_TYPES as readonly string[]).includes(type)) {
    throw new FiwareRefused(`${path}/type`, `"${e['type']}" is not one of ${WASTE_TYPES.join(', ')}`);
  }
  const attrs: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(e)) if (!META_KEYS.has(k)) attrs[k.split(/[/#]/).pop()!] = plain(v);
  return { id: e['id'].trim(), type: type as WasteType, attrs, path };
}

/** [lon, lat] of a GeoJSON Point, or the mean of a Polygon's outer ring. */
export function pointOf(v: unknown, field: string): { lon: number; lat: number } | null {
  if (v === undefined || v === null) return null;
  const g = v as { type?: unknown; coordinates?: unknown };
  const pair = (c: unknown): { lon: number; lat: number } => {
    if (!Array.isArray(c) || c.length < 2 || c.length > LIMITS.positionValues || typeof c[0] !== 'number' || typeof c[1] !== 'number') {
      throw new FiwareRefused(field, `coordinates must be [longitude, latitude] numbers (or with altitude: at most ${LIMITS.positionValues} values)`);
    }
    const [lon, lat] = c as [number, number];
    if (lon < -180 || lon > 180 || lat < -90 || lat > 90) throw new FiwareRefused(field, `coordinates out of range: [${lon}, ${lat}]`);
    return { lon, lat };
  };
  if (g.type === 'Point') return pair(g.coordinates);
  if (g.type === 'Polygon' && Array.isArray(g.coordinates) && Array.isArray(g.coordinates[0])) {
    const outer = g.coordinates[0] as unknown[];
    if (outer.length > LIMITS.ringVertices) throw new FiwareRefused(field, `a ring may have at most ${LIMITS.ringVertices} positions, got ${outer.length}`);
    const ring = outer.map(pair);
    if (!ring.length) throw new FiwareRefused(field, 'an empty polygon');
    return { lon: ring.reduce((s, p) => s + p.lon, 0) / ring.length, lat: ring.reduce((s, p) => s + p.lat, 0) / ring.length };
  }
  throw new FiwareRefused(field, 'expected a GeoJSON Point or Polygon');
}
