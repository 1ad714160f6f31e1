// JSON schemas of the native ingest API (POST /api/ingest/<kind>). Fastify validates bodies against them, so a bad
// field is refused with a 400 naming it before anything is stored; the pipeline then checks what a schema cannot
// (known ids, points inside the republic, consistent lifecycles).
import { Type, type Static, type TLiteral } from '@sinclair/typebox';
import { ID_PATTERN, LIMITS } from './limits';
import { APPEAL_STATUSES, CONTAINER_STATUSES, INCIDENT_SEVERITIES, INCIDENT_STATUSES, VEHICLE_STATUSES } from '../protocol/views';

const Time = Type.Union([Type.String({ minLength: 1 }), Type.Number()], {
  description: 'ISO-8601 with a zone, epoch milliseconds or epoch seconds',
});
const Id = Type.String({ minLength: 1, maxLength: 200, pattern: ID_PATTERN, description: 'up to 200 characters, no control characters' });
const Lon = Type.Number({ minimum: -180, maximum: 180 });
const Lat = Type.Number({ minimum: -90, maximum: 90 });
const Text = (max: number) => Type.String({ maxLength: max });
const literals = <T extends string>(values: readonly T[]) => Type.Union(values.map((v) => Type.Literal(v)) as TLiteral<T>[]);
// structure only: ranges, closure and the area's total are checked by server/ingest/normalize/area.ts with clearer errors
const Ring = Type.Array(Type.Array(Type.Number(), { minItems: 2, maxItems: LIMITS.positionValues }), { minItems: 4, maxItems: LIMITS.ringVertices });
const Area = Type.Union([
  Type.Object({ type: Type.Literal('Polygon'), coordinates: Type.Array(Ring, { minItems: 1, maxItems: LIMITS.polygonRings }) }),
  Type.Object({ type: Type.Literal('MultiPolygon'), coordinates: Type.Array(Type.Array(Ring, { minItems: 1, maxItems: LIMITS.polygonRings }), { minItems: 1, maxItems: LIMITS.areaPolygons }) }),
]);

export const AppealIn = Type.Object({
  id: Id,
  channel: Type.Optional(Id),
  category: Type.Optional(Id),
  municipality: Type.Optional(Id),
  lon: Type.Optional(Lon),
  lat: Type.Optional(Lat),
  address: Type.Optional(Text(500)),
  text: Type.Optional(Text(20_000)),
  author: Type.Optional(Text(300)),
  contact: Type.Optional(Text(300)),
  status: Type.Optional(literals(APPEAL_STATUSES)),
  receivedAt: Type.Optional(Time),
  inWorkAt: Type.Optional(Time),
  answeredAt: Type.Optional(Time),
  closedAt: Type.Optional(Time),
}, { additionalProperties: false });

export const IncidentIn = Type.Object({
  id: Id,
  type: Type.Optional(Id),
  severity: Type.Optional(literals(INCIDENT_SEVERITIES)),
  status: Type.Optional(literals(INCIDENT_STATUSES)),
  municipality: Type.Optional(Id),
  lon: Type.Optional(Lon),
  lat: Type.Optional(Lat),
  area: Type.Optional(Area),
  title: Type.Optional(Text(300)),
  description: Type.Optional(Text(20_000)),
  reportedAt: Type.Optional(Time),
  resolvedAt: Type.Optional(Time),
}, { additionalProperties: false });

/** the call a team is on, as the dispatch system knows it: a team's card shows it and when the team got there */
export const TeamCallIn = Type.Object({
  id: Id,
  receivedAt: Time,
  lon: Type.Optional(Lon),
  lat: Type.Optional(Lat),
  address: Type.Optional(Text(300)),
  assignedAt: Type.Optional(Time),
  arrivedAt: Type.Optional(Time),
}, { additionalProperties: false, description: 'the call the team is on with this fix (absent when it is on none); assignedAt and arrivedAt when the dispatch system knows them, else the first fix on the call and the first on scene stand for them' });

