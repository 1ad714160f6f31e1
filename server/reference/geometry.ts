// Small planar geometry on lon/lat: enough for point-in-polygon lookups over 63 municipalities and the outline.
export type Position = [number, number];
export type Ring = Position[];
export type PolygonCoords = Ring[];
export type Geometry =
  | { type: 'Polygon'; coordinates: PolygonCoords }
  | { type: 'MultiPolygon'; coordinates: PolygonCoords[] };

export interface BBox { minX: number; minY: number; maxX: number; maxY: number }

export function polygonsOf(g: Geometry): PolygonCoords[] {
  return g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
}

export function bboxOf(polys: readonly PolygonCoords[]): BBox {
  const b = { minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity };
  for (const poly of polys) for (const [x, y] of poly[0] ?? []) {
    if (x < b.minX) b.minX = x; if (x > b.maxX) b.maxX = x;
    if (y < b.minY) b.minY = y; if (y > b.maxY) b.maxY = y;
  }
  return b;
}

function inRing(ring: Ring, x: number, y: number): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if ((yi > y) !== (yj > y) && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

export function inPolygons(polys: readonly PolygonCoords[], x: number, y: number): boolean {
  for (const poly of polys) {
    const [outer, ...holes] = poly;
    if (outer && inRing(outer, x, y) && !holes.some((h) => inRing(h, x, y))) return true;
  }
  return false;
}

export const inBBox = (b: BBox, x: number, y: number): boolean => x >= b.minX && x <= b.maxX && y >= b.minY && y <= b.maxY;

const KM_PER_DEG = 111.2;
/** Great-circle distance is overkill at this scale; an equirectangular approximation is within 0.5 %. */
export function distanceKm(a: Position, b: Position): number {
  const kx = Math.cos((((a[1] + b[1]) / 2) * Math.PI) / 180);
  return Math.hypot((a[0] - b[0]) * kx, a[1] - b[1]) * KM_PER_DEG;
}

/** Moves `from` towards `to` by `km`; returns the point and whether it arrived. */
export function stepTowards(from: Position, to: Position, km: number): { at: Position; arrived: boolean } {
  const d = distanceKm(from, to);
  if (d <= km || d === 0) return { at: [to[0], to[1]], arrived: true };
  const f = km / d;
  return { at: [from[0] + (to[0] - from[0]) * f, from[1] + (to[1] - from[1]) * f], arrived: false };
}

/** Compass bearing in degrees from a to b. */
export function bearing(a: Position, b: Position): number {
  const kx = Math.cos((a[1] * Math.PI) / 180);
  const deg = (Math.atan2((b[0] - a[0]) * kx, b[1] - a[1]) * 180) / Math.PI;
  return (deg + 360) % 360;
}

/** Offsets a point by km east and north. */
export function offsetKm([lon, lat]: Position, eastKm: number, northKm: number): Position {
  return [lon + eastKm / KM_PER_DEG / Math.cos((lat * Math.PI) / 180), lat + northKm / KM_PER_DEG];
}
