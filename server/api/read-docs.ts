// What the read routes (read-routes.ts) answer, declared for /docs and checked against real answers by
// tests/server/api/openapi.test.ts.
import { Type } from '@sinclair/typebox';
import { APPEAL_STATUSES, CONTAINER_STATUSES, INCIDENT_SEVERITIES, INCIDENT_STATUSES, VEHICLE_STATUSES } from '../protocol/views';
import { MultiPolygonGeometry, Nullable, PointGeometry, PolygonGeometry, featureCollection } from './openapi/shapes';

const oneOf = (values: readonly string[]) => Type.Union(values.map((v) => Type.Literal(v)));
const Iso = (description: string) => Type.String({ format: 'date-time', description });
const IsoOrNull = (description: string) => Nullable(Iso(description));

export const VehiclesDoc = featureCollection(PointGeometry, {
  id: Type.String(), callsign: Type.String(), substation: Nullable(Type.String()), status: Nullable(oneOf(VEHICLE_STATUSES)),
  speedKmh: Nullable(Type.Number({ description: 'km/h, always written with a decimal point' })),
  heading: Nullable(Type.Number({ description: 'degrees clockwise from north' })),
  fixAt: IsoOrNull('when the position was taken'), heardAt: IsoOrNull('when the vehicle was last heard from (a fix or a report without a position)'),
}, 'the fleet (application/geo+json)');

export const IncidentsDoc = featureCollection(Type.Union([PointGeometry, PolygonGeometry, MultiPolygonGeometry]), {
  id: Type.String(), type: Type.String(), severity: oneOf(INCIDENT_SEVERITIES), status: oneOf(INCIDENT_STATUSES), municipality: Type.String(),
  lon: Type.Number(), lat: Type.Number(), title: Type.String(), reportedAt: Iso('reported'), resolvedAt: IsoOrNull('resolved; null while active'),
}, 'incidents (application/geo+json): areas as polygons unless geometry=point');

export const ContainersDoc = featureCollection(PointGeometry, {
  id: Type.String(), operator: Type.String(), municipality: Type.String(), containers: Type.Integer(),
  fill: Type.Number({ description: 'the fullest container, percent' }), status: oneOf(CONTAINER_STATUSES), servicedAt: IsoOrNull('last emptied'),
}, 'container sites (application/geo+json)');

const AppealItem = Type.Object({
  id: Type.String(), channel: Type.String(), category: Type.String(), municipality: Type.String(),
  lon: Nullable(Type.Number({ description: 'rounded to ~100 m' })), lat: Nullable(Type.Number()), status: oneOf(APPEAL_STATUSES),
  receivedAt: Type.Number(), dueAt: Type.Number(), answeredAt: Nullable(Type.Number()), closedAt: Nullable(Type.Number()),
  source: Type.String(), inWorkAt: Nullable(Type.Number()),
});
export const AppealsPage = Type.Object({ total: Type.Integer({ description: 'appeals the filters match in all (every page)' }), items: Type.Array(AppealItem),
  next: Nullable(Type.String({ description: 'the cursor of the next page' })) });

export const OutsideItem = Type.Object({
  kind: Type.String(), id: Type.String(), lon: Type.Number(), lat: Type.Number(), receivedAt: Type.Number(), source: Type.String(),
  region: Type.Literal('outside'), item: Type.Record(Type.String(), Type.Unknown({ description: 'the item as sent, without names, contacts or text' })),
});

const Entry = Type.Object({ id: Type.String() }, { additionalProperties: true });
export const ReferenceDoc = Type.Object({
  municipalities: Type.Array(Entry), channels: Type.Array(Entry), categories: Type.Array(Entry), operators: Type.Array(Entry),
  substations: Type.Array(Entry), incidentTypes: Type.Array(Entry),
  geo: Type.Object({ approximate: Type.Boolean(), attribution: Type.String(), layers: Type.Array(Type.String()) }),
});
