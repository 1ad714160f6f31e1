// Places named in free text (an Open311 address_string, a CAP areaDesc or geocode) → a municipality.
import type { Reference } from './load';

/** Finds the municipality an address names (a municipality or its centre, in Russian or English). No street-level
 *  geocoding is done offline: a free address without a known place name is refused with a hint to send lat/long. */
export function municipalityInAddress(address: string, reference: Reference): string | null {
  const a = address.toLowerCase();
  let best: { id: string; len: number } | null = null;
  for (const m of reference.municipalities) {
    for (const name of [m.name_ru, m.name_en, m.centre.name_ru, m.centre.name_en]) {
      const n = name.toLowerCase().replace(/ (район|district)$/, '');
      if (n.length >= 3 && a.includes(n) && (!best || n.length > best.len)) best = { id: m.id, len: n.length };
    }
  }
  return best?.id ?? null;
}
