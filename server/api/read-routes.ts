// Read endpoints for any GIS or script: health, indicators, GeoJSON of vehicles, incidents and container sites,
// paged appeals, reference data and the geodata in use.
import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Store } from '../store';
import type { Hub } from '../hub/hub';
import type { Reference } from '../reference/load';
import type { Summary } from '../protocol/summary';
import { CONTAINER_STATUSES, VEHICLE_STATUSES } from '../protocol/views';
import { incidentView } from '../hub/views';
import { parseTime, HOUR } from '../domain/time';
import { GEOJSON_TYPE, geoJsonText } from './geojson';
import { ContainersDoc, IncidentsDoc, OutsideItem, ReferenceDoc, VehiclesDoc } from './read-docs';
import { GeoLayerDoc } from './openapi/shapes';
import { ErrorReply } from '../ingest/schemas';
import { Summary as SummarySchema } from '../protocol/summary';
import type { FastifyReply } from 'fastify';
import { PlaceFilterError, PlaceQuery, sitePlace, teamPlace } from './place-filters';
import type { Moments } from '../history/moments';
import { AtQuery, pastMoment } from '../history/at-param';
import { incidentAt } from '../history/moment';

export interface ReadRoutesOptions {
  store: Store;
  hub: Hub;
  reference: Reference;
  now: () => number;
  summary: () => Summary;
  startedAt: number;
  /** the live gateway's counters on this server */
  live: () => { clients: number; droppedStalled: number };
  /** the simulator's refused items (null without a simulator on this server) */
  simulator: () => { refused: number; last: { at: number; kind: string; reason: string } | null } | null;
  /** the wall at past moments (`at`) */
  moments: Moments;
  /** this server's place in a cluster (SITROOM_REDIS_URL), absent on a single server */
  cluster?: () => { id: string; role: 'primary' | 'follower'; redis: boolean } | null;
}

const point = (lon: number, lat: number) => ({ type: 'Point' as const, coordinates: [lon, lat] });
const collection = (features: unknown[], extra: Record<string, unknown> = {}) => ({ type: 'FeatureCollection', ...extra, features });
/** a GeoJSON answer: application/geo+json, the named properties always real-valued (see geojson.ts) */
const geo = (reply: FastifyReply, realFields: string[], doc: unknown) => reply.type(GEOJSON_TYPE).send(geoJsonText(doc, new Set(realFields)));
const csv = (v: string | undefined) => (v ? v.split(',').map((s) => s.trim()).filter(Boolean) : null);
const badRequest = (reply: FastifyReply, field: string, message: string) =>
  reply.code(400).send({ statusCode: 400, error: 'Bad Request', field: `querystring/${field}`, message });
/** the filter, or a 400 naming the bad parameter */
function placeOr<T>(reply: FastifyReply, make: () => T): T | null {
  try { return make(); } catch (e) {
    if (!(e instanceof PlaceFilterError)) throw e;
    void badRequest(reply, e.field, e.message);
    return null;
  }
}

