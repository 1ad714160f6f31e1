// Where a container site or an ambulance team is, as a list filter: a municipality (a team belongs to the
// municipality of its substation, as on the municipality's card) and "near a point" (within km, as on an incident's
// card). One definition here, so a card's count and the list it opens always agree, in JSON and in CSV.
import { Type } from '@sinclair/typebox';
import type { Reference } from '../reference/load';
import { distanceKm } from '../reference/geometry';
import type { ContainerSiteView, VehicleView } from '../protocol/views';

/** how far "near" is by default: an incident's teams and sites */
export const NEAR_KM = 5;
export const NEAR_KM_MAX = 100;

/** distance on the ground, metres (the geometry module's equirectangular approximation) */
export const metres = (a: { lon: number; lat: number }, b: { lon: number; lat: number }): number => distanceKm([a.lon, a.lat], [b.lon, b.lat]) * 1000;

export const PlaceQuery = {
  municipality: Type.Optional(Type.String({ description: 'a municipality id (a team: that of its substation)' })),
  near: Type.Optional(Type.String({ description: '"lon,lat": only items within km of this point' })),
  km: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: NEAR_KM_MAX, default: NEAR_KM, description: 'the radius of near, km' })),
};
export interface PlaceParams { municipality?: string; near?: string; km?: number }

export class PlaceFilterError extends Error { constructor(readonly field: string, message: string) { super(`${field}: ${message}`); } }

interface Near { lon: number; lat: number; km: number }

function nearOf(q: PlaceParams): Near | null {
  if (q.near === undefined) return null;
  const [lon, lat, extra] = q.near.split(',').map((x) => Number(x.trim()));
  if (lon === undefined || lat === undefined || extra !== undefined || !Number.isFinite(lon) || !Number.isFinite(lat) || Math.abs(lon) > 180 || Math.abs(lat) > 90) {
    throw new PlaceFilterError('near', 'expected "lon,lat" in degrees (lon within ±180, lat within ±90)');
  }
  return { lon, lat, km: q.km ?? NEAR_KM };
}

const within = (n: Near | null, p: { lon: number | null; lat: number | null }) =>
  n === null || (p.lon !== null && p.lat !== null && metres(n, { lon: p.lon, lat: p.lat }) <= n.km * 1000);

function knownMunicipality(q: PlaceParams, reference: Reference): string | null {
  if (q.municipality === undefined) return null;
  if (!reference.municipalityById.has(q.municipality)) throw new PlaceFilterError('municipality', `unknown "${q.municipality.slice(0, 60)}"`);
  return q.municipality;
}

/** the substations of a municipality: its teams are theirs */
export const substationsOf = (reference: Reference, municipality: string): string[] =>
  reference.substations.filter((x) => x.municipality === municipality).map((x) => x.id);

/** A test for sites by place; a bad parameter throws PlaceFilterError naming it. */
export function sitePlace(q: PlaceParams, reference: Reference): (s: ContainerSiteView) => boolean {
  const m = knownMunicipality(q, reference), n = nearOf(q);
  return (s) => (m === null || s.municipality === m) && within(n, s);
}

/** A test for teams by place; a bad parameter throws PlaceFilterError naming it. */
export function teamPlace(q: PlaceParams, reference: Reference): (v: VehicleView) => boolean {
  const m = knownMunicipality(q, reference), n = nearOf(q);
  const substations = m === null ? null : new Set(substationsOf(reference, m));
  return (v) => (substations === null || (v.substation !== null && substations.has(v.substation))) && within(n, v);
}
