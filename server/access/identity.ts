// Who is asking: the admin token, a signed-in operator or admin (session token), a paired screen (screen token), or a
// browser on this host (SITROOM_TRUST_LOOPBACK). Roles are checked here, on the server, for HTTP and sockets alike.
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Store } from '../store';
import type { Role } from '../protocol/walls';
import { hashPassword, checkPassword } from './passwords';
import { fileSecret, newSecret, sameSecret, sha256 } from './secrets';

export interface Identity {
  role: Role;
  /** who, for the log: a user's name, "admin token", a screen's name or "local browser" */
  name: string;
  via: 'admin-token' | 'session' | 'screen' | 'loopback';
  /** a paired screen: the wall and screen it is bound to */
  screen?: { id: string; wall: string; screen: string };
}

export interface AccessOptions { store: Store; adminToken: string; trustLoopback: boolean; sessionHours: number; dbPath: string; now: () => number }

export const isLoopback = (address: string | undefined): boolean =>
  !!address && (address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.'));

export class AccessError extends Error {
  constructor(readonly statusCode: 400 | 401 | 403 | 404 | 409, message: string, readonly field?: string) { super(message); }
}

export function createAccess(o: AccessOptions) {
  const people = o.store.people;
  // first start: an admin account whose password is kept beside the database (mode 600) and printed at start
  let firstAdmin: { name: string; file: string } | null = null;
  if (people.all().length === 0) {
    const { secret, file } = fileSecret(o.dbPath, 'admin-password');
    people.insert({ name: 'admin', role: 'admin', password: hashPassword(secret), created_at: o.now(), disabled_at: null });
    firstAdmin = { name: 'admin', file };
  } else {
    const file = path.join(path.dirname(o.dbPath), 'admin-password');
    if (existsSync(file) && people.user('admin')) firstAdmin = { name: 'admin', file };
  }

  const access = {
    firstAdmin,
    trustLoopback: o.trustLoopback,
    /** The identity behind a token from this address, or null (no token and not a trusted local browser). */
    identify(token: string | undefined, address: string | undefined): Identity | null {
      if (token) {
        if (sameSecret(token, o.adminToken)) return { role: 'admin', name: 'admin token', via: 'admin-token' };
        const hash = sha256(token);
        const session = people.session(hash, o.now());
        if (session) {
          const user = people.user(session.user);
          if (user && user.disabled_at === null) return { role: user.role, name: user.name, via: 'session' };
        }
        const screen = o.store.screens.byHash(hash);
        if (screen && screen.revoked_at === null) {
          return { role: 'screen', name: screen.name, via: 'screen', screen: { id: screen.id, wall: screen.wall, screen: screen.screen } };
        }
        return null; // a token that is not (or no longer) valid is refused even on loopback, so a revoked screen re-pairs
      }
      if (o.trustLoopback && isLoopback(address)) return { role: 'screen', name: 'local browser', via: 'loopback' };
      return null;
    },
    login(name: string, password: string): { token: string; role: Role; name: string; expiresAt: number } {
      const user = people.user(name);
      if (!user || user.disabled_at !== null || !checkPassword(password, user.password)) {
        throw new AccessError(401, 'name or password: not a valid operator or admin sign-in');
      }
      const token = newSecret();
      const at = o.now();
      const expiresAt = at + o.sessionHours * 3_600_000;
      people.addSession(sha256(token), user.name, at, expiresAt);
      return { token, role: user.role, name: user.name, expiresAt };
    },
    logout(token: string): void { people.endSession(sha256(token)); },
    users: () => people.all().map((u) => ({ name: u.name, role: u.role, createdAt: u.created_at, disabledAt: u.disabled_at })),
    addUser(name: string, role: 'operator' | 'admin', password: string) {
      if (people.user(name)) throw new AccessError(409, `name: a user "${name}" exists`, 'body/name');
      people.insert({ name, role, password: hashPassword(password), created_at: o.now(), disabled_at: null });
      return access.users().find((u) => u.name === name)!;
    },
    disableUser(name: string): boolean { return people.disable(name, o.now()); },
    setPassword(name: string, password: string): boolean {
      if (!people.user(name)) return false;
      people.setPassword(name, hashPassword(password));
      return true;
    },
  };
  return access;
}
export type Access = ReturnType<typeof createAccess>;
