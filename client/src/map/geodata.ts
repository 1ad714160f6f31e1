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

async function layer(name: string, available: readonly string[]): Promise<FeatureCollection | null> {
  if (!available.includes(name)) return null;
  const res = await fetch(`/api/geo/${name}`);
  if (!res.ok) throw new Error(`/api/geo/${name}: HTTP ${res.status}`);
  return (await res.json()) as FeatureCollection;
}

/** Loads the layers the server has (GET /api/reference lists them); the first four are always there. */
export async function loadGeodata(available: readonly string[]): Promise<Geodata> {
  const required = ['republic', 'municipalities', 'neighbours', 'settlements'];
  const missing = required.filter((l) => !available.includes(l));
  if (missing.length) throw new Error(`the server's geodata has no ${missing.join(', ')} layer`);
  const [republic, municipalities, neighbours, settlements, roads, water] = await Promise.all(
    [...required, 'roads', 'water'].map((l) => layer(l, available)));
  return { republic: republic!, municipalities: municipalities!, neighbours: neighbours!, settlements: settlements!, roads: roads ?? null, water: water ?? null };
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
