// The ambulance fleet: teams based at substations take the planned calls (server/sim/calls.ts) once each is taken:
// the nearest free team turns out and drives at the en-route speed (straight lines, or along a road when real roads are
// loaded), and arrival times are recorded as they happen. A fleet starts warm: the last two hours' calls are played
// through it before its first report, so teams are out on calls from the first second.
import type { Reference } from '../reference/load';
import type { MetricIn, PositionIn } from '../ingest/schemas';
import type { VehicleStatus } from '../protocol/views';
import { bearing, distanceKm, offsetKm, stepTowards, type Position } from '../reference/geometry';
import { METRICS } from '../domain/metric-names';
import { HOUR, MINUTE, localParts } from '../domain/time';
import { rng, type Random } from './random';
import { EN_ROUTE_KMH, TURNOUT_MS, type PlannedCall } from './calls';
import type { Places } from './places';
import { createRouter } from './roads';

const SPEED_KMH: Partial<Record<VehicleStatus, number>> = { en_route: EN_ROUTE_KMH, to_hospital: 40, returning: 35 };
const STATIONARY_REPORT_MS = 30_000;
/** the statuses a team reports its call with: going to it, at it, taking the patient in (returning, it is done) */
const ON_CALL: ReadonlySet<VehicleStatus> = new Set(['en_route', 'on_scene', 'to_hospital']);
/** the call as a dispatch system reports it: the id its ems.call sample carries, when it came and where */
const callOf = (c: Call) => ({ id: `sim:call:${c.id}`, receivedAt: c.createdAt, lon: Math.round(c.at[0] * 1e6) / 1e6, lat: Math.round(c.at[1] * 1e6) / 1e6,
  ...(c.assignedAt !== undefined ? { assignedAt: c.assignedAt } : {}), ...(c.arrivedAt !== undefined ? { arrivedAt: c.arrivedAt } : {}) });
/** how far back a new fleet plays the calls through, so it starts with teams on calls */
export const WARM_UP_MS = 2 * HOUR;
const WARM_UP_STEP_MS = 10_000;

interface Call { id: string; at: Position; createdAt: number; readyAt: number; assignedAt?: number; arrivedAt?: number }
interface Team {
  id: string; callsign: string; substation: string; base: Position; hospital: Position; rank: number;
  at: Position; status: VehicleStatus; heading: number; speed: number; target: Position | null; waypoints: Position[]; call: Call | null;
  until: number; lastReport: number; dirty: boolean;
  /** a dispatched team turns out before it moves */
  departAt: number;
}

