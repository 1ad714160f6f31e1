// The wall layouts (data/layouts/*.json, checked at start): the list and each layout by id.
import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Layout, LayoutList } from '../protocol/layout';
import { ErrorReply } from '../ingest/schemas';

export interface LayoutRoutesOptions { layouts: Map<string, Layout>; defaultId: string }

export const layoutRoutes: FastifyPluginAsyncTypebox<LayoutRoutesOptions> = async (app, o) => {
  app.get('/api/layouts', { schema: { tags: ['read'], summary: 'The layouts a wall can show, and the default one' },
    config: { openapi: { response: { 200: Type.Object({ default: Type.String(), layouts: Type.Array(Type.Object({ id: Type.String(), name_ru: Type.String(), name_en: Type.String() })) }) } } },
  }, async (): Promise<LayoutList> => ({
    default: o.defaultId,
    layouts: [...o.layouts.values()].map(({ id, name_ru, name_en }) => ({ id, name_ru, name_en })),
  }));
  app.get('/api/layouts/:id', { schema: { tags: ['read'], summary: 'One layout: its grid, freshness and panels (server/protocol/layout.ts)', params: Type.Object({ id: Type.String({ maxLength: 64 }) }) },
    config: { openapi: { response: { 200: Type.Object({ id: Type.String(), name_ru: Type.String(), name_en: Type.String(), grid: Type.Object({ cols: Type.Integer(), rows: Type.Integer() }),
      panels: Type.Array(Type.Object({ kind: Type.String() }, { additionalProperties: true })) }, { additionalProperties: true }), 404: ErrorReply } } } }, async (req, reply) => {
    const layout = o.layouts.get(req.params.id);
    if (!layout) {
      return reply.code(404).send({ statusCode: 404, error: 'Not Found', field: 'params/id',
        message: `id: no layout "${req.params.id}"; known: ${[...o.layouts.keys()].join(', ')}` });
    }
    return layout;
  });
};
