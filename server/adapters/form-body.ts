// Form-urlencoded bodies as plain objects, for the adapters whose standards post forms (Open311, OsmAnd).
// Registered inside an adapter's plugin, so the rest of the API keeps taking JSON only.
import type { FastifyInstance } from 'fastify';

export function acceptFormBodies(app: FastifyInstance, bodyLimit: number): void {
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit },
    (_req, body, done) => done(null, Object.fromEntries(new URLSearchParams(body as string))));
}
