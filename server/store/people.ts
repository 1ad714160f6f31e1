// SQL for operators and admins (password hashes only) and their sign-in sessions (token hashes only).
import type { Db } from './database';
import type { Role } from '../protocol/walls';

export interface UserRow { name: string; role: Exclude<Role, 'screen'>; password: string; created_at: number; disabled_at: number | null }

export function peopleStore(db: Db) {
  const all = db.prepare<[], UserRow>('SELECT * FROM users ORDER BY created_at, name');
  const one = db.prepare<[string], UserRow>('SELECT * FROM users WHERE name = ?');
  const insert = db.prepare('INSERT INTO users VALUES (@name, @role, @password, @created_at, @disabled_at)');
  const disable = db.prepare('UPDATE users SET disabled_at = ? WHERE name = ? AND disabled_at IS NULL');
  const setPassword = db.prepare('UPDATE users SET password = ? WHERE name = ?');
  const setRole = db.prepare('UPDATE users SET role = ? WHERE name = ?');
  const session = db.prepare<[string, number], { user: string; expires_at: number }>('SELECT user, expires_at FROM sessions WHERE hash = ? AND expires_at > ?');
  const addSession = db.prepare('INSERT INTO sessions VALUES (?, ?, ?, ?)');
  const endSession = db.prepare('DELETE FROM sessions WHERE hash = ?');
  const endUserSessions = db.prepare('DELETE FROM sessions WHERE user = ?');
  const dropExpired = db.prepare('DELETE FROM sessions WHERE expires_at <= ?');
  return {
    all: () => all.all(),
    user: (name: string) => one.get(name) ?? null,
    insert: (u: UserRow) => { insert.run(u); },
    disable: (name: string, at: number) => { const n = disable.run(at, name).changes; endUserSessions.run(name); return n === 1; },
    /** a new password or role ends every session of the user: rights are re-granted by signing in again */
    setPassword: (name: string, hash: string) => { db.transaction(() => { setPassword.run(hash, name); endUserSessions.run(name); })(); },
    setRole: (name: string, role: UserRow['role']) => { db.transaction(() => { setRole.run(role, name); endUserSessions.run(name); })(); },
    session: (hash: string, now: number) => session.get(hash, now) ?? null,
    addSession: (hash: string, user: string, at: number, expiresAt: number) => { dropExpired.run(at); addSession.run(hash, user, at, expiresAt); },
    endSession: (hash: string) => { endSession.run(hash); },
  };
}
export type PeopleStore = ReturnType<typeof peopleStore>;