export const readRoutes: FastifyPluginAsyncTypebox<ReadRoutesOptions> = async (app, o) => {
  app.get('/healthz', { schema: { tags: ['read'], summary: 'Whether this server runs, its counts, run, live clients and cluster place', response: { 200: Type.Object({
    status: Type.Literal('ok'), time: Type.Number(), uptimeSeconds: Type.Number(),
    counts: Type.Object({ appeals: Type.Integer(), incidents: Type.Integer(), vehicles: Type.Integer(), sites: Type.Integer() }),
    cluster: Type.Optional(Type.Object({ id: Type.String(), role: Type.Union([Type.Literal('primary'), Type.Literal('follower')]),
      redis: Type.Boolean({ description: 'Redis is reachable now' }) })),
    run: Type.String({ description: 'this server run (the primary\'s in a cluster): live sequence numbers count within it' }),
    live: Type.Object({ clients: Type.Integer({ description: 'live sockets on this server' }),
      droppedStalled: Type.Integer({ description: 'clients dropped since start because they stopped reading' }) }),
    simulator: Type.Optional(Type.Object({
      refused: Type.Integer({ description: 'items of the simulator the pipeline refused since start (skipped; the server goes on)' }),
      last: Type.Union([Type.Null(), Type.Object({ at: Type.Number(), kind: Type.String(), reason: Type.String() })]) })),
  }) } } }, async () => {
    const node = o.cluster?.();
    return { status: 'ok' as const, time: o.now(), uptimeSeconds: Math.round((Date.now() - o.startedAt) / 1000), counts: o.hub.counts(),
      ...(node ? { cluster: node } : {}), run: o.hub.run(), live: o.live(), ...(o.simulator() ? { simulator: o.simulator()! } : {}) };
  });

  // the indicators change about once a second and are read by every screen and poller: serialised and encoded to
  // bytes once per change, so a request only writes them
  let summaryOf: Summary | null = null;
  let summaryBytes = Buffer.alloc(0);
  app.get('/api/summary', { config: { role: 'screen', openapi: { response: { 200: SummarySchema } } },
    schema: { tags: ['read'], summary: 'Every figure of the wall, each with its definition and what it is compared with; with at, as it stood then',
      querystring: Type.Object(AtQuery) } }, (req, reply) => {
    const m = pastMoment(reply, o.moments, req.query.at, o.now());
    if (m === undefined) return reply;
    if (m) return reply.type('application/json; charset=utf-8').send(JSON.stringify(m.summary));
    const s = o.summary();
    if (s !== summaryOf) { summaryOf = s; summaryBytes = Buffer.from(JSON.stringify(s)); }
    reply.type('application/json; charset=utf-8').send(summaryBytes);
  });

  app.get('/api/vehicles', { config: { role: 'operator', openapi: { response: { 200: VehiclesDoc } } },
    schema: { tags: ['read'], summary: 'The fleet: a point per team with a position, filtered by status and place', querystring: Type.Object({
      status: Type.Optional(Type.String({ description: `comma-separated: ${VEHICLE_STATUSES.join(', ')}` })), ...PlaceQuery, ...AtQuery }) } }, async (req, reply) => {
    const statuses = csv(req.query.status);
    const badStatus = statuses?.find((s) => !(VEHICLE_STATUSES as readonly string[]).includes(s));
    if (badStatus) return badRequest(reply, 'status', `status: unknown "${badStatus.slice(0, 60)}"`);
    const place = placeOr(reply, () => teamPlace(req.query, o.reference));
    if (!place) return reply;
    const m = pastMoment(reply, o.moments, req.query.at, o.now());
    if (m === undefined) return reply;
    // at a past moment a team was last heard from at its fix (reports without a position are not kept)
    const heard = m ? new Map<string, number>() : o.store.fleet.heardTimes();
    const iso = (t: number | null | undefined) => (t ? new Date(t).toISOString() : null);
    const teams = (m?.hub ?? o.hub).vehicles().filter((v) => v.lon !== null && v.lat !== null && place(v) && (!statuses || (v.status !== null && statuses.includes(v.status))));
    return geo(reply, ['speedKmh', 'heading'], collection(teams.map((v) => ({
      type: 'Feature', id: v.id, geometry: point(v.lon!, v.lat!),
      properties: { id: v.id, callsign: v.callsign, substation: v.substation, status: v.status, speedKmh: v.speedKmh,
        heading: v.heading, fixAt: iso(v.fixAt), heardAt: iso(heard.get(v.id) ?? v.fixAt) },
    })), { time: m?.at ?? o.now() }));
  });

  app.get('/api/incidents', { config: { role: 'operator', openapi: { response: { 200: IncidentsDoc } } },
    schema: { tags: ['read'], summary: 'Active incidents and those resolved in the last 24 hours', querystring: Type.Object({
    since: Type.Optional(Type.String({ description: 'reported since (ISO-8601 or epoch); default: active and last 24 h' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 5000, default: 1000 })),
    geometry: Type.Optional(Type.Union([Type.Literal('mixed'), Type.Literal('point'), Type.Literal('area')], {
      default: 'mixed', description: 'mixed: an area where there is one, else the point; point: every incident at its point; area: only incidents with an area (one geometry type per layer, as a Shapefile needs)' })),
    ...AtQuery,
  }) } }, async (req, reply) => {
    const since = req.query.since === undefined ? 0 : parseTime(req.query.since);
    if (since === null) return reply.code(400).send({ statusCode: 400, error: 'Bad Request', message: 'since: unreadable time', field: 'querystring/since' });
    const shape = req.query.geometry ?? 'mixed';
    const m = pastMoment(reply, o.moments, req.query.at, o.now());
    if (m === undefined) return reply;
    const known = m ? o.store.incidents.knownAt(m.at, m.at - 24 * HOUR).map((i) => incidentAt(i, m.at)).filter((i) => i.reportedAt >= since)
      .sort((a, b) => b.reportedAt - a.reportedAt).slice(0, req.query.limit ?? 1000)
      : o.store.incidents.list(o.now() - 24 * HOUR, since, req.query.limit ?? 1000);
    const rows = known.filter((i) => shape !== 'area' || i.area);
    return geo(reply, [], collection(rows.map((i) => {
      const view = incidentView(i);
      return { type: 'Feature', id: i.id, geometry: shape === 'point' ? point(i.lon, i.lat) : i.area ?? point(i.lon, i.lat),
        properties: { ...view, area: undefined, reportedAt: new Date(i.reportedAt).toISOString(),
          resolvedAt: i.resolvedAt && new Date(i.resolvedAt).toISOString() } };
    }), { time: m?.at ?? o.now() }));
  });

  app.get('/api/containers', { config: { role: 'operator', openapi: { response: { 200: ContainersDoc } } },
    schema: { tags: ['read'], summary: 'Container sites, filtered by status, operator and place', querystring: Type.Object({
    status: Type.Optional(Type.String({ description: `comma-separated: ${CONTAINER_STATUSES.join(', ')}` })),
    operator: Type.Optional(Type.String({ description: 'comma-separated operator ids' })),
    ...PlaceQuery,
    ...AtQuery,
  }) } }, async (req, reply) => {
    const statuses = csv(req.query.status);
    const operators = csv(req.query.operator);
    const badStatus = statuses?.find((s) => !(CONTAINER_STATUSES as readonly string[]).includes(s));
    if (badStatus) return badRequest(reply, 'status', `status: unknown "${badStatus.slice(0, 60)}"`);
    const badOp = operators?.find((op) => !o.reference.operators.some((x) => x.id === op));
    if (badOp) return badRequest(reply, 'operator', `operator: unknown "${badOp.slice(0, 60)}"`);
    const place = placeOr(reply, () => sitePlace(req.query, o.reference));
    if (!place) return reply;
    const m = pastMoment(reply, o.moments, req.query.at, o.now());
    if (m === undefined) return reply;
    const sites = (m?.hub ?? o.hub).sites().filter((s) => (!statuses || statuses.includes(s.status)) && (!operators || operators.includes(s.operator)) && place(s));
    return geo(reply, ['fill'], collection(sites.map((s) => ({
      type: 'Feature', id: s.id, geometry: point(s.lon, s.lat),
      properties: { id: s.id, operator: s.operator, municipality: s.municipality, containers: s.containers, fill: s.fill,
        status: s.status, servicedAt: s.servicedAt && new Date(s.servicedAt).toISOString() },
    })), { time: m?.at ?? o.now() }));
  });

  app.get('/api/outside-region', { config: { role: 'operator', openapi: { response: { 200: Type.Array(OutsideItem) } } }, schema: { tags: ['read'], summary: 'Items placed outside the republic (SITROOM_OUT_OF_REGION=flag), newest first',
    querystring: Type.Object({
      hours: Type.Optional(Type.Integer({ minimum: 1, maximum: 24 * 400, default: 24 })),
      limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 100 })),
    }) } }, async (req) => {
    const { hours = 24, limit = 100 } = req.query;
    // as the live topics: no names, contacts or free text of residents leave the store this way
    const PERSONAL = new Set(['author', 'contact', 'text', 'address']);
    return o.store.outsideRegion.recent(o.now() - hours * 3600_000, limit).map((r) => ({
      kind: r.kind, id: r.id, lon: r.lon, lat: r.lat, receivedAt: r.received_at, source: r.source, region: 'outside',
      item: Object.fromEntries(Object.entries(JSON.parse(r.item) as Record<string, unknown>).filter(([k]) => !PERSONAL.has(k))),
    }));
  });

  app.get('/api/reference', { config: { openapi: { response: { 200: ReferenceDoc } } },
    schema: { tags: ['read'], summary: 'The reference data in use: municipalities, channels, categories, operators, substations, incident types, geodata' } }, async () => ({
    municipalities: o.reference.municipalities, channels: o.reference.channels, categories: o.reference.categories,
    operators: o.reference.operators.map(({ sim: _sim, ...op }) => op), substations: o.reference.substations,
    incidentTypes: o.reference.incidentTypes,
    geo: { approximate: o.reference.geo.approximate, attribution: o.reference.geo.attribution,
      layers: Object.entries(o.reference.geo.layers).filter(([, l]) => l !== null).map(([name]) => name) },
  }));

  app.get('/api/geo/:layer', { config: { openapi: { response: { 200: GeoLayerDoc, 404: { ...ErrorReply, description: 'the geodata in use has no such layer' } } } },
    schema: { tags: ['read'], summary: 'A layer of the geodata in use (GeoJSON)', params: Type.Object({
    layer: Type.Union(['republic', 'municipalities', 'neighbours', 'settlements', 'roads', 'water'].map((l) => Type.Literal(l))),
  }) } }, async (req, reply) => {
    const layer = o.reference.geo.layers[req.params.layer as keyof Reference['geo']['layers']];
    if (!layer) return reply.code(404).send({ statusCode: 404, error: 'Not Found', message: `no ${req.params.layer} layer in the geodata in use` });
    return reply.header('cache-control', 'public, max-age=3600').type(GEOJSON_TYPE).send(JSON.stringify(layer));
  });
};
