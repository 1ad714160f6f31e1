// Pairing a new screen: the screen asks for a short code and shows it; an operator approves the code in the console
// and assigns a wall and a position; the screen (polling with its private ticket) receives its token once, drawn at
// that moment so that only its hash is ever stored. The token never expires; revoking the screen refuses it at once.
import { randomInt } from 'node:crypto';
import type { Store } from '../store';
import type { PendingPairing, ScreenInfo, WallConfig } from '../protocol/walls';
import { AccessError } from './identity';
import { LIMITS } from '../ingest/limits';
import { newSecret, sha256 } from './secrets';

/** no 0/O, 1/I/L, 2/Z, 5/S, 8/B: read off a screen across the room and typed on a tablet */
const ALPHABET = 'ACDEFGHJKMNPQRTUVWXY34679';
export const CODE_LENGTH = 6;
/** a code is read off the screen and typed at once; an unused one soon makes room (the screen asks for another) */
export const CODE_MS = 5 * 60_000;

export const normalizeCode = (code: string): string => code.toUpperCase().replace(/[^A-Z0-9]/g, '');

export type PairingPoll =
  | { status: 'pending'; code: string; expiresAt: number }
  | { status: 'paired'; token: string; id: string; wall: string; screen: string; name: string }
  | { status: 'unknown' };

export interface PairingOptions { store: Store; now: () => number; wall: (id: string) => WallConfig; online: (screenId: string) => boolean }

export function createPairing(o: PairingOptions) {
  const screens = o.store.screens;
  const info = (r: NonNullable<ReturnType<typeof screens.byId>>): ScreenInfo => ({
    id: r.id, name: r.name, wall: r.wall, screen: r.screen, pairedAt: r.paired_at, pairedBy: r.paired_by,
    lastSeenAt: r.last_seen_at, online: o.online(r.id), revokedAt: r.revoked_at,
  });
  return {
    start(userAgent: string, address: string): { code: string; ticket: string; expiresAt: number } {
      const t = o.now();
      const pending = screens.pending(t);
      // one address holds at most its share: its oldest code makes room, so a client can crowd out only itself
      const own = pending.filter((p) => p.address === address);
      if (own.length >= LIMITS.pendingPairingsPerAddress) screens.dropPairing(own[0]!.code);
      else if (pending.length >= LIMITS.pendingPairings) {
        throw new AccessError(409, `too many screens are waiting to be paired (${LIMITS.pendingPairings} from all addresses); approve or wait for codes to expire`);
      }
      let code = '';
      do code = Array.from({ length: CODE_LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
      while (screens.pairingByCode(code));
      const ticket = newSecret();
      screens.addPairing({ code, ticket: sha256(ticket), created_at: t, expires_at: t + CODE_MS, user_agent: userAgent.slice(0, 300),
        address, screen_id: null, token: null });
      return { code, ticket, expiresAt: t + CODE_MS };
    },
    poll(ticket: string): PairingPoll {
      const p = screens.pairingByTicket(sha256(ticket));
      if (!p) return { status: 'unknown' };
      if (p.screen_id) {
        const s = screens.byId(p.screen_id);
        // the token is drawn now and only its hash kept: it never rests in the database in plain text
        const token = newSecret();
        const issued = o.store.transaction(() => {
          screens.taken(p.ticket);
          return !!s && s.revoked_at === null && screens.setHash(s.id, sha256(token));
        });
        if (!issued || !s) return { status: 'unknown' };
        return { status: 'paired', token, id: s.id, wall: s.wall, screen: s.screen, name: s.name };
      }
      if (p.expires_at <= o.now()) return { status: 'unknown' };
      return { status: 'pending', code: p.code, expiresAt: p.expires_at };
    },
    pending: (): PendingPairing[] => screens.pending(o.now()).map((p) => ({ code: p.code, createdAt: p.created_at,
      expiresAt: p.expires_at, userAgent: p.user_agent, address: p.address })),
    approve(rawCode: string, wall: string, screen: string, name: string | undefined, by: string): ScreenInfo {
      const code = normalizeCode(rawCode);
      const p = screens.pairingByCode(code);
      if (!p || p.expires_at <= o.now() || p.screen_id) throw new AccessError(404, `code: no screen is waiting with code "${rawCode}" (codes last ${CODE_MS / 60_000} minutes)`, 'body/code');
      const w = o.wall(wall);
      const spec = w.screens.find((s) => s.id === screen);
      if (!spec) throw new AccessError(400, `screen: wall "${wall}" has no screen "${screen}"; its screens: ${w.screens.map((s) => s.id).join(', ')}`, 'body/screen');
      const id = `scr-${newSecret().slice(0, 10)}`;
      const row = { id, name: name?.trim() || `${w.name_en} · ${spec.name_en}`, wall, screen, hash: null, paired_at: o.now(),
        paired_by: by, last_seen_at: null, revoked_at: null };
      o.store.transaction(() => { screens.insert(row); screens.approve(code, id); });
      return info(row);
    },
    screens: (): ScreenInfo[] => screens.all().map(info),
    revoke(id: string): ScreenInfo | null {
      if (!screens.revoke(id, o.now())) return null;
      return info(screens.byId(id)!);
    },
    seen(id: string): void { screens.seen(id, o.now()); },
  };
}
export type Pairing = ReturnType<typeof createPairing>;
