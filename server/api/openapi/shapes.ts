// Response shapes the HTTP API declares and its tests check real answers against: GeoJSON, OGC API – Features
// documents, and the shared small ones. TypeBox, as every other schema of the server.
import { Type, type TProperties, type TSchema } from '@sinclair/typebox';

export const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const Position = Type.Array(Type.Number(), { minItems: 2, maxItems: 3 });
export const PointGeometry = Type.Object({ type: Type.Literal('Point'), coordinates: Position });
export const PolygonGeometry = Type.Object({ type: Type.Literal('Polygon'), coordinates: Type.Array(Type.Array(Position)) });
export const MultiPolygonGeometry = Type.Object({ type: Type.Literal('MultiPolygon'), coordinates: Type.Array(Type.Array(Type.Array(Position))) });
/** any GeoJSON geometry (the geodata layers hold lines and polygons too) */
export const AnyGeometry = Type.Object({ type: Type.String(), coordinates: Type.Array(Type.Unknown()) });

export const GEOJSON = 'application/geo+json';

export function featureCollection(geometry: TSchema, properties: TProperties, description: string) {
  const feature = Type.Object({ type: Type.Literal('Feature'), id: Type.Optional(Type.Union([Type.String(), Type.Number()])), geometry: Nullable(geometry),
    properties: Type.Object(properties) });
  return { description, content: { [GEOJSON]: { schema: Type.Object({ type: Type.Literal('FeatureCollection'),
    time: Type.Optional(Type.Number({ description: 'server time of the answer (epoch ms)' })), features: Type.Array(feature) }) } } };
}

/** a layer of the geodata in use, as stored: any properties */
export const GeoLayerDoc = { description: 'the layer as GeoJSON', content: { [GEOJSON]: { schema: Type.Object({ type: Type.Literal('FeatureCollection'),
  features: Type.Array(Type.Object({ type: Type.Literal('Feature'), geometry: Nullable(AnyGeometry), properties: Nullable(Type.Record(Type.String(), Type.Unknown())) })) }) } } };

export const OgcLink = Type.Object({ href: Type.String(), rel: Type.String(), type: Type.Optional(Type.String()), title: Type.Optional(Type.String()) });
export const OgcError = Type.Object({ code: Type.String(), description: Type.String(), field: Type.Optional(Type.String()) });
export const OgcLanding = Type.Object({ title: Type.String(), description: Type.String(), links: Type.Array(OgcLink) });
export const OgcConformance = Type.Object({ conformsTo: Type.Array(Type.String()) });
export const OgcCollection = Type.Object({
  id: Type.String(), title: Type.String(), description: Type.String(), itemType: Type.Literal('feature'), crs: Type.Array(Type.String()), storageCrs: Type.String(),
  extent: Type.Object({ spatial: Type.Object({ bbox: Type.Array(Type.Array(Type.Number())), crs: Type.String() }),
    temporal: Type.Optional(Type.Object({ interval: Type.Array(Type.Array(Nullable(Type.String()))), trs: Type.String() })) }),
  links: Type.Array(OgcLink),
});
export const OgcCollections = Type.Object({ links: Type.Array(OgcLink), collections: Type.Array(OgcCollection) });
/** a collection's JSON Schema document */
export const JsonSchemaDoc = Type.Object({ title: Type.String(), type: Type.Literal('object'), properties: Type.Record(Type.String(), Type.Unknown()) },
  { additionalProperties: true, description: 'a JSON Schema (2020-12) document, with its $schema and $id' });

export function ogcItems(geometry: TSchema, properties: TProperties) {
  const feature = Type.Object({ type: Type.Literal('Feature'), id: Type.String(), geometry: Nullable(geometry), properties: Type.Object(properties) });
  return {
    page: { description: 'a page of features, with its next link', content: { [GEOJSON]: { schema: Type.Object({
      type: Type.Literal('FeatureCollection'), timeStamp: Type.String({ format: 'date-time' }), numberReturned: Type.Integer(),
      numberMatched: Type.Optional(Type.Integer()), features: Type.Array(feature), links: Type.Array(OgcLink) }) } } },
    one: { description: 'one feature', content: { [GEOJSON]: { schema: Type.Composite([feature, Type.Object({ links: Type.Array(OgcLink) })]) } } },
  };
}
