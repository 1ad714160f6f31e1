// Who is asking: the admin token, a signed-in operator or admin (session token), a paired screen (screen token), or a
// browser on this host (SITROOM_TRUST_LOOPBACK). Roles are checked here, on the server, for HTTP and sockets alike.
import { existsSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import type { ClientAddresses } from './client-address';
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

export interface AccessOptions {
  store: Store; adminToken: string; trustLoopback: boolean; sessionHours: number; dbPath: string; now: () => number;
  addresses: ClientAddresses;
}

export const isLoopback = (address: string | undefined): boolean =>
  !!address && (address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.'));

export class AccessError extends Error {
  constructor(readonly statusCode: 400 | 401 | 403 | 404 | 409, message: string, readonly field?: string) { super(message); }
}

export function createAccess(o: AccessOptions) {
  const people = o.store.people;
  /** told when someone's rights changed (disabled, new password or role, signed out): live sockets re-check */
  const rightsChanged = new Set<() => void>();
  const changed = () => { for (const fn of rightsChanged) fn(); };
  // an unknown name costs the same scrypt as a known one, so sign-in time does not tell which names exist
  const decoy = hashPassword(newSecret());
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
    /** the address loopback trust looks at for this request (see server/access/client-address.ts) */
    trustAddress: (req: IncomingMessage): string | undefined => o.addresses.forTrust(req),
    /** the client's address, through trusted proxies */
    clientAddress: (req: IncomingMessage): string => o.addresses.address(req),
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
      const matches = checkPassword(password, user?.password ?? decoy);
      if (!user || user.disabled_at !== null || !matches) {
        throw new AccessError(401, 'name or password: not a valid operator or admin sign-in');
      }
      const token = newSecret();
      const at = o.now();
      const expiresAt = at + o.sessionHours * 3_600_000;
      people.addSession(sha256(token), user.name, at, expiresAt);
      return { token, role: user.role, name: user.name, expiresAt };
    },
    logout(token: string): void { people.endSession(sha256(token)); changed(); },
    onRightsChanged(fn: () => void): () => void { rightsChanged.add(fn); return () => rightsChanged.delete(fn); },
    users: () => people.all().map((u) => ({ name: u.name, role: u.role, createdAt: u.created_at, disabledAt: u.disabled_at })),
    addUser(name: string, role: 'operator' | 'admin', password: string) {
      if (people.user(name)) throw new AccessError(409, `name: a user "${name}" exists`, 'body/name');
      people.insert({ name, role, password: hashPassword(password), created_at: o.now(), disabled_at: null });
      return access.users().find((u) => u.name === name)!;
    },
    disableUser(name: string): boolean { const done = people.disable(name, o.now()); changed(); return done; },
    setPassword(name: string, password: string): boolean {
      if (!people.user(name)) return false;
      people.setPassword(name, hashPassword(password));
      changed();
      return true;
    },
    setRole(name: string, role: 'operator' | 'admin'): boolean {
      if (!people.user(name)) return false;
      people.setRole(name, role);
      changed();
      return true;
    },
  };
  return access;
}
export type Access = ReturnType<typeof createAccess>;
