// A socket's rights are checked again while it is connected: its identity was decided at the handshake, and a session
// can expire, a user be disabled, given a new password or role, a screen be revoked. Each socket's token is
// identified again at once when an admin changes someone's rights, and every few seconds for what simply runs out.
import type { Access } from '../access/identity';
import { WALL_EVENTS } from '../protocol/walls';
import type { LiveServer } from './types';

/** how long an expired session may keep an open socket at most */
export const IDENTITY_RECHECK_MS = 5000;

/** Disconnects every socket whose token no longer gives it the identity it was let in with; returns how many. */
export function dropExpired(io: LiveServer, access: Access, notifyConsoles: (what: string) => void): number {
  let dropped = 0;
  for (const s of io.of('/').sockets.values()) {
    const was = s.data.identity;
    if (!was) continue;
    const now = access.identify(s.data.token, s.data.address);
    if (now && now.role === was.role && now.name === was.name && now.screen?.id === was.screen?.id) continue;
    // a screen goes back to its pairing page; a console reconnects, is refused and asks to sign in again
    if (was.screen) s.emit(WALL_EVENTS.revoked);
    s.disconnect(true);
    dropped++;
  }
  if (dropped) notifyConsoles('screens');
  return dropped;
}
