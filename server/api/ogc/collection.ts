// What every OGC API – Features collection of Sitroom is: one geometry type, fields of fixed types (published as a
// JSON Schema, so GIS tools never guess a column's type from the first page), the role that may read it, and how its
// features are found. The collections themselves are in collections.ts.
import type { Role } from '../../protocol/walls';
import type { ItemsQuery } from './query';

export type FieldType = 'string' | 'integer' | 'number' | 'date-time';
export interface Field { type: FieldType; description: string }

export interface OgcFeature {
  type: 'Feature';
  id: string;
  geometry: { type: 'Point'; coordinates: [number, number] } | { type: 'MultiPolygon'; coordinates: unknown } | null;
  properties: Record<string, string | number | null>;
}

export interface Page {
  features: OgcFeature[];
  /** every feature the query matches, when known without reading them all */
  matched: number | null;
  /** where the next page starts, or null on the last one */
  next: { offset: number } | { cursor: string } | null;
}

export interface OgcCollection {
  id: string;
  title: string;
  description: string;
  /** the role the HTTP API asks for the same data; null: anyone */
  role: Role | null;
  geometry: 'Point' | 'MultiPolygon';
  /** what datetime filters on, or null (then datetime does not narrow it) */
  temporal: string | null;
  fields: Record<string, Field>;
  items(q: ItemsQuery): Page;
  item(id: string): OgcFeature | null;
}

/** One page of features held in memory (newest first where it matters), with its count and next offset. */
export function pageOf(all: readonly OgcFeature[], q: ItemsQuery): Page {
  const features = all.slice(q.offset, q.offset + q.limit);
  return { features, matched: all.length, next: q.offset + features.length < all.length ? { offset: q.offset + features.length } : null };
}

export const iso = (t: number | null): string | null => (t === null ? null : new Date(t).toISOString());
export const point = (lon: number, lat: number): OgcFeature['geometry'] => ({ type: 'Point', coordinates: [lon, lat] });

/** A Polygon or MultiPolygon as a MultiPolygon: one geometry type per layer (a Shapefile cannot mix them). */
export function multiPolygon(g: unknown): OgcFeature['geometry'] {
  const geom = g as { type?: string; coordinates?: unknown } | null;
  if (geom?.type === 'Polygon') return { type: 'MultiPolygon', coordinates: [geom.coordinates] };
  if (geom?.type === 'MultiPolygon') return { type: 'MultiPolygon', coordinates: geom.coordinates };
  return null;
}

/** A bbox test for any MultiPolygon: its outer rings' bounds meet the box. */
export function polygonMeets(bbox: ItemsQuery['bbox'], g: OgcFeature['geometry']): boolean {
  if (!bbox || !g || g.type !== 'MultiPolygon') return true;
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  for (const polygon of g.coordinates as number[][][][]) {
    for (const [x, y] of polygon[0] ?? []) { x0 = Math.min(x0, x!); x1 = Math.max(x1, x!); y0 = Math.min(y0, y!); y1 = Math.max(y1, y!); }
  }
  return x0 <= bbox[2] && x1 >= bbox[0] && y0 <= bbox[3] && y1 >= bbox[1];
}
