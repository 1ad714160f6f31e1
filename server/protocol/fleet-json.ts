// The fleet's positions as JSON, for live clients without Sitroom's socket parser (a Python, Java, Swift or Go
// socket.io client): the fixes the binary frame (server/protocol/fleet-frame.ts) carries, built with each frame from
// the server's own views, once for all such clients and at most once a second. A screen of the wall keeps the frames.
import type { VehicleStatus, VehicleView } from './views';

/** one vehicle's latest fix */
export interface FleetPosition {
  id: string;
  lon: number;
  lat: number;
  status: VehicleStatus | null;
  /** degrees clockwise from north, whole degrees; null: unknown */
  heading: number | null;
  /** km/h, whole; null: unknown */
  speedKmh: number | null;
  /** when the fix was taken (epoch ms) */
  fixAt: number | null;
}

/** the event's payload: every vehicle with a fix, `seq` counting the frames of this server run */
export interface FleetPositions { seq: number; time: number; vehicles: FleetPosition[] }

/** Every vehicle with a fix, as the server holds it (exact times, unlike the frame's capped ages); a visitor's copy
 *  names vehicles by their index only, as its fleet topic does. */
export function fleetPositions(views: readonly VehicleView[], seq: number, time: number, visitor: boolean): FleetPositions {
  const vehicles: FleetPosition[] = [];
  for (const v of views) {
    if (v.lon === null || v.lat === null) continue;
    vehicles.push({ id: visitor ? `v${v.index}` : v.id, lon: round6(v.lon), lat: round6(v.lat), status: v.status,
      heading: v.heading === null ? null : Math.round(v.heading) % 360, speedKmh: v.speedKmh === null ? null : Math.round(v.speedKmh),
      fixAt: v.fixAt });
  }
  return { seq, time, vehicles };
}

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;
