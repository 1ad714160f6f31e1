// SQL for the calls teams report being on: one row per (team, call), widened by each fix that carries it. The team
// took it and arrived when the dispatch system says, else at its first fix on the call and its first fix on scene; the
// last fix on it says whether it is still the team's current call.
import type { Db } from './database';

export interface TeamCallFix {
  vehicle: string; call: string; receivedAt: number; lon: number | null; lat: number | null; address: string | null; at: number; source: string;
  /** when the team took the call and got there: as the dispatch system says, else this fix (the latter only on scene) */
  assignedAt: number; arrivedAt: number | null;
}
export interface TeamCall { call: string; receivedAt: number; lon: number | null; lat: number | null; address: string | null; assignedAt: number; arrivedAt: number | null; lastAt: number; source: string }

interface Row { call: string; received_at: number; lon: number | null; lat: number | null; address: string | null; assigned_at: number; arrived_at: number | null; last_at: number; source: string }

export function teamCallStore(db: Db) {
  // an out-of-order fix can move the first fix earlier and the last one later, never the other way
  const note = db.prepare(`INSERT INTO team_calls VALUES (@vehicle, @call, @receivedAt, @lon, @lat, @address, @assignedAt,
    @arrivedAt, @at, @source)
    ON CONFLICT (vehicle, call) DO UPDATE SET received_at = excluded.received_at, lon = coalesce(excluded.lon, lon),
    lat = coalesce(excluded.lat, lat), address = coalesce(excluded.address, address), assigned_at = min(assigned_at, excluded.assigned_at),
    arrived_at = CASE WHEN excluded.arrived_at IS NULL THEN arrived_at ELSE min(coalesce(arrived_at, excluded.arrived_at), excluded.arrived_at) END,
    last_at = max(last_at, excluded.last_at), source = excluded.source`);
  const latest = db.prepare<[string], Row>('SELECT call, received_at, lon, lat, address, assigned_at, arrived_at, last_at, source FROM team_calls WHERE vehicle = ? ORDER BY last_at DESC LIMIT 1');
  const prune = db.prepare('DELETE FROM team_calls WHERE last_at < ?');
  const sources = db.prepare<[number, number], { source: string }>('SELECT DISTINCT source FROM team_calls WHERE last_at >= ? AND last_at < ?');
  return {
    note: (f: TeamCallFix): void => { note.run(f); },
    /** the call the team's newest fix carried: none when its last fix at or after `fixAt` carried no call */
    current(vehicle: string, fixAt: number | null): TeamCall | null {
      const r = latest.get(vehicle);
      if (!r || fixAt === null || r.last_at < fixAt) return null;
      return { call: r.call, receivedAt: r.received_at, lon: r.lon, lat: r.lat, address: r.address, assignedAt: r.assigned_at, arrivedAt: r.arrived_at, lastAt: r.last_at, source: r.source };
    },
    prune: (before: number): number => prune.run(before).changes,
    /** the producers that reported teams on calls in [from, to) */
    sourcesIn: (from: number, to: number): string[] => sources.all(from, to).map((r) => r.source),
  };
}
export type TeamCallStore = ReturnType<typeof teamCallStore>;
