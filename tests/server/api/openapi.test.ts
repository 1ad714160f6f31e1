// The API describes itself: /docs/json passes Redocly's recommended OpenAPI lint with no errors; every operation has
// a summary, an operationId, its security and a success response, a role route its 401 and 403; and every GET in the
// description, called on a store with data in it, answers with a body the description's schema accepts.
import { Ajv, type ValidateFunction } from 'ajv';
import { createConfig, lintFromString } from '@redocly/openapi-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminHeaders, authHeaders, startApp, type TestApp } from '../../helpers/app';

interface Operation {
  summary?: string; operationId?: string; security?: unknown[];
  parameters?: { name: string; in: string }[];
  responses: Record<string, { content?: Record<string, { schema: object }> }>;
}
interface OpenApi { paths: Record<string, Record<string, Operation>> }

let t: TestApp;
let doc: OpenApi;
let rawDoc: string;
let open311Id = '';
beforeAll(async () => {
  t = await startApp();
  rawDoc = (await t.app.inject({ url: '/docs/json' })).body;
  doc = JSON.parse(rawDoc) as OpenApi;
  await seed();
});
afterAll(async () => { await t.close(); });

const at = (minutesAgo: number) => new Date(t.clock.now() - minutesAgo * 60_000).toISOString();

/** Something of every kind, so every GET has items to describe. */
async function seed(): Promise<void> {
  const s = t.app.sitroom;
  s.ingest.appeals([{ id: 'ap-1', channel: 'portal', category: 'roads', lon: 55.96, lat: 54.74, receivedAt: at(30), text: 'x' }], 'test');
  s.ingest.incidents([{ id: 'inc-1', type: 'fire', severity: 'moderate', lon: 55.95, lat: 54.73, title: 'Пожар', reportedAt: at(20),
    area: { type: 'Polygon', coordinates: [[[55.9, 54.7], [55.95, 54.7], [55.95, 54.75], [55.9, 54.7]]] } }], 'test');
  s.ingest.positions([{ vehicle: 'amb-1', at: at(1), lon: 55.97, lat: 54.72, speedKmh: 40, heading: 90, status: 'en_route' }], 'test');
  s.ingest.containers([{ id: 'site-1', lon: 55.98, lat: 54.71, operator: 'central', fill: 55, at: at(10) }], 'test');
  const posted = await t.app.inject({ method: 'POST', url: '/open311/v2/requests.json', headers: { 'content-type': 'application/json' },
    payload: { api_key: authHeaders().authorization.slice(7), service_code: 'roads', lat: 54.74, long: 55.96, description: 'яма' } });
  open311Id = (posted.json() as { service_request_id: string }[])[0]!.service_request_id;
  await t.app.inject({ method: 'POST', url: '/api/pairing' });
}

const EXAMPLES: Record<string, string> = { wall: 'main', layer: 'municipalities', id: 'overview', format: 'json' };
/** a path of the description with example values in its parameters (null: one this test cannot fill) */
function concrete(path: string): string | null {
  if (path.startsWith('/open311/v2/requests/')) return `/open311/v2/requests/${open311Id}.json`;
  if (path === '/api/cards/{kind}/{id}') return '/api/cards/incident/inc-1';
  if (path === '/api/sites/near') return '/api/sites/near?lon=55.98&lat=54.71';
  const featureIds: Record<string, string> = { incidents: 'inc-1', 'incident-areas': 'inc-1', vehicles: 'amb-1', 'container-sites': 'site-1', appeals: 'ap-1', municipalities: 'ufa' };
  const ogc = /^\/ogc\/collections\/([^/]+)\/items\/\{featureId\}$/.exec(path);
  if (ogc) return `/ogc/collections/${ogc[1]}/items/${encodeURIComponent(featureIds[ogc[1]!]!)}`;
  const filled = path.replace(/\{(\w+)\}/g, (_m, name: string) => EXAMPLES[name] ?? `{${name}}`);
  return filled.includes('{') ? null : filled;
}

function validator(): (schema: object) => ValidateFunction {
  const ajv = new Ajv({ strict: false, allErrors: true });
  ajv.addFormat('date-time', /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/);
  return (schema) => ajv.compile(schema);
}

describe('the API description', () => {
  it('passes the OpenAPI lint (Redocly, recommended rules) with no errors', async () => {
    const problems = await lintFromString({ source: rawDoc, absoluteRef: 'sitroom-openapi.json', config: await createConfig({ extends: ['recommended'] }) });
    const errors = problems.filter((p) => p.severity === 'error').map((p) => `${p.ruleId}: ${p.message} at ${p.location[0]?.pointer}`);
    expect(errors).toEqual([]);
  });

  it('gives every operation a summary, an operationId, its security and a success response; role routes 401 and 403', () => {
    const missing: string[] = [];
    const role = new Set(['/api/vehicles', '/api/incidents', '/api/containers', '/api/appeals', '/api/walls', '/api/admin/users', '/ogc/collections/vehicles/items']);
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        const name = `${method.toUpperCase()} ${path}`;
        if (!op.summary) missing.push(`${name}: summary`);
        if (!op.operationId) missing.push(`${name}: operationId`);
        if (!Array.isArray(op.security)) missing.push(`${name}: security`);
        if (!Object.keys(op.responses).some((c) => c.startsWith('2'))) missing.push(`${name}: a 2xx response`);
        if (role.has(path) && method === 'get' && !(op.responses['401'] && op.responses['403'])) missing.push(`${name}: 401 and 403`);
        if (role.has(path) && method === 'get' && !(op.security ?? []).length) missing.push(`${name}: bearer security`);
      }
    }
    expect(missing).toEqual([]);
    expect(doc.paths['/ngsi-ld/v1/entityOperations/upsert']!['post']!.responses).toHaveProperty('207');
    expect(Object.keys(doc.paths['/v2/op/update']!['post']!.responses)).not.toContain('200');
  });

  it('answers every GET with a body its declared schema accepts', async () => {
    const compile = validator();
    const checked: string[] = [], failures: string[] = [];
    for (const [path, ops] of Object.entries(doc.paths)) {
      const op = ops['get'];
      const url = op && concrete(path);
      if (!op || !url) continue;
      const res = await t.app.inject({ url, headers: adminHeaders() });
      const declared = op.responses[String(res.statusCode)];
      const type = String(res.headers['content-type'] ?? '').split(';')[0]!;
      const schema = declared?.content?.[type]?.schema ?? declared?.content?.['application/json']?.schema;
      if (!declared) { failures.push(`${url}: answered ${res.statusCode}, which is not declared`); continue; }
      if (!schema) { if (res.body.length) failures.push(`${url}: ${res.statusCode} ${type} has a body but no declared schema`); continue; }
      if (type.endsWith('xml') || type.startsWith('text/')) continue;
      const validate = compile(schema);
      if (!validate(res.json())) failures.push(`${url}: ${JSON.stringify(validate.errors?.slice(0, 3))}`);
      checked.push(url);
    }
    expect(failures).toEqual([]);
    // the routes this issue found undeclared are among those checked
    for (const url of ['/api/summary', '/api/vehicles', '/api/incidents', '/api/containers', '/api/reference', '/api/geo/municipalities',
      '/open311/v2/requests.json', '/ogc/collections/vehicles/items', '/api/cards/incident/inc-1']) expect(checked).toContain(url);
    expect(checked.length).toBeGreaterThan(40);
  });
});
