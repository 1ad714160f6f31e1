// Producers' ingest keys. Each producer (a city's Open311 system, a CAP feed, a sensor platform, a departmental
// system) has its own key: configured (SITROOM_INGEST_KEYS), generated on the first start, or created by an admin.
// Only a SHA-256 of each key is stored; a revoked key is refused at once, including a configured one.
import { randomUUID } from 'node:crypto';
import type { ProducerKeyRow, ProducerKeyStore } from '../store/producer-keys';
import { newSecret, sha256 } from './secrets';

export interface Producer { id: string; name: string }
export interface ProducerKeyInfo { id: string; name: string; origin: ProducerKeyRow['origin']; createdAt: number; revokedAt: number | null; usedAt: number | null }

/** How often a key's "last used" time is written (a busy producer must not cost a write per request). */
const USED_WRITE_EVERY = 60_000;

const info = (r: ProducerKeyRow): ProducerKeyInfo => ({
  id: r.id, name: r.name, origin: r.origin, createdAt: r.created_at, revokedAt: r.revoked_at, usedAt: r.used_at,
});

export function createProducerKeys(rows: ProducerKeyStore, now: () => number) {
  const byHash = new Map<string, ProducerKeyRow>();
  const reload = () => { byHash.clear(); for (const r of rows.all()) byHash.set(r.hash, r); };
  reload();

  /** Registers a key that comes from configuration or the generated file (idempotent across restarts). */
  function ensure(key: string, name: string, origin: 'config' | 'generated'): void {
    const hash = sha256(key);
    const row = rows.byHash(hash);
    if (!row) rows.insert({ id: `${origin === 'config' ? 'cfg' : 'gen'}-${hash.slice(0, 10)}`, name, hash, origin,
      created_at: now(), revoked_at: null, used_at: null });
    else if (row.name !== name && row.origin !== 'admin') rows.rename(row.id, name);
    reload();
  }

  return {
    ensure,
    /** The producer a key belongs to, or null when the key is unknown or revoked. */
    verify(key: string | undefined): Producer | null {
      if (!key) return null;
      const row = byHash.get(sha256(key));
      if (!row || row.revoked_at !== null) return null;
      const t = now();
      if (row.used_at === null || t - row.used_at > USED_WRITE_EVERY) { row.used_at = t; rows.used(row.id, t); }
      return { id: row.id, name: row.name };
    },
    /** A new key for a producer; the key itself is returned once and never stored. */
    create(name: string): ProducerKeyInfo & { key: string } {
      const key = newSecret();
      const row: ProducerKeyRow = { id: `key-${randomUUID().slice(0, 8)}`, name, hash: sha256(key), origin: 'admin',
        created_at: now(), revoked_at: null, used_at: null };
      rows.insert(row);
      reload();
      return { ...info(row), key };
    },
    revoke(id: string): ProducerKeyInfo | null {
      rows.revoke(id, now());
      reload();
      const row = [...byHash.values()].find((r) => r.id === id);
      return row ? info(row) : null;
    },
    list: (): ProducerKeyInfo[] => rows.all().map(info),
  };
}
export type ProducerKeys = ReturnType<typeof createProducerKeys>;
