// What every ingest route shares: the producer's key (Authorization: Bearer, or a standard's own field such as
// Open311's api_key), a per-key rate limit and body limits.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import rateLimit from '@fastify/rate-limit';
import type { Producer, ProducerKeys } from './producer-keys';
import { bearerToken, sha256 } from './secrets';
import type { Access, Identity } from './identity';
import { roleAtLeast, type Role } from '../protocol/walls';

declare module 'fastify' {
  interface FastifyRequest { producer?: Producer }
}

export class Unauthorized extends Error {
  readonly statusCode = 401;
  constructor(message = 'a valid ingest key is required in Authorization: Bearer <key>') { super(message); }
}

/** Sets req.producer from the Bearer key, or refuses the request with 401 before its body is read. */
export function requireProducer(app: FastifyInstance, keys: ProducerKeys): void {
  app.addHook('onRequest', async (req, reply) => {
    const producer = keys.verify(bearerToken(req.headers.authorization));
    if (!producer) {
      return reply.code(401).header('www-authenticate', 'Bearer').send({
        statusCode: 401, error: 'Unauthorized', message: new Unauthorized().message,
      });
    }
    req.producer = producer;
  });
}

/**
 * Registers @fastify/rate-limit for the routes that opt in (config.rateLimit). The limit is per producer key, counted
 * after the body is parsed (preHandler) so a key in the body (Open311 api_key) or a device id counts too.
 */
export async function registerRateLimit(app: FastifyInstance, perMinute: number): Promise<void> {
  await app.register(rateLimit, {
    global: false,
    hook: 'preHandler',
    max: perMinute,
    timeWindow: 60_000,
    keyGenerator: (req: FastifyRequest) => {
      if (req.producer) return `p:${req.producer.id}`;
      const body = (req.body ?? {}) as Record<string, unknown>;
      const query = (req.query ?? {}) as Record<string, unknown>;
      const apiKey = body['api_key'] ?? query['api_key'];
      if (typeof apiKey === 'string') return `k:${sha256(apiKey)}`;
      const device = body['device_id'] ?? body['id'] ?? body['deviceid'] ?? query['id'] ?? query['deviceid'];
      if (typeof device === 'string' || typeof device === 'number') return `d:${device}`;
      return `ip:${req.ip}`;
    },
    errorResponseBuilder: (_req, ctx) => ({
      statusCode: ctx.statusCode, error: 'Too Many Requests',
      message: `rate limit: at most ${ctx.max} requests a minute per producer key; retry in ${Math.ceil(ctx.ttl / 1000)} s`,
    }),
  });
}

/** Route config that turns the shared rate limit on. */
export const RATE_LIMITED = { rateLimit: {} } as const;

declare module 'fastify' {
  interface FastifyContextConfig { role?: Role }
  interface FastifyRequest { identity?: Identity }
}

/**
 * Checks every route that declares `config: { role }`: no valid identity gets 401, too small a role 403. The server
 * refuses; the console hiding a button is only a courtesy.
 */
export function registerRoles(app: FastifyInstance, access: Access): void {
  // a callback hook, not an async one: it runs on every request, and has nothing to wait for
  app.addHook('onRequest', (req, reply, done) => {
    const need = req.routeOptions.config?.role;
    if (!need) return done();
    const identity = access.identify(bearerToken(req.headers.authorization), access.trustAddress(req.raw));
    if (!identity) {
      reply.code(401).header('www-authenticate', 'Bearer').send({ statusCode: 401, error: 'Unauthorized',
        message: `this needs the ${need} role: sign in (POST /api/auth/login) and send Authorization: Bearer <token>` });
      return;
    }
    if (!roleAtLeast(identity.role, need)) {
      reply.code(403).send({ statusCode: 403, error: 'Forbidden', message: `this needs the ${need} role; ${identity.name} has ${identity.role}` });
      return;
    }
    req.identity = identity;
    done();
  });
}

/** Whether this request's identity holds at least `role` (for a list that shows each caller what it may read). */
export function mayRead(access: Access, req: FastifyRequest, role: Role): boolean {
  const identity = access.identify(bearerToken(req.headers.authorization), access.trustAddress(req.raw));
  return identity !== null && roleAtLeast(identity.role, role);
}

export const asActor = (req: FastifyRequest): { name: string; role: Role } =>
  ({ name: req.identity?.name ?? 'unknown', role: req.identity?.role ?? 'screen' });
