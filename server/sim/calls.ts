// A day of ambulance calls, planned whole from (seed, day) like appeals: when each call comes, where, and how long
// taking it takes. History and the live fleet use the same plan and the same ids, so a restart never counts a call
// twice, and one arrival model (below) gives history's arrival times and drives the live teams.
import type { Reference } from '../reference/load';
import { distanceKm, type Position } from '../reference/geometry';
import { HOUR, MINUTE } from '../domain/time';
import { EMS_HOURLY, normalised } from './profiles';
import { rng } from './random';
import type { Places } from './places';

/** Calls a day per resident: about one call per 1,400 residents a day (Sitroom's estimate). */
export const CALLS_PER_RESIDENT_DAY = 0.0007;
/** A team drives at this speed along the straight line to the call (about 60 km/h on roads that wind by a third). */
export const EN_ROUTE_KMH = 45;
/** From the dispatcher's order to the team's wheels turning. */
export const TURNOUT_MS = 1.5 * MINUTE;

export interface PlannedCall { id: string; day: number; at: number; municipality: string; point: Position; takeMs: number }

const hourly = normalised(EMS_HOURLY);

/** `withPoints` false leaves the places out (history older than a week needs counts only; the rest is the same). */
export function planCalls(seed: number, day: number, dayStart: number, population: number, places: Places, withPoints = true, tag = ''): PlannedCall[] {
  const r = rng(seed, 'calls', day);
  const count = r.poisson(population * CALLS_PER_RESIDENT_DAY);
  const calls: PlannedCall[] = [];
  for (let k = 0; k < count; k++) {
    const at = dayStart + Math.floor((r.weighted(hourly) + r.next()) * HOUR);
    const municipality = places.municipality(r);
    // the point from a stream of its own: how many draws finding it takes must not shift the other calls
    const point: Position = withPoints ? places.pointIn(municipality, rng(seed, 'call-point', day, k), 0.2) : [0, 0];
    // taking the call: address, complaint, priority (median about 1.5 minutes)
    const takeMs = Math.round(Math.min(8 * MINUTE, r.lognormal(1.5 * MINUTE, 0.4)));
    calls.push({ id: `${tag}${day}:${k}`, day, at, municipality, point, takeMs });
  }
  return calls.sort((a, b) => a.at - b.at);
}

/** Driving time over a straight-line distance at the en-route speed. */
export const driveMs = (km: number): number => (km / EN_ROUTE_KMH) * HOUR;

/** History's arrival time for a call: taking it, the team's turnout, and the drive from the nearest substation (the
 *  live fleet does the same with the nearest free team, wherever it is). */
export function modelledArrivalMs(call: PlannedCall, reference: Reference): number {
  let km = Infinity;
  for (const s of reference.substations) km = Math.min(km, distanceKm([s.lon, s.lat], call.point));
  return call.takeMs + TURNOUT_MS + driveMs(km);
}
