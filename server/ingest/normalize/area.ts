// An incident area as a producer sent it → a GeoJSON geometry the wall can draw, or a refusal naming the ring and the
// limit: every position in range, every ring closed and at least 4 positions long, and vertex counts bounded.
import type { Geometry, PolygonCoords } from '../../reference/geometry';
import { LIMITS } from '../limits';
import type { Fields } from './common';

interface Counter { vertices: number }

function checkPosition(f: Fields, at: string, p: readonly number[]): void {
  if (p.length < 2 || p.length > LIMITS.positionValues) f.fail(at, `a position is [longitude, latitude] (or with altitude), got ${p.length} values`);
  const [lon, lat] = p as [number, number];
  if (!Number.isFinite(lon) || lon < -180 || lon > 180) f.fail(at, `longitude ${lon} is outside -180..180`);
  if (!Number.isFinite(lat) || lat < -90 || lat > 90) f.fail(at, `latitude ${lat} is outside -90..90`);
}

function checkRing(f: Fields, at: string, ring: readonly (readonly number[])[], count: Counter): void {
  if (ring.length < 4) f.fail(at, `a ring needs at least 4 positions (the first repeated last), got ${ring.length}`);
  if (ring.length > LIMITS.ringVertices) f.fail(at, `a ring may have at most ${LIMITS.ringVertices} positions, got ${ring.length}`);
  count.vertices += ring.length;
  if (count.vertices > LIMITS.areaVertices) f.fail(at, `an area may have at most ${LIMITS.areaVertices} positions in all its rings`);
  ring.forEach((p, k) => checkPosition(f, `${at}/${k}`, p));
  const first = ring[0]!, last = ring[ring.length - 1]!;
  if (first[0] !== last[0] || first[1] !== last[1]) f.fail(at, 'the ring is not closed: its last position must repeat its first');
}

function checkPolygon(f: Fields, at: string, polygon: PolygonCoords, count: Counter): void {
  if (polygon.length > LIMITS.polygonRings) f.fail(at, `a polygon may have at most ${LIMITS.polygonRings} rings, got ${polygon.length}`);
  polygon.forEach((ring, r) => checkRing(f, `${at}/${r}`, ring, count));
}

/** Checks an area against the limits (LIMITS in server/ingest/limits.ts); returns it unchanged when it passes. */
export function checkArea(f: Fields, area: Geometry): Geometry {
  const count: Counter = { vertices: 0 };
  if (area.type === 'Polygon') {
    checkPolygon(f, 'area/coordinates', area.coordinates, count);
    return area;
  }
  if (area.coordinates.length > LIMITS.areaPolygons) {
    f.fail('area/coordinates', `a MultiPolygon may have at most ${LIMITS.areaPolygons} polygons, got ${area.coordinates.length}`);
  }
  area.coordinates.forEach((polygon, k) => checkPolygon(f, `area/coordinates/${k}`, polygon, count));
  return area;
}
