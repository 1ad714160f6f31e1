// The ambulance fleet: names, substations and statuses as deltas; positions travel apart, as one binary frame a tick
// for the whole fleet (protocol/fleet-frame.ts), encoded here once for every screen.
import type { VehicleRecord } from '../domain/records';
import { vehicleView } from '../hub/views';
import { decodeFleetFrame, encodeFleetFrame, type FleetFix } from '../protocol/fleet-frame';
import { VEHICLE_STATUSES, type VehicleView } from '../protocol/views';
import { defineTopic, type Redact } from './topic';

export interface FleetSnapshot { vehicles: VehicleView[] }
export interface FleetPayload { upsert: VehicleView[] }
/** positions reach a screen through the binary frames; its snapshot and deltas only name the teams */
export interface FleetSink { names?(vehicles: readonly VehicleView[]): void }

const hasFix = (v: VehicleView): v is VehicleView & FleetFix => v.lon !== null && v.lat !== null && v.fixAt !== null;
// a callsign is whatever the producer typed (an IMEI, a phone number, a driver's name): a visitor sees a team number
const visitorVehicle = (_r: Redact) => (v: VehicleView): VehicleView => ({ ...v, id: `v${v.index}`, callsign: `№ ${v.index + 1}` });

function fleetState() {
  const vehicles = new Map<string, VehicleView>();
  /** vehicle ids by frame index, for a follower taking the primary's frames; rebuilt when the fleet changes */
  const byIndex: string[] = [];
  const put = (v: VehicleRecord): VehicleView => {
    const view = vehicleView(v, vehicles.get(v.id)?.index ?? vehicles.size);
    vehicles.set(v.id, view);
    return view;
  };
  return {
    vehicles,
    seed(records: readonly VehicleRecord[]): void { records.forEach(put); },
    /** Vehicles whose fix moved; a delta only for those new or with another status, callsign or substation. */
    apply(records: readonly VehicleRecord[]): FleetPayload | null {
      const upsert: VehicleView[] = [];
      for (const v of records) {
        const before = vehicles.get(v.id);
        const view = put(v);
        if (!before || before.status !== view.status || before.callsign !== view.callsign || before.substation !== view.substation) upsert.push(view);
      }
      return upsert.length ? { upsert } : null;
    },
    /** The whole fleet's latest fixes as one frame (the views themselves are the fixes: no object per vehicle). */
    frame(seq: number, now: number): Uint8Array | null {
      const fixes: FleetFix[] = [];
      for (const v of vehicles.values()) if (hasFix(v)) fixes.push(v);
      return fixes.length ? encodeFleetFrame(fixes, seq, now) : null;
    },
    /** Takes another server's frame into the views; its sequence number. */
    adoptFrame(bytes: Uint8Array): { seq: number; time: number } {
      const f = decodeFleetFrame(bytes);
      if (byIndex.length !== vehicles.size) { byIndex.length = 0; for (const v of vehicles.values()) byIndex[v.index] = v.id; }
      for (let i = 0; i < f.count; i++) {
        const id = byIndex[f.index[i]!];
        const v = id === undefined ? undefined : vehicles.get(id);
        if (!v) continue;
        vehicles.set(v.id, { ...v, lon: f.lon[i]!, lat: f.lat[i]!, speedKmh: f.speedKmh[i] === 255 ? null : f.speedKmh[i]!,
          heading: Number.isNaN(f.heading[i]!) ? null : f.heading[i]!, status: VEHICLE_STATUSES[f.status[i]!] ?? v.status,
          fixAt: f.time - f.fixAgeS[i]! * 1000 });
      }
      return { seq: f.seq, time: f.time };
    },
    count: () => vehicles.size,
    snapshot: (): FleetSnapshot => ({ vehicles: [...vehicles.values()] }),
    merge(p: FleetPayload): void { for (const v of p.upsert) vehicles.set(v.id, v); },
    image: (): VehicleView[] => [...vehicles.values()],
    load(list: readonly VehicleView[]): void { vehicles.clear(); byIndex.length = 0; for (const v of list) vehicles.set(v.id, v); },
  };
}

export const fleet = defineTopic({
  state: fleetState,
  visitor: {
    snapshot: (snap: FleetSnapshot, r) => ({ vehicles: snap.vehicles.map(visitorVehicle(r)) }),
    delta: (p: FleetPayload, r) => ({ upsert: p.upsert.map(visitorVehicle(r)) }),
  },
  client: {
    snapshot: (sink: FleetSink, snap) => sink.names?.(snap.vehicles),
    delta: (sink, p) => sink.names?.(p.upsert),
  },
});
