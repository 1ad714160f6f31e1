// What every route says of itself in /docs, beyond what its own schema holds: an operationId, its security (a role
// route: bearer; otherwise what it declares, or none), the errors the shared guards answer (400 for input checked
// against a schema, 401/403 for a role, 429 for the rate limit), and the documentation-only parts a route keeps in
// config.openapi: request bodies in a standard's own format and response bodies a route writes itself (GeoJSON text,
// XML), which must not become Fastify's validation or serialization. tests/server/api/openapi.test.ts lints the
// result and checks every GET's real answers against it.
import type { RouteOptions } from 'fastify';
import type { TSchema } from '@sinclair/typebox';
import { ErrorReply } from '../../ingest/schemas';

/** A response: a schema (JSON), or per media type, with a description. */
export type ResponseDoc = TSchema | { description: string; content?: Record<string, { schema: TSchema | Record<string, unknown> }> };
export interface RouteDocs {
  summary?: string;
  description?: string;
  /** the request body as the standard defines it (not validated by Fastify: the adapter reads it) */
  body?: { description: string; content: Record<string, { schema: TSchema | Record<string, unknown> }> };
  response?: Record<number, ResponseDoc>;
  security?: Record<string, string[]>[];
}

declare module 'fastify' {
  interface FastifyContextConfig { openapi?: RouteDocs }
}

type Schema = Record<string, unknown> & { response?: Record<string, unknown> };

/** getApiOgcCollections, postNgsiLdV1EntityOperationsUpsert: method and path, in words */
export function operationIdOf(method: string, url: string): string {
  const words = url.split(/[^A-Za-z0-9]+/).filter(Boolean);
  return method.toLowerCase() + words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join('');
}

const hasInput = (s: Schema) => s['querystring'] !== undefined || s['params'] !== undefined || s['body'] !== undefined;

function withErrors(s: Schema, route: RouteOptions): Record<string, unknown> {
  const response: Record<string, unknown> = { ...(s.response ?? {}) };
  const add = (code: number, description: string) => { response[code] ??= { ...ErrorReply, description }; };
  if (hasInput(s)) add(400, 'a parameter or the body is not what this route takes; `field` names it');
  if (route.config?.role) {
    add(401, 'no valid token: sign in (POST /api/auth/login) and send Authorization: Bearer <token>');
    add(403, `the caller's role is below ${route.config.role}`);
  }
  if (route.config && 'rateLimit' in route.config) add(429, 'over the rate limit (SITROOM_RATE_LIMIT a minute per key); retry after the retry-after header');
  return response;
}

export function describeRoute({ schema, url, route }: { schema: unknown; url: string; route: RouteOptions }): { schema: Schema; url: string } {
  const docs = route.config?.openapi;
  const s: Schema = { ...((schema ?? {}) as Schema) };
  if (docs?.summary) s['summary'] ??= docs.summary;
  if (docs?.description) s['description'] ??= docs.description;
  if (docs?.body && s['body'] === undefined) s['body'] = docs.body;
  if (docs?.response) s.response = { ...docs.response, ...(s.response ?? {}) };
  const method = Array.isArray(route.method) ? route.method[0]! : route.method;
  s['operationId'] ??= operationIdOf(method, url);
  s['security'] ??= docs?.security ?? (route.config?.role ? [{ bearer: [] }] : []);
  s.response = withErrors(s, route);
  return { schema: s, url };
}
