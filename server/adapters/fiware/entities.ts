// FIWARE entities in any of the four representations, read into one flat shape: NGSI-v2 keyValues ({attr: value}),
// NGSI-v2 normalized ({attr: {type, value, metadata}}), NGSI-LD normalized ({attr: {type: Property|GeoProperty|
// Relationship, value|object}}, @context, urn:ngsi-ld: ids) and NGSI-LD concise ({attr: value} or {value}/{object}).
// How one attribute is read is in attributes.ts.
import { CONTROL_CHARACTERS, LIMITS } from '../../ingest/limits';
import { FiwareRefused, isObject, readAttribute, shortTerm } from './attributes';

export { FiwareRefused };

export const WASTE_TYPES = ['WasteContainer', 'WasteContainerIsle', 'WasteContainerModel'] as const;
export type WasteType = (typeof WASTE_TYPES)[number];

export interface FlatEntity {
  id: string;
  type: WasteType;
  /** attribute name → plain value (a Relationship's object, a GeoProperty's GeoJSON, a typed literal's @value) */
  attrs: Record<string, unknown>;
  /** the newest NGSI-LD observedAt among the attributes: when the readings were taken */
  observedAt: number | null;
  /** where the entity was in the request, for error messages (entities/3) */
  path: string;
}

const META_KEYS = new Set(['id', 'type', '@context', 'scope', 'createdAt', 'modifiedAt']);

function checkedId(e: Record<string, unknown>, path: string): string {
  const id = e['id'];
  if (typeof id !== 'string' || !id.trim()) throw new FiwareRefused(`${path}/id`, 'required (a string)');
  if (id.length > 200) throw new FiwareRefused(`${path}/id`, 'longer than 200 characters');
  if (CONTROL_CHARACTERS.test(id)) throw new FiwareRefused(`${path}/id`, 'holds a control character');
  return id.trim();
}

export function flatten(raw: unknown, path: string): FlatEntity {
  if (!isObject(raw)) throw new FiwareRefused(path, 'expected an entity object');
  const id = checkedId(raw, path);
  if (typeof raw['type'] !== 'string') throw new FiwareRefused(`${path}/type`, 'required (a string)');
  const type = shortTerm(raw['type']);
  if (!(WASTE_TYPES as readonly string[]).includes(type)) {
    throw new FiwareRefused(`${path}/type`, `"${raw['type']}" is not one of ${WASTE_TYPES.join(', ')}`);
  }
  const attrs: Record<string, unknown> = {};
  let observedAt: number | null = null;
  for (const [k, v] of Object.entries(raw)) {
    if (META_KEYS.has(k)) continue;
    const name = k.split(/[/#]/).pop()!;
    const reading = readAttribute(v, `${path}/${name}`);
    attrs[name] = reading.value;
    if (reading.observedAt !== null && (observedAt === null || reading.observedAt > observedAt)) observedAt = reading.observedAt;
  }
  return { id, type: type as WasteType, attrs, observedAt, path };
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
