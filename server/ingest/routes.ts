// The native ingest API: POST /api/ingest/<kind>, a JSON batch, key in Authorization: Bearer.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Ingest } from './pipeline';
import type { ProducerKeys } from '../access/producer-keys';
import { RATE_LIMITED, requireProducer } from '../access/guard';
import { ErrorReply, INGEST_KINDS, IngestBodies, IngestReply, type IngestKind } from './schemas';

export interface IngestRoutesOptions { ingest: Ingest; keys: ProducerKeys; bodyLimit: number }

export const ingestRoutes: FastifyPluginAsyncTypebox<IngestRoutesOptions> = async (app, { ingest, keys, bodyLimit }) => {
  requireProducer(app, keys);
  for (const kind of INGEST_KINDS) {
    app.post(`/api/ingest/${kind}`, {
      bodyLimit,
      config: RATE_LIMITED,
      schema: {
        tags: ['ingest'],
        security: [{ bearer: [] }],
        summary: `Ingest a batch of ${kind}`,
        body: IngestBodies[kind],
        response: { 200: IngestReply, 400: ErrorReply, 401: ErrorReply },
      },
    }, async (req) => {
      const body = req.body as Record<IngestKind, unknown[]>;
      const source = `api:${req.producer!.name}`;
      // eslint-style cast: each kind's body was validated against its own schema above
      const run = ingest[kind] as (items: unknown[], source: string) => ReturnType<Ingest['appeals']>;
      return run(body[kind], source);
    });
  }
};
