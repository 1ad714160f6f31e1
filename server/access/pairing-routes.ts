// Screen pairing over HTTP: a screen asks for a code and polls with its ticket; operators list waiting codes,
// approve one onto a wall and position, list paired screens and revoke them.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { ErrorReply } from '../ingest/schemas';
import { asActor } from './guard';
import type { Pairing } from './pairing';

export interface PairingRoutesOptions {
  pairing: Pairing;
  /** a screen was approved or revoked: tell consoles, drop the revoked screen's connections */
  changed: (what: 'pairing' | 'screens') => void;
  revoked: (screenId: string) => void;
}

const operator = { role: 'operator' } as const;
const security = [{ bearer: [] }];
const ScreenInfo = Type.Object({ id: Type.String(), name: Type.String(), wall: Type.String(), screen: Type.String(), pairedAt: Type.Number(),
  pairedBy: Type.String(), lastSeenAt: Type.Union([Type.Number(), Type.Null()]), online: Type.Boolean(), revokedAt: Type.Union([Type.Number(), Type.Null()]) });

export const pairingRoutes: FastifyPluginAsyncTypebox<PairingRoutesOptions> = async (app, { pairing, changed, revoked }) => {
  app.post('/api/pairing', {
    config: { rateLimit: { max: 30, timeWindow: 60_000, keyGenerator: (req: { ip: string }) => `pair:${req.ip}` } },
    schema: { tags: ['access'], summary: 'A new screen asks for a pairing code to show; it keeps the ticket to collect its token',
      response: { 201: Type.Object({ code: Type.String(), ticket: Type.String(), expiresAt: Type.Number() }), 409: ErrorReply } },
  }, async (req, reply) => {
    const started = pairing.start(String(req.headers['user-agent'] ?? ''), req.ip);
    changed('pairing');
    return reply.code(201).send(started);
  });

  app.post('/api/pairing/poll', {
    config: { openapi: { response: { 200: Type.Union([
      Type.Object({ status: Type.Literal('pending'), code: Type.String(), expiresAt: Type.Number() }),
      Type.Object({ status: Type.Literal('paired'), token: Type.String({ description: "the screen's token, given once" }), id: Type.String(), wall: Type.String(), screen: Type.String(), name: Type.String() }),
      Type.Object({ status: Type.Literal('unknown') })]) } } },
    schema: { tags: ['access'], summary: "A waiting screen polls with its ticket: pending, paired (the screen's token, once) or unknown (ask again)",
      body: Type.Object({ ticket: Type.String({ minLength: 10, maxLength: 100 }) }, { additionalProperties: false }) },
  }, async (req) => pairing.poll(req.body.ticket));

  app.get('/api/pairing/pending', { config: { ...operator, openapi: { response: { 200: Type.Array(Type.Object({ code: Type.String(), createdAt: Type.Number(),
    expiresAt: Type.Number(), userAgent: Type.String(), address: Type.String() })) } } },
    schema: { tags: ['walls'], summary: 'Screens waiting with a code', security },
  }, async () => pairing.pending());

  app.post('/api/pairing/approve', { config: operator,
    schema: { tags: ['walls'], summary: 'Approve a code: the screen joins a wall at a position and gets a token that never expires', security,
      body: Type.Object({ code: Type.String({ minLength: 4, maxLength: 20 }), wall: Type.String({ maxLength: 40 }), screen: Type.String({ maxLength: 40 }),
        name: Type.Optional(Type.String({ maxLength: 100 })) }, { additionalProperties: false }),
      response: { 201: ScreenInfo, 400: ErrorReply, 401: ErrorReply, 403: ErrorReply, 404: ErrorReply } },
  }, async (req, reply) => {
    const s = pairing.approve(req.body.code, req.body.wall, req.body.screen, req.body.name, asActor(req).name);
    changed('screens');
    return reply.code(201).send(s);
  });

  app.get('/api/screens', { config: operator,
    schema: { tags: ['walls'], summary: 'Paired screens, online or not, revoked ones included', security, response: { 200: Type.Array(ScreenInfo) } },
  }, async () => pairing.screens());

  app.delete('/api/screens/:id', { config: operator,
    schema: { tags: ['walls'], summary: 'Revoke a screen: it drops to the pairing page at once', security, params: Type.Object({ id: Type.String() }),
      response: { 200: ScreenInfo, 404: ErrorReply } },
  }, async (req, reply) => {
    const s = pairing.revoke(req.params.id);
    if (!s) return reply.code(404).send({ statusCode: 404, error: 'Not Found', message: `id: no paired screen "${req.params.id}"`, field: 'params/id' });
    revoked(s.id);
    return s;
  });
};
