// Visitor mode on the server: what screens of a wall in visitor mode receive instead of the live topics' views.
// Nothing a producer typed (incident titles), no identifier a producer chose (appeal and vehicle ids can be phone
// numbers or ticket numbers), appeal points no finer than ~1 km. The summary is aggregates only and passes as is.
import { createHash, randomBytes } from 'node:crypto';
import type { Delta, Deltas, Snapshots, Topic, TopicSync } from '../protocol/live';
import type { AppealView, IncidentView, VehicleView } from '../protocol/views';

// a per-process salt: the opaque ids are stable while the server runs (deltas can remove what snapshots added)
const salt = randomBytes(16);
const opaque = (prefix: string, id: string): string => `${prefix}${createHash('sha256').update(salt).update(id).digest('base64url').slice(0, 12)}`;
const km = (v: number | null): number | null => (v === null ? null : Math.round(v * 100) / 100);

const appeal = (a: AppealView): AppealView => ({ ...a, id: opaque('a', a.id), lon: km(a.lon), lat: km(a.lat) });
const incident = (i: IncidentView): IncidentView => ({ ...i, id: opaque('i', i.id), title: '' });
// a tracker without a callsign shows its id as one (often an IMEI or a phone number): a visitor sees a number
const vehicle = (v: VehicleView): VehicleView => ({ ...v, id: `v${v.index}`, callsign: v.callsign === v.id ? `№ ${v.index + 1}` : v.callsign });

export function visitorSnapshot<T extends Topic>(topic: T, snap: Snapshots[T]): Snapshots[T] {
  switch (topic) {
    case 'appeals': { const s = snap as Snapshots['appeals']; return { ...s, items: s.items.map(appeal) } as Snapshots[T]; }
    case 'incidents': { const s = snap as Snapshots['incidents']; return { items: s.items.map(incident) } as Snapshots[T]; }
    case 'fleet': { const s = snap as Snapshots['fleet']; return { vehicles: s.vehicles.map(vehicle) } as Snapshots[T]; }
    default: return snap;
  }
}

export function visitorPayload<T extends Topic>(topic: T, p: Deltas[T]): Deltas[T] {
  switch (topic) {
    case 'appeals': { const d = p as Deltas['appeals']; return { upsert: d.upsert.map(appeal), remove: d.remove.map((id) => opaque('a', id)) } as Deltas[T]; }
    case 'incidents': { const d = p as Deltas['incidents']; return { upsert: d.upsert.map(incident), remove: d.remove.map((id) => opaque('i', id)) } as Deltas[T]; }
    case 'fleet': { const d = p as Deltas['fleet']; return { upsert: d.upsert.map(vehicle) } as Deltas[T]; }
    default: return p;
  }
}

export const visitorDelta = (d: Delta): Delta => ({ ...d, payload: visitorPayload(d.topic, d.payload) });

export function visitorSync(r: TopicSync): TopicSync {
  return r.mode === 'snapshot' ? { ...r, snapshot: visitorSnapshot(r.topic, r.snapshot) } as TopicSync
    : { ...r, deltas: r.deltas.map(visitorDelta) } as TopicSync;
}
