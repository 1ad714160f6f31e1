// On a follower, every request that writes goes on to the primary unchanged (method, path, headers, body) and its
// answer comes back unchanged, so producers, consoles and screens may talk to any server. SQLite keeps one writer.
// The client's address travels in X-Forwarded-For; the primary trusts that header only from loopback.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { request as httpRequest } from 'node:http';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);
/** reads that write all the same: OsmAnd positions come as GET; a pairing screen's poll marks its token taken */
const WRITING_READS = [/^\/osmand(\/|\?|$)/, /^\/api\/pairing(\/|\?|$)/];

export const writes = (req: FastifyRequest): boolean => !SAFE.has(req.method) || WRITING_READS.some((r) => r.test(req.url));

export function forwardWrites(app: FastifyInstance, primaryUrl: () => Promise<string | null>): void {
  app.addHook('onRequest', async (req, reply) => {
    if (!writes(req)) return;
    const target = await primaryUrl();
    if (!target) {
      return reply.code(503).header('retry-after', '5').send({ statusCode: 503, error: 'Service Unavailable',
        message: 'this server is a follower and the primary server is not known right now; retry shortly', field: null });
    }
    reply.hijack();
    const url = new URL(req.url, target);
    const headers = { ...req.headers, host: url.host, 'x-forwarded-for': req.ip, 'x-forwarded-host': req.headers.host ?? '' };
    await new Promise<void>((resolve) => {
      const out = httpRequest(url, { method: req.method, headers }, (res) => {
        reply.raw.writeHead(res.statusCode ?? 502, res.headers);
        res.pipe(reply.raw);
        res.on('end', resolve);
        res.on('error', () => { reply.raw.destroy(); resolve(); });
      });
      out.on('error', (e) => {
        if (!reply.raw.headersSent) {
          reply.raw.writeHead(502, { 'content-type': 'application/json' });
          reply.raw.end(JSON.stringify({ statusCode: 502, error: 'Bad Gateway', message: `the primary server did not answer (${e.message}); nothing was stored`, field: null }));
        } else reply.raw.destroy();
        resolve();
      });
      req.raw.pipe(out);
    });
  });
}
