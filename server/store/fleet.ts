// SQL for vehicles (current state) and their positions (a bounded history).
import type { Db } from './database';
import type { PositionRecord, VehicleRecord } from '../domain/records';
import type { VehicleStatus } from '../protocol/views';

interface VehicleRow {
  id: string; callsign: string; substation: string | null; status: string | null; lon: number | null; lat: number | null;
  speed_kmh: number | null; heading: number | null; fix_at: number | null; updated_at: number;
}

const fromRow = (r: VehicleRow): VehicleRecord => ({
  id: r.id, callsign: r.callsign, substation: r.substation, status: r.status as VehicleStatus | null, lon: r.lon, lat: r.lat,
  speedKmh: r.speed_kmh, heading: r.heading, fixAt: r.fix_at, updatedAt: r.updated_at,
});

/** a replay track keeps a fix a minute per team, and every status change */
export const TRACK_EVERY_MS = 60_000;

export function fleetStore(db: Db) {
  const all = db.prepare<[], VehicleRow>('SELECT * FROM vehicles ORDER BY rowid');
  // heard_at is the newest of the fixes and the position-less reports: a fix older than a report does not move it back
  const put = db.prepare(`INSERT INTO vehicles (id, callsign, substation, status, lon, lat, speed_kmh, heading, fix_at, updated_at,
    heard_at) VALUES (@id, @callsign, @substation, @status, @lon, @lat, @speedKmh, @heading, @fixAt, @updatedAt, @fixAt)
    ON CONFLICT (id) DO UPDATE SET callsign = excluded.callsign, substation = excluded.substation,
    status = excluded.status, lon = excluded.lon, lat = excluded.lat, speed_kmh = excluded.speed_kmh, heading = excluded.heading,
    fix_at = excluded.fix_at, updated_at = excluded.updated_at, heard_at = max(coalesce(heard_at, 0), coalesce(excluded.fix_at, 0))`);
  const heard = db.prepare('UPDATE vehicles SET heard_at = max(coalesce(heard_at, 0), ?) WHERE id = ?');
  const heardAll = db.prepare<[], { id: string; heard_at: number | null }>('SELECT id, heard_at FROM vehicles');
  const addPosition = db.prepare(`INSERT INTO positions (vehicle, at, lon, lat, speed_kmh, heading, status, accuracy_m, source,
    attributes, kept) VALUES (@vehicle, @at, @lon, @lat, @speedKmh, @heading, @status, @accuracyM, @source, @attributes, @kept)
    ON CONFLICT (vehicle, at) DO UPDATE SET lon = excluded.lon, lat = excluded.lat,
    speed_kmh = excluded.speed_kmh, heading = excluded.heading, status = excluded.status, accuracy_m = excluded.accuracy_m,
    source = excluded.source, attributes = excluded.attributes, kept = max(kept, excluded.kept)`);
  const thin = db.prepare('DELETE FROM positions WHERE at >= ? AND at < ? AND kept = 0');
  /** each team's last kept fix: a rolled-back batch may leave a gap of up to two minutes in a track, never a wrong fix */
  const lastKept = new Map<string, { at: number; status: string | null }>();
  const track = db.prepare<[string, number, number], { at: number; lon: number; lat: number; status: string | null }>(
    'SELECT at, lon, lat, status FROM positions WHERE vehicle = ? AND at >= ? ORDER BY at LIMIT ?');
  const count = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM positions');
  const prune = db.prepare('DELETE FROM positions WHERE at < ?');
  // every vehicle with a fix by t, as its newest fix by t left it (a fix without a status or heading keeps the last one)
  const vehiclesAt = db.prepare<[{ t: number }], VehicleRow>(
    `SELECT v.id, v.callsign, v.substation, p.lon, p.lat, p.speed_kmh, p.at AS fix_at, p.at AS updated_at,
       (SELECT status FROM positions WHERE vehicle = v.id AND at <= @t AND status IS NOT NULL ORDER BY at DESC LIMIT 1) AS status,
       (SELECT heading FROM positions WHERE vehicle = v.id AND at <= @t AND heading IS NOT NULL ORDER BY at DESC LIMIT 1) AS heading
     FROM vehicles v JOIN positions p ON p.rowid = (SELECT rowid FROM positions WHERE vehicle = v.id AND at <= @t ORDER BY at DESC LIMIT 1)
     ORDER BY v.rowid`);
  const addOrigin = db.prepare('INSERT OR IGNORE INTO vehicle_origins VALUES (?, ?, ?)');
  const originCount = db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM vehicle_origins WHERE source = ?');
  return {
    all: (): VehicleRecord[] => all.all().map(fromRow),
    put: (v: VehicleRecord): void => { put.run(v); },
    /** the vehicles as they stood at t: those with a fix by then, at their newest fix by then */
    vehiclesAt: (t: number): VehicleRecord[] => vehiclesAt.all({ t }).map(fromRow),
    addPosition: (p: PositionRecord): void => {
      const prev = lastKept.get(p.vehicle);
      const kept = !prev || p.at < prev.at || p.at - prev.at >= TRACK_EVERY_MS || (p.status !== null && p.status !== prev.status);
      if (kept) lastKept.set(p.vehicle, { at: p.at, status: p.status ?? prev?.status ?? null });
      addPosition.run({ ...p, attributes: p.attributes ? JSON.stringify(p.attributes) : null, kept: kept ? 1 : 0 });
    },
    /** drops the fixes in [from, before) that a replay track does not keep */
    thin: (from: number, before: number) => thin.run(from, before).changes,
    track: (vehicle: string, since: number, limit: number) => track.all(vehicle, since, limit),
    /** a report without a position: the vehicle was heard from at this time; false when there is no such vehicle */
    heard: (vehicle: string, at: number): boolean => heard.run(at, vehicle).changes === 1,
    /** when each vehicle was last heard from (a fix or a report without a position) */
    heardTimes: (): Map<string, number> => new Map(heardAll.all().flatMap((r) => (r.heard_at === null ? [] : [[r.id, r.heard_at] as const]))),
    positionCount: () => count.get()?.n ?? 0,
    prune: (before: number) => prune.run(before).changes,
    /** a producer brought this vehicle into being (the per-producer cap counts these) */
    addOrigin: (vehicle: string, source: string, at: number): void => { addOrigin.run(vehicle, source, at); },
    createdBy: (source: string): number => originCount.get(source)?.n ?? 0,
  };
}
export type FleetStore = ReturnType<typeof fleetStore>;
