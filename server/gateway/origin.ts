// Which pages may open the live socket, and which of them a browser on this computer may trust without pairing.
// A browser sends the page's Origin with every WebSocket handshake: only the app's own origin (the Host it was reached
// at) and the configured ones (SITROOM_ORIGINS, a wall served under another host name) are let in, so a page of
// another site open in a browser on a screen's computer can neither read the live topics nor send anything.
// Programs (python-socketio, node) send no Origin: they get in and identify with a token like any client.
import type { IncomingMessage } from 'node:http';

const LOOPBACK_HOSTS = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/i;

/** The page's origin as sent ("null" for an opaque one, which matches nothing), or null for a program. */
const originOf = (req: IncomingMessage): string | null => {
  const o = req.headers.origin;
  return typeof o === 'string' && o.length > 0 ? o : null;
};

/** The page's origin is this server as the browser reached it (scheme, host and port). */
function sameOrigin(origin: string, req: IncomingMessage): boolean {
  const host = req.headers.host;
  if (!host) return false;
  try {
    const u = new URL(origin);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.host.toLowerCase() === host.toLowerCase();
  } catch { return false; }
}

export function originPolicy(allowed: readonly string[]) {
  const extra = new Set(allowed.map((o) => o.toLowerCase().replace(/\/$/, '')));
  return {
    /** A handshake from a page of another origin is refused with 403 before anything else runs. */
    allows(req: IncomingMessage): boolean {
      const origin = originOf(req);
      return origin === null || sameOrigin(origin, req) || extra.has(origin.toLowerCase());
    },
    /** Loopback trust (SITROOM_TRUST_LOOPBACK) holds for a program on this computer and for a page served by this
     *  server under a loopback name; never for another origin, nor a name that merely resolves here (DNS rebinding). */
    trustsLoopback(req: IncomingMessage): boolean {
      const origin = originOf(req);
      if (origin === null) return true;
      if (!sameOrigin(origin, req)) return false;
      const hostname = (req.headers.host ?? '').replace(/:\d+$/, '');
      return LOOPBACK_HOSTS.test(hostname);
    },
    describe: (req: IncomingMessage): string => originOf(req) ?? '(none)',
  };
}
