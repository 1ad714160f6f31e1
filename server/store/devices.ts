// SQL for OsmAnd / Traccar Client devices: each bound to one vehicle, known by a SHA-256 of its device id (the id is
// what the device sends with every fix, so it is its credential and is never stored or shown).
import type { Db } from './database';

export interface DeviceRow {
  id: string; hash: string; label: string; vehicle: string; origin: 'config' | 'admin' | 'auto';
  created_at: number; created_by: string; revoked_at: number | null; last_fix_at: number | null;
  last_heard_at: number | null;
}

export function deviceStore(db: Db) {
  const all = db.prepare<[], DeviceRow>('SELECT * FROM devices ORDER BY created_at, id');
  const byHash = db.prepare<[string], DeviceRow>('SELECT * FROM devices WHERE hash = ?');
  const byId = db.prepare<[string], DeviceRow>('SELECT * FROM devices WHERE id = ?');
  const insert = db.prepare(`INSERT INTO devices VALUES (@id, @hash, @label, @vehicle, @origin, @created_at, @created_by,
    @revoked_at, @last_fix_at, @last_heard_at)`);
  const revoke = db.prepare('UPDATE devices SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL');
  const fixed = db.prepare('UPDATE devices SET last_fix_at = ?, last_heard_at = ? WHERE id = ?');
  const heard = db.prepare('UPDATE devices SET last_heard_at = ? WHERE id = ?');
  const autoCount = db.prepare<[], { n: number }>("SELECT count(*) AS n FROM devices WHERE origin = 'auto' AND revoked_at IS NULL");
  return {
    all: () => all.all(),
    byHash: (hash: string) => byHash.get(hash) ?? null,
    byId: (id: string) => byId.get(id) ?? null,
    insert: (row: DeviceRow) => { insert.run(row); },
    revoke: (id: string, at: number) => revoke.run(at, id).changes === 1,
    fixed: (id: string, at: number) => { fixed.run(at, at, id); },
    heard: (id: string, at: number) => { heard.run(at, id); },
    autoRegistered: () => autoCount.get()?.n ?? 0,
  };
}
export type DeviceStore = ReturnType<typeof deviceStore>;
