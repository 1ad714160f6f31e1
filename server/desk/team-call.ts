// A team's current call on its card: when the call came, where, when the team took it, and its arrival — when it got
// there, or, while on the way, the straight-line distance left and the arrival that distance gives at the planning
// speed — each against the arrival standard (20 minutes from the call, as the wall's fleet figure counts it).
import type { Store } from '../store';
import type { VehicleView } from '../protocol/views';
import { ARRIVAL_TARGET_MINUTES } from '../domain/metric-names';
import { HOUR, MINUTE } from '../domain/time';
import { metres } from '../api/place-filters';

/** the speed an expected arrival assumes over the straight line: roads wind, so about 60 km/h on the road */
export const EXPECTED_KMH = 45;

export function teamCall(store: Store, v: VehicleView, now: number) {
  const c = store.teamCalls.current(v.id, v.fixAt);
  if (!c) return null;
  const deadline = c.receivedAt + ARRIVAL_TARGET_MINUTES * MINUTE;
  const km = c.arrivedAt === null && c.lon !== null && c.lat !== null && v.lon !== null && v.lat !== null
    ? metres({ lon: c.lon, lat: c.lat }, { lon: v.lon, lat: v.lat }) / 1000 : null;
  // from the last fix: the team was that far then
  const expectedAt = km === null ? null : Math.max(now, (v.fixAt ?? now) + (km / EXPECTED_KMH) * HOUR);
  const arrival = c.arrivedAt ?? expectedAt;
  return {
    id: c.call, receivedAt: c.receivedAt, lon: c.lon, lat: c.lat, address: c.address, assignedAt: c.assignedAt, source: c.source,
    arrivedAt: c.arrivedAt, minutesToArrive: c.arrivedAt === null ? null : Math.round((c.arrivedAt - c.receivedAt) / MINUTE),
    kmLeft: km === null ? null : Math.round(km * 10) / 10, expectedAt, expectedKmh: EXPECTED_KMH,
    targetMinutes: ARRIVAL_TARGET_MINUTES, deadline,
    /** arrived after the standard, or expected (or still out) after it */
    late: arrival === null ? now > deadline : arrival > deadline,
  };
}
