// SQL for producers' ingest keys: only a SHA-256 of each key is kept.
import type { Db } from './database';

export interface ProducerKeyRow {
  id: string; name: string; hash: string; origin: 'config' | 'generated' | 'admin';
  created_at: number; revoked_at: number | null; used_at: number | null;
}

export function producerKeyStore(db: Db) {
  const all = db.prepare<[], ProducerKeyRow>('SELECT * FROM producer_keys ORDER BY created_at, id');
  const byHash = db.prepare<[string], ProducerKeyRow>('SELECT * FROM producer_keys WHERE hash = ?');
  const insert = db.prepare(`INSERT INTO producer_keys VALUES (@id, @name, @hash, @origin, @created_at, @revoked_at, @used_at)`);
  const rename = db.prepare('UPDATE producer_keys SET name = ? WHERE id = ?');
  const revoke = db.prepare('UPDATE producer_keys SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL');
  const used = db.prepare('UPDATE producer_keys SET used_at = ? WHERE id = ?');
  return {
    all: () => all.all(),
    byHash: (hash: string) => byHash.get(hash) ?? null,
    insert: (row: ProducerKeyRow) => { insert.run(row); },
    rename: (id: string, name: string) => { rename.run(name, id); },
    revoke: (id: string, at: number) => revoke.run(at, id).changes === 1,
    used: (id: string, at: number) => { used.run(at, id); },
  };
}
export type ProducerKeyStore = ReturnType<typeof producerKeyStore>;
