// OGC API – Features (Part 1: Core, GeoJSON, OpenAPI 3.0) at /ogc, so QGIS, ArcGIS and GDAL open the live layers as
// layers with no download step. Each collection asks for the role its /api twin asks for (the shared role guard);
// the collection list shows a caller only what it may read. Field types are published per collection as a JSON
// Schema (rel "describedby"), so a tool never guesses a column's type from the first page.
import type { FastifyContextConfig, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Role } from '../../protocol/walls';
import type { OgcCollection } from './collection';
import { MAX_LIMIT, OgcQueryError, parseItemsQuery } from './query';
import { Type, type TSchema } from '@sinclair/typebox';
import { JsonSchemaDoc, MultiPolygonGeometry, OgcCollection as OgcCollectionDoc, OgcCollections, OgcConformance, OgcError, OgcLanding, PointGeometry, ogcItems } from '../openapi/shapes';
import { GEOJSON_TYPE as GEOJSON, geoJsonText } from '../geojson';
import { collectionInfo, conformance, featureCollection, landing, schemaOf } from './documents';

export interface OgcOptions { collections: OgcCollection[]; mayRead: (req: FastifyRequest, role: Role | null) => boolean }

const realFields = (c: OgcCollection) => new Set(Object.entries(c.fields).filter(([, f]) => f.type === 'number').map(([name]) => name));
const tags = ['ogc'];

/** where this server is, as the client reached it: links are absolute, as GIS clients expect */
export const baseUrl = (req: FastifyRequest): string => `${req.protocol}://${req.headers.host ?? 'localhost'}/ogc`;

const docs = (schema: TSchema) => ({ openapi: { response: { 200: schema } } });

function invalid(reply: FastifyReply, e: OgcQueryError) {
  return reply.code(400).send({ code: 'InvalidParameterValue', description: e.message, field: `querystring/${e.field}` });
}

export async function ogcRoutes(app: FastifyInstance, o: OgcOptions): Promise<void> {
  app.get('/ogc', { schema: { tags, summary: 'OGC API – Features landing page' }, config: docs(OgcLanding) }, async (req) => landing(baseUrl(req)));
  app.get('/ogc/conformance', { schema: { tags, summary: 'The conformance classes this API implements' }, config: docs(OgcConformance) }, async () => conformance());
  app.get('/ogc/collections', { schema: { tags, summary: 'The collections this caller may read' }, config: docs(OgcCollections) }, async (req) => {
    const base = baseUrl(req);
    return { links: [{ href: `${base}/collections`, rel: 'self', type: 'application/json', title: 'collections' }],
      collections: o.collections.filter((c) => o.mayRead(req, c.role)).map((c) => collectionInfo(base, c)) };
  });
  for (const c of o.collections) collectionRoutes(app, c);
  app.get('/ogc/collections/:id', { schema: { hide: true } }, async (req, reply) =>
    reply.code(404).send({ code: 'NotFound', description: `no collection "${(req.params as { id: string }).id}"; GET /ogc/collections lists them` }));
}

const QUERY = Type.Object({
  limit: Type.Optional(Type.String({ description: `features a page, 1 to ${MAX_LIMIT} (default 100)` })),
  offset: Type.Optional(Type.String({ description: 'features to skip (from a next link)' })),
  cursor: Type.Optional(Type.String({ description: 'where the next page starts (from a next link; appeals)' })),
  bbox: Type.Optional(Type.String({ description: 'minLon,minLat,maxLon,maxLat (WGS 84)' })),
  datetime: Type.Optional(Type.String({ description: 'an RFC 3339 instant or start/end, either end may be ..' })),
});
const FIELD_TYPES = { string: () => Type.String(), integer: () => Type.Integer(), number: () => Type.Number(), 'date-time': () => Type.String({ format: 'date-time' }) };

function collectionRoutes(app: FastifyInstance, c: OgcCollection): void {
  const role: FastifyContextConfig = c.role ? { role: c.role } : {};
  const items = ogcItems(c.geometry === 'Point' ? PointGeometry : MultiPolygonGeometry,
    Object.fromEntries(Object.entries(c.fields).map(([name, f]) => [name, Type.Union([FIELD_TYPES[f.type](), Type.Null()], { description: f.description })])));
  const notFound = { 404: { ...OgcError, description: 'no such feature' } };
  const path = `/ogc/collections/${c.id}`;
  app.get(path, { config: { ...role, ...docs(OgcCollectionDoc) }, schema: { tags, summary: `${c.title}: the collection` } }, async (req) => collectionInfo(baseUrl(req), c));
  app.get(`${path}/schema`, { config: { ...role, openapi: { response: { 200: { description: 'the JSON Schema', content: { 'application/schema+json': { schema: JsonSchemaDoc } } } } } },
    schema: { tags, summary: `${c.title}: the type of every property (JSON Schema)` } },
    async (req, reply) => reply.type('application/schema+json').send(schemaOf(baseUrl(req), c)));
  app.get(`${path}/items`, { config: { ...role, openapi: { response: { 200: items.page, 400: { ...OgcError, description: 'a bad parameter, named in field' } } } },
    schema: { tags, summary: `${c.title}: features (limit, offset, bbox, datetime)`, querystring: QUERY } }, async (req, reply) => {
    try {
      const q = parseItemsQuery(req.query as Record<string, string | undefined>);
      return reply.type(GEOJSON).send(geoJsonText(featureCollection(baseUrl(req), c, q, c.items(q), req.query as Record<string, string>), realFields(c)));
    } catch (e) {
      if (e instanceof OgcQueryError) return invalid(reply, e);
      throw e;
    }
  });
  app.get(`${path}/items/:featureId`, { config: { ...role, openapi: { response: { 200: items.one, ...notFound } } },
    schema: { tags, summary: `${c.title}: one feature`, params: Type.Object({ featureId: Type.String() }) } }, async (req, reply) => {
    const id = (req.params as { featureId: string }).featureId;
    const feature = c.item(id);
    if (!feature) return reply.code(404).send({ code: 'NotFound', description: `no feature "${id.slice(0, 100)}" in ${c.id}` });
    const base = baseUrl(req);
    return reply.type(GEOJSON).send(geoJsonText({ ...feature, links: [
      { href: `${base}/collections/${c.id}/items/${encodeURIComponent(id)}`, rel: 'self', type: GEOJSON },
      { href: `${base}/collections/${c.id}`, rel: 'collection', type: 'application/json' }] }, realFields(c)));
  });
}
