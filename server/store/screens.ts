// SQL for paired screens (token hashes only) and pending pairing codes.
import type { Db } from './database';

export interface ScreenRow {
  /** null from approval until the screen fetches its token (only then is the token drawn) */
  id: string; name: string; wall: string; screen: string; hash: string | null; paired_at: number; paired_by: string;
  last_seen_at: number | null; revoked_at: number | null;
}
export interface PairingRow {
  code: string; ticket: string; created_at: number; expires_at: number; user_agent: string; address: string;
  screen_id: string | null;
  /** always null since schema 5: a screen's token is never kept in plain text */
  token: null;
}

export function screenStore(db: Db) {
  const all = db.prepare<[], ScreenRow>('SELECT * FROM screens ORDER BY wall, screen, paired_at');
  const byHash = db.prepare<[string], ScreenRow>('SELECT * FROM screens WHERE hash = ?');
  const byId = db.prepare<[string], ScreenRow>('SELECT * FROM screens WHERE id = ?');
  const insert = db.prepare('INSERT INTO screens VALUES (@id, @name, @wall, @screen, @hash, @paired_at, @paired_by, @last_seen_at, @revoked_at)');
  const revoke = db.prepare('UPDATE screens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL');
  const seen = db.prepare('UPDATE screens SET last_seen_at = ? WHERE id = ?');
  const pending = db.prepare<[number], PairingRow>('SELECT * FROM pairings WHERE screen_id IS NULL AND expires_at > ? ORDER BY created_at');
  const pairingByCode = db.prepare<[string], PairingRow>('SELECT * FROM pairings WHERE code = ?');
  const pairingByTicket = db.prepare<[string], PairingRow>('SELECT * FROM pairings WHERE ticket = ?');
  const addPairing = db.prepare('INSERT INTO pairings VALUES (@code, @ticket, @created_at, @expires_at, @user_agent, @address, @screen_id, @token)');
  const approve = db.prepare('UPDATE pairings SET screen_id = ? WHERE code = ? AND screen_id IS NULL');
  const setHash = db.prepare('UPDATE screens SET hash = ? WHERE id = ? AND hash IS NULL');
  const taken = db.prepare('DELETE FROM pairings WHERE ticket = ?');
  const expire = db.prepare('DELETE FROM pairings WHERE expires_at <= ?');
  const dropPairing = db.prepare('DELETE FROM pairings WHERE code = ? AND screen_id IS NULL');
  return {
    all: () => all.all(),
    byHash: (hash: string) => byHash.get(hash) ?? null,
    byId: (id: string) => byId.get(id) ?? null,
    insert: (row: ScreenRow) => { insert.run(row); },
    revoke: (id: string, at: number) => revoke.run(at, id).changes === 1,
    seen: (id: string, at: number) => { seen.run(at, id); },
    pending: (now: number) => { expire.run(now); return pending.all(now); },
    pairingByCode: (code: string) => pairingByCode.get(code) ?? null,
    pairingByTicket: (ticket: string) => pairingByTicket.get(ticket) ?? null,
    addPairing: (row: PairingRow) => { addPairing.run(row); },
    dropPairing: (code: string) => { dropPairing.run(code); },
    approve: (code: string, screenId: string) => approve.run(screenId, code).changes === 1,
    /** the screen's token is drawn when it fetches it: only its hash is written */
    setHash: (id: string, hash: string) => setHash.run(hash, id).changes === 1,
    /** the screen fetched its token: the pairing is gone */
    taken: (ticket: string) => { taken.run(ticket); },
  };
}
export type ScreenStore = ReturnType<typeof screenStore>;
