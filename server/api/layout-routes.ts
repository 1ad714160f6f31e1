// The wall layouts (data/layouts/*.json, checked at start): the list and each layout by id.
import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Layout, LayoutList } from '../protocol/layout';

export interface LayoutRoutesOptions { layouts: Map<string, Layout>; defaultId: string }

export const layoutRoutes: FastifyPluginAsyncTypebox<LayoutRoutesOptions> = async (app, o) => {
  app.get('/api/layouts', {}, async (): Promise<LayoutList> => ({
    default: o.defaultId,
    layouts: [...o.layouts.values()].map(({ id, name_ru, name_en }) => ({ id, name_ru, name_en })),
  }));
  app.get('/api/layouts/:id', { schema: { params: Type.Object({ id: Type.String({ maxLength: 64 }) }) } }, async (req, reply) => {
    const layout = o.layouts.get(req.params.id);
    if (!layout) {
      return reply.code(404).send({ statusCode: 404, error: 'Not Found', field: 'params/id',
        message: `id: no layout "${req.params.id}"; known: ${[...o.layouts.keys()].join(', ')}` });
    }
    return layout;
  });
};
