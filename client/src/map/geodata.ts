// The geodata the server has in use (data/geo, or SITROOM_GEO_DIR), fetched once from our own API.
import type { FeatureCollection } from 'geojson';

export interface Geodata {
  republic: FeatureCollection;
  municipalities: FeatureCollection;
  neighbours: FeatureCollection;
  settlements: FeatureCollection;
  roads: FeatureCollection | null;
  water: FeatureCollection | null;
}

async function layer(name: string, optional: boolean): Promise<FeatureCollection | null> {
  const res = await fetch(`/api/geo/${name}`);
  if (res.status === 404 && optional) return null;
  if (!res.ok) throw new Error(`/api/geo/${name}: HTTP ${res.status}`);
  return (await res.json()) as FeatureCollection;
}

export async function loadGeodata(): Promise<Geodata> {
  const [republic, municipalities, neighbours, settlements, roads, water] = await Promise.all([
    layer('republic', false), layer('municipalities', false), layer('neighbours', false), layer('settlements', false),
    layer('roads', true), layer('water', true),
  ]);
  return { republic: republic!, municipalities: municipalities!, neighbours: neighbours!, settlements: settlements!, roads, water };
}

/** [west, south, east, north] of a collection's coordinates. */
export function bboxOf(fc: FeatureCollection): [number, number, number, number] {
  const b: [number, number, number, number] = [180, 90, -180, -90];
  const visit = (c: unknown): void => {
    if (Array.isArray(c) && typeof c[0] === 'number') {
      const [x, y] = c as number[];
      b[0] = Math.min(b[0], x!); b[1] = Math.min(b[1], y!); b[2] = Math.max(b[2], x!); b[3] = Math.max(b[3], y!);
    } else if (Array.isArray(c)) c.forEach(visit);
  };
  for (const f of fc.features) if (f.geometry && 'coordinates' in f.geometry) visit(f.geometry.coordinates);
  return b;
}
