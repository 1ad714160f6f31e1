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
  const addPosition = db.prepare(`INSERT INTO positions VALUES (@vehicle, @at, @lon, @lat, @speedKmh, @heading, @status,
    @accuracyM, @source, @attributes) ON CONFLICT (vehicle, at) DO UPDATE SET lon = excluded.lon, lat = excluded.lat,
    speed_kmh = excluded.speed_kmh, heading = excluded.heading, status = excluded.status, accuracy_m = excluded.accuracy_m,
    source = excluded.source, attributes = excluded.attributes`);
  const track = db.prepare<[string, number, number], { at: number; lon: number; lat: number; status: string | null }>(
    'SELECT at, lon, lat, status FROM positions WHERE vehicle = ? AND at >= ? ORDER BY at LIMIT ?');
  const count = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM positions');
  const prune = db.prepare('DELETE FROM positions WHERE at < ?');
  const addOrigin = db.prepare('INSERT OR IGNORE INTO vehicle_origins VALUES (?, ?, ?)');
  const originCount = db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM vehicle_origins WHERE source = ?');
  return {
    all: (): VehicleRecord[] => all.all().map(fromRow),
    put: (v: VehicleRecord): void => { put.run(v); },
    addPosition: (p: PositionRecord): void => {
      addPosition.run({ ...p, attributes: p.attributes ? JSON.stringify(p.attributes) : null });
    },
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
