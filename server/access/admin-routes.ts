// The admin API for producers' keys: list, create (the key is shown once), revoke. Admin token in Authorization: Bearer.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { ProducerKeys } from './producer-keys';
import { bearerToken, sameSecret } from './secrets';
import { ErrorReply } from '../ingest/schemas';

export interface AdminRoutesOptions { keys: ProducerKeys; adminToken: string }

const KeyInfo = Type.Object({
  id: Type.String(), name: Type.String(), origin: Type.String({ description: 'config, generated or admin' }),
  createdAt: Type.Number(), revokedAt: Type.Union([Type.Number(), Type.Null()]), usedAt: Type.Union([Type.Number(), Type.Null()]),
});
const security = [{ bearer: [] }];

export const adminRoutes: FastifyPluginAsyncTypebox<AdminRoutesOptions> = async (app, { keys, adminToken }) => {
  app.addHook('onRequest', async (req, reply) => {
    if (!sameSecret(bearerToken(req.headers.authorization), adminToken)) {
      return reply.code(401).header('www-authenticate', 'Bearer').send({
        statusCode: 401, error: 'Unauthorized', message: 'the admin token is required in Authorization: Bearer <token>',
      });
    }
  });

  app.get('/api/admin/keys', {
    schema: { tags: ['admin'], summary: "List producers' keys (never the keys themselves)", security,
      response: { 200: Type.Array(KeyInfo), 401: ErrorReply } },
  }, async () => keys.list());

  app.post('/api/admin/keys', {
    schema: { tags: ['admin'], summary: 'Create a key for a producer; the key is in this answer only', security,
      body: Type.Object({ name: Type.String({ minLength: 1, maxLength: 100, description: 'who the key is for' }) },
        { additionalProperties: false }),
      response: { 201: Type.Intersect([KeyInfo, Type.Object({ key: Type.String() })]), 400: ErrorReply, 401: ErrorReply } },
  }, async (req, reply) => reply.code(201).send(keys.create(req.body.name.trim())));

  app.delete('/api/admin/keys/:id', {
    schema: { tags: ['admin'], summary: 'Revoke a key: requests with it are refused from now on', security,
      params: Type.Object({ id: Type.String() }), response: { 200: KeyInfo, 401: ErrorReply, 404: ErrorReply } },
  }, async (req, reply) => {
    const revoked = keys.revoke(req.params.id);
    if (!revoked) return reply.code(404).send({ statusCode: 404, error: 'Not Found', message: `id: no key "${req.params.id}"` });
    return revoked;
  });
};
