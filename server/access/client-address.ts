// Who is really asking: the client's address, read from X-Forwarded-For only when the connection comes from a proxy
// listed in SITROOM_TRUST_PROXY (anyone can write that header). Pairing limits, rate limits, OsmAnd networks and the
// loopback trust all use this address; behind an untrusted proxy a forwarded request never counts as this computer.
import type { IncomingMessage } from 'node:http';
import proxyaddr from '@fastify/proxy-addr';
import { isLoopback } from './identity';

const FORWARDING_HEADERS = ['x-forwarded-for', 'forwarded', 'x-real-ip'] as const;

export function clientAddresses(trustProxy: readonly string[]) {
  const trusted = trustProxy.length ? proxyaddr.compile([...trustProxy]) : null;
  const address = (req: IncomingMessage): string => (trusted ? proxyaddr(req, trusted) : req.socket.remoteAddress ?? '');
  return {
    /** the client's address (the proxy's own when it is not trusted) */
    address,
    /** the address loopback trust may look at: none for a forwarded request that no trusted proxy resolved, since
     *  a reverse proxy on this computer would otherwise make every client of it a trusted local screen */
    forTrust(req: IncomingMessage): string | undefined {
      const a = address(req);
      const forwarded = FORWARDING_HEADERS.some((h) => req.headers[h] !== undefined);
      return forwarded && isLoopback(a) && a === req.socket.remoteAddress ? undefined : a;
    },
  };
}
export type ClientAddresses = ReturnType<typeof clientAddresses>;
