// The wall's single page under the paths a screen, the console and the pairing page are opened at.
// A wall page may be framed by the origins of SITROOM_FRAME_ANCESTORS; the console, the desk and the pairing page never.
import type { FastifyPluginAsync } from 'fastify';
import { helmetOptions } from '../app/parts/headers';

export const screenPages: FastifyPluginAsync<{ index: string; frameAncestors: readonly string[] }> = async (app, o) => {
  const pages: [string, readonly string[]][] = [['/wall/:wall', o.frameAncestors], ['/wall/:wall/:screen', o.frameAncestors], ['/console', []], ['/desk', []], ['/pair', []]];
  for (const [url, ancestors] of pages) {
    app.get(url, { schema: { hide: true }, helmet: helmetOptions(ancestors) }, async (_req, reply) =>
      reply.header('cache-control', 'no-cache').sendFile('index.html'));
  }
};
