// The native ingest API: POST /api/ingest/<kind>, a JSON batch, key in Authorization: Bearer.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Ingest } from './pipeline';
import { bearerMatches } from './keys';
import { ErrorReply, INGEST_KINDS, IngestBodies, IngestReply, type IngestKind } from './schemas';

export interface IngestRoutesOptions { ingest: Ingest; keys: readonly string[] }

export const ingestRoutes: FastifyPluginAsyncTypebox<IngestRoutesOptions> = async (app, { ingest, keys }) => {
  app.addHook('onRequest', async (req, reply) => {
    if (!bearerMatches(req.headers.authorization, keys)) {
      return reply.code(401).header('www-authenticate', 'Bearer').send({
        statusCode: 401, error: 'Unauthorized', message: 'a valid ingest key is required in Authorization: Bearer <key>',
      });
    }
  });
  for (const kind of INGEST_KINDS) {
    app.post(`/api/ingest/${kind}`, {
      bodyLimit: 64 * 1024 * 1024,
      schema: {
        summary: `Ingest a batch of ${kind}`,
        body: IngestBodies[kind],
        response: { 200: IngestReply, 400: ErrorReply, 401: ErrorReply },
      },
    }, async (req) => {
      const body = req.body as Record<IngestKind, unknown[]>;
      const source = `api:${req.ip}`;
      // eslint-style cast: each kind's body was validated against its own schema above
      const run = ingest[kind] as (items: unknown[], source: string) => ReturnType<Ingest['appeals']>;
      return run(body[kind], source);
    });
  }
};
