// The wall's single page under the paths a screen, the console and the pairing page are opened at.
import type { FastifyPluginAsync } from 'fastify';

export const screenPages: FastifyPluginAsync<{ index: string }> = async (app) => {
  for (const url of ['/wall/:wall', '/wall/:wall/:screen', '/console', '/pair']) {
    app.get(url, { schema: { hide: true } }, async (_req, reply) =>
      reply.header('cache-control', 'no-cache').sendFile('index.html'));
  }
};
