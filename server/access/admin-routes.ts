// The admin API: producers' keys (list, create: the key is shown once, revoke) and the people who sign in (operators
// and admins). The admin token or an admin's session in Authorization: Bearer.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { ProducerKeys } from './producer-keys';
import { AccessError, type Access } from './identity';
import { ErrorReply } from '../ingest/schemas';

export interface AdminRoutesOptions { keys: ProducerKeys; access: Access }

const KeyInfo = Type.Object({
  id: Type.String(), name: Type.String(), origin: Type.String({ description: 'config, generated or admin' }),
  createdAt: Type.Number(), revokedAt: Type.Union([Type.Number(), Type.Null()]), usedAt: Type.Union([Type.Number(), Type.Null()]),
});
const security = [{ bearer: [] }];

export const adminRoutes: FastifyPluginAsyncTypebox<AdminRoutesOptions> = async (app, { keys, access }) => {
  const admin = { role: 'admin' } as const;
  app.get('/api/admin/keys', { config: admin,
    schema: { tags: ['admin'], summary: "List producers' keys (never the keys themselves)", security,
      response: { 200: Type.Array(KeyInfo), 401: ErrorReply } },
  }, async () => keys.list());

  app.post('/api/admin/keys', { config: admin,
    schema: { tags: ['admin'], summary: 'Create a key for a producer; the key is in this answer only', security,
      body: Type.Object({ name: Type.String({ minLength: 1, maxLength: 100, description: 'who the key is for' }) },
        { additionalProperties: false }),
      response: { 201: Type.Intersect([KeyInfo, Type.Object({ key: Type.String() })]), 400: ErrorReply, 401: ErrorReply } },
  }, async (req, reply) => reply.code(201).send(keys.create(req.body.name.trim())));

  app.delete('/api/admin/keys/:id', { config: admin,
    schema: { tags: ['admin'], summary: 'Revoke a key: requests with it are refused from now on', security,
      params: Type.Object({ id: Type.String() }), response: { 200: KeyInfo, 401: ErrorReply, 404: ErrorReply } },
  }, async (req, reply) => {
    const revoked = keys.revoke(req.params.id);
    if (!revoked) return reply.code(404).send({ statusCode: 404, error: 'Not Found', message: `id: no key "${req.params.id}"` });
    return revoked;
  });

  const UserInfo = Type.Object({ name: Type.String(), role: Type.String(), createdAt: Type.Number(), disabledAt: Type.Union([Type.Number(), Type.Null()]) });
  const Name = Type.String({ pattern: '^[A-Za-z0-9._@-]{2,64}$', description: 'sign-in name: letters, digits, . _ @ -' });
  const Password = Type.String({ minLength: 10, maxLength: 200, description: 'at least 10 characters' });
  app.get('/api/admin/users', { config: admin,
    schema: { tags: ['admin'], summary: 'Operators and admins (never their passwords)', security, response: { 200: Type.Array(UserInfo), 401: ErrorReply, 403: ErrorReply } },
  }, async () => access.users());
  app.post('/api/admin/users', { config: admin,
    schema: { tags: ['admin'], summary: 'Create an operator or admin who signs in with a password', security,
      body: Type.Object({ name: Name, role: Type.Union([Type.Literal('operator'), Type.Literal('admin')]), password: Password }, { additionalProperties: false }),
      response: { 201: UserInfo, 400: ErrorReply, 401: ErrorReply, 403: ErrorReply, 409: ErrorReply } },
  }, async (req, reply) => reply.code(201).send(access.addUser(req.body.name, req.body.role, req.body.password)));
  app.post('/api/admin/users/:name/password', { config: admin,
    schema: { tags: ['admin'], summary: "Set a user's password: their sessions end at once", security, params: Type.Object({ name: Type.String() }),
      body: Type.Object({ password: Password }, { additionalProperties: false }), response: { 204: Type.Null(), 404: ErrorReply } },
  }, async (req, reply) => {
    if (!access.setPassword(req.params.name, req.body.password)) throw new AccessError(404, `name: no user "${req.params.name}"`);
    return reply.code(204).send(null);
  });
  app.patch('/api/admin/users/:name', { config: admin,
    schema: { tags: ['admin'], summary: "Change a user's role: their sessions end at once (they sign in again with the new role)", security,
      params: Type.Object({ name: Type.String() }),
      body: Type.Object({ role: Type.Union([Type.Literal('operator'), Type.Literal('admin')]) }, { additionalProperties: false }),
      response: { 200: UserInfo, 404: ErrorReply } },
  }, async (req) => {
    if (!access.setRole(req.params.name, req.body.role)) throw new AccessError(404, `name: no user "${req.params.name}"`);
    return access.users().find((u) => u.name === req.params.name)!;
  });
  app.delete('/api/admin/users/:name', { config: admin,
    schema: { tags: ['admin'], summary: 'Disable a user: their sessions end at once', security, params: Type.Object({ name: Type.String() }),
      response: { 204: Type.Null(), 404: ErrorReply } },
  }, async (req, reply) => {
    if (!access.disableUser(req.params.name)) throw new AccessError(404, `name: no enabled user "${req.params.name}"`);
    return reply.code(204).send(null);
  });
};
