// The documents of OGC API – Features: landing page, conformance, collection metadata, a page of items with its
// paging links, and each collection's JSON Schema (OGC API – Features Part 5 style: what GDAL reads for field types).
import type { Field, OgcCollection, Page } from './collection';
import type { ItemsQuery } from './query';

const CONFORMANCE = ['core', 'geojson', 'oas30'].map((c) => `http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/${c}`);
const CRS84 = 'http://www.opengis.net/def/crs/OGC/1.3/CRS84';
const GEOJSON = 'application/geo+json';
/** the republic's bounds with a margin: the spatial extent of every collection */
const EXTENT = [53.0, 51.5, 60.2, 56.6];

export const landing = (base: string) => ({
  title: 'Sitroom', description: 'The live layers of the situation room: incidents, ambulance teams, container sites, appeals, municipal areas',
  links: [
    { href: base, rel: 'self', type: 'application/json', title: 'this document' },
    { href: base.replace(/\/ogc$/, '/docs/json'), rel: 'service-desc', type: 'application/vnd.oai.openapi+json;version=3.0', title: 'the API definition' },
    { href: base.replace(/\/ogc$/, '/docs'), rel: 'service-doc', type: 'text/html', title: 'the API documentation' },
    { href: `${base}/conformance`, rel: 'conformance', type: 'application/json', title: 'conformance classes' },
    { href: `${base}/collections`, rel: 'data', type: 'application/json', title: 'collections' },
  ],
});

export const conformance = () => ({ conformsTo: CONFORMANCE });

export function collectionInfo(base: string, c: OgcCollection) {
  const self = `${base}/collections/${c.id}`;
  return {
    id: c.id, title: c.title, description: c.description, itemType: 'feature', crs: [CRS84], storageCrs: CRS84,
    extent: { spatial: { bbox: [EXTENT], crs: CRS84 }, ...(c.temporal ? { temporal: { interval: [[null, null]], trs: 'http://www.opengis.net/def/uom/ISO-8601/0/Gregorian' } } : {}) },
    links: [
      { href: self, rel: 'self', type: 'application/json', title: c.title },
      { href: `${self}/items`, rel: 'items', type: GEOJSON, title: `${c.title} (GeoJSON)` },
      { href: `${self}/schema`, rel: 'describedby', type: 'application/schema+json', title: 'the type of every property' },
    ],
  };
}

const SCHEMA_TYPES: Record<Field['type'], Record<string, unknown>> = {
  string: { type: 'string' }, integer: { type: 'integer' }, number: { type: 'number' }, 'date-time': { type: 'string', format: 'date-time' },
};

/** A GeoJSON Feature's schema with each property's type (the shape GDAL's OAPIF driver reads for field types). */
export function schemaOf(base: string, c: OgcCollection) {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema', $id: `${base}/collections/${c.id}/schema`, title: c.title,
    type: 'object', required: ['type', 'geometry', 'properties'],
    properties: {
      type: { type: 'string', enum: ['Feature'] },
      id: { type: 'string' },
      geometry: { type: 'object', title: c.geometry, properties: { type: { type: 'string', enum: [c.geometry] } } },
      properties: { type: 'object', properties: Object.fromEntries(Object.entries(c.fields).map(([name, f]) =>
        [name, { ...SCHEMA_TYPES[f.type], description: f.description }])) },
    },
  };
}

export function featureCollection(base: string, c: OgcCollection, q: ItemsQuery, page: Page, query: Record<string, string>) {
  const items = `${base}/collections/${c.id}/items`;
  const link = (params: Record<string, string | number>) => {
    const all = { ...query, ...params };
    delete (all as Record<string, unknown>)[('cursor' in params) ? 'offset' : 'cursor'];
    return `${items}?${new URLSearchParams(Object.entries(all).map(([k, v]) => [k, String(v)])).toString()}`;
  };
  return {
    type: 'FeatureCollection', timeStamp: new Date().toISOString(), numberReturned: page.features.length,
    ...(page.matched !== null ? { numberMatched: page.matched } : {}), features: page.features,
    links: [
      { href: link({}), rel: 'self', type: GEOJSON, title: 'this page' },
      { href: `${base}/collections/${c.id}`, rel: 'collection', type: 'application/json', title: c.title },
      ...(page.next ? [{ href: link({ limit: q.limit, ...page.next }), rel: 'next', type: GEOJSON, title: 'the next page' }] : []),
    ],
  };
}