export function createFleetSim(seed: number, teamCount: number, reference: Reference, places: Places, timezone: string, start: number) {
  const r: Random = rng(seed, 'fleet', start);
  const share = reference.substations.map((s) => s.share);
  const total = share.reduce((a, b) => a + b, 0);
  // largest remainder: every substation gets its share of the fleet (at least one team when the fleet is big enough)
  const exact = share.map((s) => (s / total) * teamCount);
  const counts = exact.map((e) => (teamCount >= share.length ? Math.max(1, Math.floor(e)) : Math.floor(e)));
  const order = exact.map((e, i) => [e - Math.floor(e), i] as const).sort((a, b) => b[0] - a[0]);
  for (let k = 0; counts.reduce((a, b) => a + b, 0) < teamCount; k++) counts[order[k % order.length]![1]]!++;
  const teams: Team[] = [];
  reference.substations.forEach((s, i) => {
    const centre = reference.municipalityById.get(s.municipality)!.centre;
    for (let k = 0; k < counts[i]!; k++) {
      const base: Position = [s.lon, s.lat];
      teams.push({ id: `sim-amb-${s.id}-${k + 1}`, callsign: `${centre.name_ru} ${String(k + 1).padStart(2, '0')}`, substation: s.id,
        base, hospital: [centre.lon, centre.lat], rank: rng(seed, 'rank', s.id, k).next(), at: offsetKm(base, r.normal() * 0.05, r.normal() * 0.05),
        status: 'free', heading: 0, speed: 0, target: null, waypoints: [], call: null, until: 0, lastReport: 0, dirty: true, departAt: 0 });
    }
  });
  const pending: Call[] = [];
  let last = start;

  const dutyShare = (t: number) => { const h = localParts(t, timezone).hour; return h >= 8 && h < 20 ? 0.94 : 0.83; };
  const router = createRouter(reference.geo.layers.roads, reference.geo.insideRepublic);
  const set = (team: Team, status: VehicleStatus, target: Position | null, until = 0) => {
    team.status = status; team.target = target; team.until = until; team.dirty = true;
    team.waypoints = target ? router.route(team.at, target) : [];
  };

  function dispatch(call: Call, now: number): boolean {
    let best: Team | null = null;
    let bestKm = Infinity;
    for (const t of teams) {
      if (t.status !== 'free') continue;
      const d = distanceKm(t.at, call.at);
      if (d < bestKm) { bestKm = d; best = t; }
    }
    if (!best) return false;
    best.call = call;
    call.assignedAt = now;
    set(best, 'en_route', call.at);
    best.departAt = now + TURNOUT_MS;
    return true;
  }

  function move(t: Team, dtS: number, now: number, metrics: MetricIn[]): void {
    const kmh = SPEED_KMH[t.status];
    if (!t.target || !kmh || now < t.departAt) { t.speed = 0; return; }
    let km = (kmh * dtS) / 3600;
    let arrived = t.waypoints.length === 0;
    while (km > 0 && t.waypoints.length) {
      const next = t.waypoints[0]!;
      const step = stepTowards(t.at, next, km);
      km -= distanceKm(t.at, step.at);
      if (!step.arrived || t.waypoints.length > 1) t.heading = bearing(t.at, next);
      t.at = step.at;
      if (!step.arrived) break;
      t.waypoints.shift();
      arrived = t.waypoints.length === 0;
      if (distanceKm(t.at, next) === 0 && km <= 0) break;
    }
    t.speed = arrived ? 0 : kmh * (0.85 + 0.3 * r.next());
    if (!arrived) return;
    if (t.status === 'en_route' && t.call) {
      metrics.push({ key: METRICS.emsArrival, at: now, value: Math.round((now - t.call.createdAt) / 1000), id: `sim:arr:${t.call.id}` });
      t.call.arrivedAt = now;
      set(t, 'on_scene', null, now + r.range(10, 35) * MINUTE);
    } else if (t.status === 'to_hospital') set(t, 'returning', t.base);
    else if (t.status === 'returning') { t.call = null; set(t, 'free', null); }
  }

  /** advances the fleet to `now` with the calls that came in since the last step */
  function advance(now: number, calls: readonly PlannedCall[], metrics: MetricIn[]): void {
    const dtS = Math.min(120, Math.max(0, (now - last) / 1000));
    last = now;
    for (const c of calls) {
      metrics.push({ key: METRICS.emsCall, at: c.at, value: 1, municipality: c.municipality, id: `sim:call:${c.id}` });
      pending.push({ id: c.id, at: c.point, createdAt: c.at, readyAt: c.at + c.takeMs });
    }
    const share = dutyShare(now);
    for (const t of teams) {
      if (t.status === 'free' && t.rank >= share) set(t, 'off_duty', null);
      else if (t.status === 'off_duty' && t.rank < share) set(t, 'free', null);
      if (t.status === 'on_scene' && now >= t.until) {
        const toHospital = r.chance(0.55);
        set(t, toHospital ? 'to_hospital' : 'returning', toHospital ? t.hospital : t.base);
      }
      move(t, dtS, now, metrics);
    }
    // calls are dispatched in order once taken; one waiting for a free team holds the queue, as a dispatcher's does
    while (pending.length && pending[0]!.readyAt <= now && dispatch(pending[0]!, now)) pending.shift();
  }

  function report(now: number): PositionIn[] {
    const positions: PositionIn[] = [];
    for (const t of teams) {
      const moving = t.speed > 0;
      if (!moving && !t.dirty && now - t.lastReport < STATIONARY_REPORT_MS) continue;
      t.lastReport = now;
      t.dirty = false;
      positions.push({ vehicle: t.id, at: now, lon: Math.round(t.at[0] * 1e6) / 1e6, lat: Math.round(t.at[1] * 1e6) / 1e6,
        speedKmh: Math.round(t.speed), heading: Math.round(t.heading) % 360, status: t.status, callsign: t.callsign, substation: t.substation,
        ...(t.call && ON_CALL.has(t.status) ? { call: callOf(t.call) } : {}) });
    }
    return positions;
  }

  return {
    teamCount: teams.length,
    /** Plays the calls of [start - WARM_UP_MS, start] through the fleet without reporting anything (history already
     *  holds those calls and their arrivals): teams are out on calls when the first report goes out. */
    warmUp(callsIn: (from: number, to: number) => readonly PlannedCall[]): void {
      last = start - WARM_UP_MS;
      for (let t = last + WARM_UP_STEP_MS; t <= start; t += WARM_UP_STEP_MS) advance(t, callsIn(t - WARM_UP_STEP_MS, t), []);
      for (const t of teams) t.dirty = true;
    },
    /** advances the fleet to `now`; returns the fixes and metric samples a real fleet system would report */
    step(now: number, calls: readonly PlannedCall[]): { positions: PositionIn[]; metrics: MetricIn[] } {
      const metrics: MetricIn[] = [];
      advance(now, calls, metrics);
      return { positions: report(now), metrics };
    },
    pendingCalls: () => pending.length,
    busy: () => teams.filter((t) => t.call !== null).length,
  };
}
export type FleetSim = ReturnType<typeof createFleetSim>;
