// The municipality whose centre is nearest a point: where an item placed outside the republic is checked as if it
// were, and what a visitor screen is told a focus is near. A flat-earth distance is enough to compare centres.
import type { Municipality } from './schemas';

export function nearestMunicipality(municipalities: readonly Municipality[], lon: number, lat: number): Municipality {
  const k = Math.cos((lat * Math.PI) / 180) ** 2;
  let best = municipalities[0]!, bestD = Infinity;
  for (const m of municipalities) {
    const d = (m.centre.lon - lon) ** 2 * k + (m.centre.lat - lat) ** 2;
    if (d < bestD) { best = m; bestD = d; }
  }
  return best;
}