export const PositionIn = Type.Object({
  vehicle: Id,
  at: Time,
  lon: Lon,
  lat: Lat,
  speedKmh: Type.Optional(Type.Number({ minimum: 0, maximum: 400 })),
  heading: Type.Optional(Type.Number({ minimum: 0, maximum: 360 })),
  status: Type.Optional(literals(VEHICLE_STATUSES)),
  accuracyM: Type.Optional(Type.Number({ minimum: 0 })),
  callsign: Type.Optional(Text(60)),
  substation: Type.Optional(Id),
  call: Type.Optional(TeamCallIn),
  attributes: Type.Optional(Type.Record(Type.String({ maxLength: 60 }),
    Type.Union([Type.String({ maxLength: 500 }), Type.Number(), Type.Boolean()]), { maxProperties: 50,
    description: 'anything else the device reports (battery, hdop, driver id...), kept with the position' })),
}, { additionalProperties: false });

export const ContainerIn = Type.Object({
  id: Id,
  at: Time,
  operator: Type.Optional(Id),
  municipality: Type.Optional(Id),
  lon: Type.Optional(Lon),
  lat: Type.Optional(Lat),
  containers: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
  volumeM3: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 1000 })),
  fill: Type.Optional(Type.Number({ minimum: 0, maximum: 100, description: 'percent' })),
  status: Type.Optional(literals(CONTAINER_STATUSES)),
  servicedAt: Type.Optional(Time),
}, { additionalProperties: false });

export const MetricIn = Type.Object({
  key: Type.String({ pattern: '^[a-z][a-z0-9_]*(\\.[a-z0-9_]+)*$', maxLength: 120,
    description: 'the indicator, e.g. utilities.heating_connected_share; a layout panel shows it by this key' }),
  at: Time,
  value: Type.Number(),
  unit: Type.Optional(Type.String({ maxLength: 20, description: 'a symbol shown after the value: %, °C, MW, t' })),
  title_ru: Type.Optional(Text(120)),
  title_en: Type.Optional(Text(120)),
  thresholds: Type.Optional(Type.Object({
    warn: Type.Optional(Type.Number()),
    critical: Type.Optional(Type.Number()),
    direction: Type.Optional(Type.Union([Type.Literal('above'), Type.Literal('below')],
      { description: 'above (default): values above the thresholds are bad; below: values below them are' })),
  }, { additionalProperties: false })),
  municipality: Type.Optional(Id),
  labels: Type.Optional(Type.Record(Type.String({ maxLength: 60 }), Type.String({ maxLength: 200 }), { maxProperties: LIMITS.metricLabels })),
  id: Type.Optional(Type.String({ minLength: 1, maxLength: 200, pattern: ID_PATTERN, description: 'the sample\'s own id: re-sending it is ignored (idempotent)' })),
}, { additionalProperties: false });

export type AppealIn = Static<typeof AppealIn>;
export type IncidentIn = Static<typeof IncidentIn>;
export type PositionIn = Static<typeof PositionIn>;
export type ContainerIn = Static<typeof ContainerIn>;
export type MetricIn = Static<typeof MetricIn>;

const MAX_BATCH = LIMITS.batchItems;
export const IngestBodies = {
  appeals: Type.Object({ appeals: Type.Array(AppealIn, { minItems: 1, maxItems: MAX_BATCH }) }, { additionalProperties: false }),
  incidents: Type.Object({ incidents: Type.Array(IncidentIn, { minItems: 1, maxItems: MAX_BATCH }) }, { additionalProperties: false }),
  positions: Type.Object({ positions: Type.Array(PositionIn, { minItems: 1, maxItems: MAX_BATCH }) }, { additionalProperties: false }),
  containers: Type.Object({ containers: Type.Array(ContainerIn, { minItems: 1, maxItems: LIMITS.containerBatchItems }) }, { additionalProperties: false }),
  metrics: Type.Object({ metrics: Type.Array(MetricIn, { minItems: 1, maxItems: MAX_BATCH }) }, { additionalProperties: false }),
};
export type IngestKind = keyof typeof IngestBodies;
export const INGEST_KINDS = Object.keys(IngestBodies) as IngestKind[];

export const IngestReply = Type.Object({
  accepted: Type.Integer(), created: Type.Integer(), updated: Type.Integer(), time: Type.Number(),
  outside: Type.Optional(Type.Integer({ description: 'items placed outside the republic: kept aside, listed at /api/outside-region, not counted' })),
});
export const ErrorReply = Type.Object({
  statusCode: Type.Integer(), error: Type.String(), message: Type.String(), field: Type.Optional(Type.String()),
});
