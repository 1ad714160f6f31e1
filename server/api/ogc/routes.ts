// OGC API – Features (Part 1: Core, GeoJSON, OpenAPI 3.0) at /ogc, so QGIS, ArcGIS and GDAL open the live layers as
// layers with no download step. Each collection asks for the role its /api twin asks for (the shared role guard);
// the collection list shows a caller only what it may read. Field types are published per collection as a JSON
// Schema (rel "describedby"), so a tool never guesses a column's type from the first page.
import type { FastifyContextConfig, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Role } from '../../protocol/walls';
import type { OgcCollection } from './collection';
import { OgcQueryError, parseItemsQuery } from './query';
import { GEOJSON_TYPE as GEOJSON, geoJsonText } from '../geojson';
import { collectionInfo, conformance, featureCollection, landing, schemaOf } from './documents';

export interface OgcOptions { collections: OgcCollection[]; mayRead: (req: FastifyRequest, role: Role | null) => boolean }

const realFields = (c: OgcCollection) => new Set(Object.entries(c.fields).filter(([, f]) => f.type === 'number').map(([name]) => name));
const tags = ['ogc'];

/** where this server is, as the client reached it: links are absolute, as GIS clients expect */
export const baseUrl = (req: FastifyRequest): string => `${req.protocol}://${req.headers.host ?? 'localhost'}/ogc`;

function invalid(reply: FastifyReply, e: OgcQueryError) {
  return reply.code(400).send({ code: 'InvalidParameterValue', description: e.message, field: `querystring/${e.field}` });
}

export async function ogcRoutes(app: FastifyInstance, o: OgcOptions): Promise<void> {
  app.get('/ogc', { schema: { tags, summary: 'OGC API – Features landing page' } }, async (req) => landing(baseUrl(req)));
  app.get('/ogc/conformance', { schema: { tags, summary: 'The conformance classes this API implements' } }, async () => conformance());
  app.get('/ogc/collections', { schema: { tags, summary: 'The collections this caller may read' } }, async (req) => {
    const base = baseUrl(req);
    return { links: [{ href: `${base}/collections`, rel: 'self', type: 'application/json', title: 'collections' }],
      collections: o.collections.filter((c) => o.mayRead(req, c.role)).map((c) => collectionInfo(base, c)) };
  });
  for (const c of o.collections) collectionRoutes(app, c);
  app.get('/ogc/collections/:id', { schema: { hide: true } }, async (req, reply) =>
    reply.code(404).send({ code: 'NotFound', description: `no collection "${(req.params as { id: string }).id}"; GET /ogc/collections lists them` }));
}

function collectionRoutes(app: FastifyInstance, c: OgcCollection): void {
  const config: FastifyContextConfig = c.role ? { role: c.role } : {};
  const path = `/ogc/collections/${c.id}`;
  app.get(path, { config, schema: { tags, summary: `${c.title}: the collection` } }, async (req) => collectionInfo(baseUrl(req), c));
  app.get(`${path}/schema`, { config, schema: { tags, summary: `${c.title}: the type of every property (JSON Schema)` } },
    async (req, reply) => reply.type('application/schema+json').send(schemaOf(baseUrl(req), c)));
  app.get(`${path}/items`, { config, schema: { tags, summary: `${c.title}: features (limit, offset, bbox, datetime)` } }, async (req, reply) => {
    try {
      const q = parseItemsQuery(req.query as Record<string, string | undefined>);
      return reply.type(GEOJSON).send(geoJsonText(featureCollection(baseUrl(req), c, q, c.items(q), req.query as Record<string, string>), realFields(c)));
    } catch (e) {
      if (e instanceof OgcQueryError) return invalid(reply, e);
      throw e;
    }
  });
  app.get(`${path}/items/:featureId`, { config, schema: { tags, summary: `${c.title}: one feature` } }, async (req, reply) => {
    const id = (req.params as { featureId: string }).featureId;
    const feature = c.item(id);
    if (!feature) return reply.code(404).send({ code: 'NotFound', description: `no feature "${id.slice(0, 100)}" in ${c.id}` });
    const base = baseUrl(req);
    return reply.type(GEOJSON).send(geoJsonText({ ...feature, links: [
      { href: `${base}/collections/${c.id}/items/${encodeURIComponent(id)}`, rel: 'self', type: GEOJSON },
      { href: `${base}/collections/${c.id}`, rel: 'collection', type: 'application/json' }] }, realFields(c)));
  });
}
