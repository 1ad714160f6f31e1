// Road-following for the fleet when SITROOM_GEO_DIR provides roads: a long trip whose ends both lie near the same road
// runs along it (on the road's own vertices) between the points nearest each end; anything else goes straight.
// A simple model, not a router: no junctions between roads, no road graph.
import type { GeoLayer } from '../reference/load';
import { distanceKm, type Position } from '../reference/geometry';

const NEAR_KM = 12;
const MIN_TRIP_KM = 15;
const MAX_DETOUR = 1.6;

/** `inside` keeps routes inside the republic: a road stretch that leaves it is not taken. */
export function createRouter(roads: GeoLayer | null, inside: (lon: number, lat: number) => boolean) {
  const lines: Position[][] = [];
  for (const f of roads?.features ?? []) {
    const g = f.geometry as { type: string; coordinates: unknown };
    if (g.type === 'LineString') lines.push(g.coordinates as Position[]);
    else if (g.type === 'MultiLineString') lines.push(...(g.coordinates as Position[][]));
  }
  const nearest = (line: Position[], p: Position) => {
    let best = 0, km = Infinity;
    line.forEach((v, i) => { const d = distanceKm(v, p); if (d < km) { km = d; best = i; } });
    return { index: best, km };
  };
  return {
    available: lines.length > 0,
    /** waypoints from `from` to `to` (the last is `to`) */
    route(from: Position, to: Position): Position[] {
      const direct = distanceKm(from, to);
      if (!lines.length || direct < MIN_TRIP_KM) return [to];
      let best: Position[] | null = null;
      let bestKm = direct * MAX_DETOUR;
      for (const line of lines) {
        const a = nearest(line, from);
        const b = nearest(line, to);
        if (a.km > NEAR_KM || b.km > NEAR_KM || a.index === b.index) continue;
        const path = a.index < b.index ? line.slice(a.index, b.index + 1) : line.slice(b.index, a.index + 1).reverse();
        let km = a.km + b.km;
        for (let i = 1; i < path.length; i++) km += distanceKm(path[i - 1]!, path[i]!);
        if (km < bestKm && path.every(([lon, lat]) => inside(lon, lat))) { bestKm = km; best = path; }
      }
      return best ? [...best, to] : [to];
    },
  };
}
export type Router = ReturnType<typeof createRouter>;
