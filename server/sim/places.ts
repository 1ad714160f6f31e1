// Where things happen: points where people live, inside the republic and inside the right municipality.
import type { Reference } from '../reference/load';
import { offsetKm, type Position } from '../reference/geometry';
import type { Random } from './random';

interface Settlement { at: Position; population: number }

export function createPlaces(reference: Reference) {
  const { geo } = reference;
  const byMunicipality = new Map<string, Settlement[]>();
  for (const f of geo.layers.settlements.features) {
    const at = (f.geometry as { coordinates: Position }).coordinates;
    const m = geo.municipalityAt(at[0], at[1]);
    if (!m) continue;
    const list = byMunicipality.get(m) ?? [];
    list.push({ at, population: Number(f.properties.population) || 1000 });
    byMunicipality.set(m, list);
  }
  const ids = reference.municipalities.map((m) => m.id);
  const weights = reference.municipalities.map((m) => m.population_estimate);

  const inside = (m: string, p: Position) => geo.municipalityAt(p[0], p[1]) === m;

  return {
    ids,
    /** a municipality drawn by population */
    municipality(r: Random, among?: readonly string[]): string {
      if (among?.length) return among[r.weighted(among.map((id) => reference.municipalityById.get(id)!.population_estimate))]!;
      return ids[r.weighted(weights)]!;
    },
    /** a point in municipality m where people live: near a settlement by its size, or anywhere in the countryside */
    pointIn(m: string, r: Random, ruralShare = 0.25): Position {
      const settlements = byMunicipality.get(m) ?? [];
      const centre = reference.municipalityById.get(m)!.centre;
      const area = geo.areas.get(m)!.bbox;
      for (let attempt = 0; attempt < 40; attempt++) {
        let p: Position;
        if (settlements.length && !r.chance(ruralShare)) {
          const s = settlements[r.weighted(settlements.map((x) => x.population))]!;
          const spread = 0.6 + Math.sqrt(s.population) / 250;
          p = offsetKm(s.at, r.normal() * spread, r.normal() * spread);
        } else if (r.chance(0.3)) {
          p = offsetKm([centre.lon, centre.lat], r.normal() * 3, r.normal() * 3);
        } else {
          p = [r.range(area.minX, area.maxX), r.range(area.minY, area.maxY)];
        }
        if (inside(m, p)) return [Math.round(p[0] * 1e5) / 1e5, Math.round(p[1] * 1e5) / 1e5];
      }
      return inside(m, [centre.lon, centre.lat]) ? [centre.lon, centre.lat] : anyPointIn(m, r);
    },
  };

  function anyPointIn(m: string, r: Random): Position {
    const b = geo.areas.get(m)!.bbox;
    for (let i = 0; i < 2000; i++) {
      const p: Position = [r.range(b.minX, b.maxX), r.range(b.minY, b.maxY)];
      if (inside(m, p)) return p;
    }
    throw new Error(`no point found inside municipality ${m}`);
  }
}
export type Places = ReturnType<typeof createPlaces>;
