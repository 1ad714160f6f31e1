// An incident area as screens receive it: at most LIMITS.screenAreaVertices positions in all, so a detailed area from a
// producer never slows a wall. simplify-js (Douglas-Peucker) with a tolerance that grows until the area fits; rings
// that shrink below a triangle are left out (a hole too small to see), the outer ring of a polygon is always kept.
import simplify from 'simplify-js';
import { LIMITS } from '../ingest/limits';
import type { Geometry, PolygonCoords, Position, Ring } from './geometry';

const countOf = (polys: readonly PolygonCoords[]): number => polys.reduce((n, p) => n + p.reduce((m, r) => m + r.length, 0), 0);

function simplifyRing(ring: Ring, tolerance: number): Ring {
  const out = simplify(ring.map(([x, y]) => ({ x, y })), tolerance, true).map((p): Position => [p.x, p.y]);
  const first = out[0]!, last = out[out.length - 1]!;
  if (first[0] !== last[0] || first[1] !== last[1]) out.push([first[0], first[1]]);
  return out;
}

function simplifyPolygon(poly: PolygonCoords, tolerance: number): PolygonCoords | null {
  const [outer, ...holes] = poly;
  if (!outer) return null;
  let shell = simplifyRing(outer, tolerance);
  // a shell collapsed by the tolerance stays on the map as a triangle of its own points
  if (shell.length < 4) shell = outer.length <= 4 ? outer : [outer[0]!, outer[Math.floor(outer.length / 3)]!, outer[Math.floor((2 * outer.length) / 3)]!, outer[0]!];
  return [shell, ...holes.map((h) => simplifyRing(h, tolerance)).filter((h) => h.length >= 4)];
}

// an incident's record keeps its area object while it lives in the hub, so each area is simplified once
const simplified = new WeakMap<Geometry, Geometry>();

/** The area within the screens' vertex budget (unchanged when it already fits). */
export function simplifyForScreens(area: Geometry, budget: number = LIMITS.screenAreaVertices): Geometry {
  if (budget !== LIMITS.screenAreaVertices) return simplifyArea(area, budget);
  let out = simplified.get(area);
  if (!out) simplified.set(area, out = simplifyArea(area, budget));
  return out;
}

function simplifyArea(area: Geometry, budget: number): Geometry {
  const polys = area.type === 'Polygon' ? [area.coordinates] : area.coordinates;
  if (countOf(polys) <= budget) return area;
  // start near a metre (in degrees) and double: a few passes reach any budget
  for (let tolerance = 1e-5; ; tolerance *= 2) {
    const out = polys.map((p) => simplifyPolygon(p, tolerance)).filter((p): p is PolygonCoords => p !== null);
    // many polygons each kept at 4 points may still exceed the budget: then the most detailed ones are kept
    if (countOf(out) <= budget || tolerance > 10) return pack(area.type, out, budget);
  }
}

function pack(type: Geometry['type'], polys: PolygonCoords[], budget: number): Geometry {
  if (type === 'Polygon') return { type, coordinates: polys[0]! };
  const kept: PolygonCoords[] = [];
  let n = 0;
  for (const p of [...polys].sort((a, b) => b[0]!.length - a[0]!.length)) {
    const size = p.reduce((m, r) => m + r.length, 0);
    if (n + size > budget && kept.length) continue;
    kept.push(p); n += size;
  }
  return { type, coordinates: kept };
}
