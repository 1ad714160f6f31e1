// An incoming position fix → the position history row and the vehicle's new current state.
import type { PositionRecord, VehicleRecord } from '../../domain/records';
import type { TeamCallFix } from '../../store/team-calls';
import { fieldsOf } from '../errors';
import type { PositionIn } from '../schemas';
import { time, type NormaliseContext } from './common';

export function normalisePosition(item: PositionIn, i: number, existing: VehicleRecord | null, ctx: NormaliseContext):
  { position: PositionRecord; vehicle: VehicleRecord; moved: boolean; call: TeamCallFix | null } {
  const f = fieldsOf('positions', i);
  const at = time(f, 'at', item.at, ctx.now);
  if (item.substation !== undefined && !ctx.reference.substations.some((s) => s.id === item.substation)) {
    f.fail('substation', `unknown substation "${item.substation}"`);
  }
  const position: PositionRecord = {
    vehicle: item.vehicle, at, lon: item.lon, lat: item.lat, speedKmh: item.speedKmh ?? null, heading: item.heading ?? null,
    status: item.status ?? null, accuracyM: item.accuracyM ?? null, source: ctx.source,
    attributes: item.attributes ?? null,
  };
  // An older fix than the one shown (out of order, or a late batch) goes to history but does not move the vehicle.
  const newer = !existing || existing.fixAt === null || at >= existing.fixAt;
  const vehicle: VehicleRecord = newer
    ? { id: item.vehicle, callsign: item.callsign ?? existing?.callsign ?? item.vehicle,
      substation: item.substation ?? existing?.substation ?? null, status: item.status ?? existing?.status ?? null,
      lon: item.lon, lat: item.lat, speedKmh: position.speedKmh, heading: position.heading ?? existing?.heading ?? null,
      fixAt: at, updatedAt: ctx.now }
    : { ...existing, callsign: item.callsign ?? existing.callsign, substation: item.substation ?? existing.substation };
  return { position, vehicle, moved: newer, call: item.call ? teamCallOf(item, item.call, at, f, ctx) : null };
}

/** the call a fix carries; without the dispatch system's times, this fix stands for them (arrival: only on scene) */
function teamCallOf(item: PositionIn, c: NonNullable<PositionIn['call']>, at: number, f: ReturnType<typeof fieldsOf>, ctx: NormaliseContext): TeamCallFix {
  const given = (name: 'assignedAt' | 'arrivedAt') => time(f, `call/${name}`, c[name], ctx.now, true);
  return { vehicle: item.vehicle, call: c.id, receivedAt: time(f, 'call/receivedAt', c.receivedAt, ctx.now), lon: c.lon ?? null, lat: c.lat ?? null,
    address: c.address ?? null, at, source: ctx.source, assignedAt: given('assignedAt') ?? at, arrivedAt: given('arrivedAt') ?? (item.status === 'on_scene' ? at : null) };
}
