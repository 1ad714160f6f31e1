// What a CAP alert means on the wall: the incident type (from categories, event codes and the event's words, in
// Russian or English), the severity, and the area (CAP polygons and circles, as GeoJSON) or a place it names.
import type { IncidentSeverity } from '../../protocol/views';
import type { Reference } from '../../reference/load';
import { municipalityInAddress } from '../../reference/place-names';
import type { CapArea, CapInfo, CapSeverity } from './alert';

/** Words in an event's name or code that mean one of our incident types; the first match wins. */
const TYPE_WORDS: [string, RegExp][] = [
  ['forest_fire', /forest ?fire|wild ?fire|bush ?fire|лесн\S* пожар|природн\S* пожар|пал травы/i],
  ['flood', /flood|паводок|паводк|наводнен|половод|подтоплен/i],
  ['road_accident', /road accident|traffic accident|collision|crash|\bдтп\b|авари\S* на дорог|столкновен/i],
  ['outage_power', /power|electric|blackout|электр|энергоснаб|обесточ/i],
  ['outage_heat', /heating|district heat|отоплен|теплоснаб/i],
  ['outage_water', /water (supply|outage)|no water|водоснаб|холодн\S* вод|горяч\S* вод/i],
  ['fire', /fire|пожар|возгоран/i],
];
/** When no word matches, the CAP category alone decides where it can. */
const CATEGORY_TYPES: Record<string, string> = { Fire: 'fire', Transport: 'road_accident' };

export function incidentTypeOf(info: CapInfo, reference: Reference): string {
  const known = new Set(reference.incidentTypes.map((t) => t.id));
  const text = [info.event, info.headline ?? '', ...info.eventCodes.map((c) => c.value)].join(' ');
  for (const [type, words] of TYPE_WORDS) if (known.has(type) && words.test(text)) return type;
  for (const c of info.categories) if (CATEGORY_TYPES[c] && known.has(CATEGORY_TYPES[c])) return CATEGORY_TYPES[c];
  return known.has('other') ? 'other' : reference.incidentTypes[0]!.id;
}

/** CAP's five severities onto the wall's four; "Unknown" shows as moderate (it must be looked at, not ignored). */
export const severityOf = (s: CapSeverity): IncidentSeverity =>
  s === 'Extreme' ? 'extreme' : s === 'Severe' ? 'severe' : s === 'Minor' ? 'minor' : 'moderate';

const EARTH_KM = 6371.0088;
/** A CAP circle as a 48-sided polygon ring of [lon, lat]. */
export function circleRing(lat: number, lon: number, radiusKm: number): [number, number][] {
  const ring: [number, number][] = [];
  const d = radiusKm / EARTH_KM, φ1 = (lat * Math.PI) / 180, λ1 = (lon * Math.PI) / 180;
  for (let k = 0; k <= 48; k++) {
    const θ = ((k % 48) / 48) * 2 * Math.PI;
    const φ2 = Math.asin(Math.sin(φ1) * Math.cos(d) + Math.cos(φ1) * Math.sin(d) * Math.cos(θ));
    const λ2 = λ1 + Math.atan2(Math.sin(θ) * Math.sin(d) * Math.cos(φ1), Math.cos(d) - Math.sin(φ1) * Math.sin(φ2));
    ring.push([+((λ2 * 180) / Math.PI).toFixed(6), +((φ2 * 180) / Math.PI).toFixed(6)]);
  }
  return ring;
}

export interface CapPlace {
  area: { type: 'Polygon'; coordinates: [number, number][][] } | { type: 'MultiPolygon'; coordinates: [number, number][][][] } | null;
  point: { lon: number; lat: number } | null;
  municipality: string | undefined;
}

/** The incident's area and point from the <area> blocks: shapes first, then a place named in a geocode or areaDesc. */
export function placeOf(areas: readonly CapArea[], reference: Reference): CapPlace {
  const rings = areas.flatMap((a) => [...a.polygons, ...a.circles.filter((c) => c.radiusKm > 0).map((c) => circleRing(c.lat, c.lon, c.radiusKm))]);
  const firstCircle = areas.flatMap((a) => a.circles)[0];
  const area = rings.length === 0 ? null : rings.length === 1 ? { type: 'Polygon' as const, coordinates: [rings[0]!] }
    : { type: 'MultiPolygon' as const, coordinates: rings.map((r) => [r]) };
  const point = firstCircle && rings.length <= 1 ? { lon: firstCircle.lon, lat: firstCircle.lat } : null;
  let municipality: string | undefined;
  if (!area && !point) {
    for (const a of areas) {
      const named = [...a.geocodes.map((g) => g.value), a.areaDesc].map((t) => reference.municipalityById.has(t) ? t : municipalityInAddress(t, reference));
      municipality = named.find((m): m is string => !!m);
      if (municipality) break;
    }
  }
  return { area, point, municipality };
}
