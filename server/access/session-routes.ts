// Signing in and out: operators and admins exchange a name and password for a session token (Bearer); /api/auth/me
// says who a token (or this browser) is.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { ErrorReply } from '../ingest/schemas';
import { bearerToken } from './secrets';
import type { Access } from './identity';

export const sessionRoutes: FastifyPluginAsyncTypebox<{ access: Access }> = async (app, { access }) => {
  app.post('/api/auth/login', {
    config: { rateLimit: { max: 20, timeWindow: 60_000, keyGenerator: (req: { ip: string }) => `login:${req.ip}` } },
    schema: { tags: ['access'], summary: 'Sign in as an operator or admin; the token goes in Authorization: Bearer',
      body: Type.Object({ name: Type.String({ minLength: 1, maxLength: 64 }), password: Type.String({ minLength: 1, maxLength: 200 }) }, { additionalProperties: false }),
      response: { 200: Type.Object({ token: Type.String(), role: Type.String(), name: Type.String(), expiresAt: Type.Number() }), 401: ErrorReply } },
  }, async (req) => access.login(req.body.name, req.body.password));

  app.post('/api/auth/logout', { schema: { tags: ['access'], summary: 'End this session', security: [{ bearer: [] }], response: { 204: Type.Null() } } },
    async (req, reply) => {
      const token = bearerToken(req.headers.authorization);
      if (token) access.logout(token);
      return reply.code(204).send(null);
    });

  app.get('/api/auth/me', { schema: { tags: ['access'], summary: 'Who this token (or this browser) is: role and name, or 401',
    response: { 200: Type.Object({ role: Type.String(), name: Type.String(), via: Type.String(),
      screen: Type.Optional(Type.Object({ id: Type.String(), wall: Type.String(), screen: Type.String() })) }), 401: ErrorReply } } },
  async (req, reply) => {
    const who = access.identify(bearerToken(req.headers.authorization), access.trustAddress(req.raw));
    if (!who) return reply.code(401).send({ statusCode: 401, error: 'Unauthorized', message: 'not signed in and not a paired screen' });
    return who;
  });
};
