// Sitroom's live layers as OGC API – Features collections. The same data and the same roles as the HTTP API (/api/…):
// incidents as points and their areas as a layer of their own, the fleet, container sites, appeals' points (rounded
// to ~100 m, as on the wall) and the municipal areas in use. Every property has one type, whatever its value.
import type { Store } from '../../store';
import type { Hub } from '../../hub/hub';
import type { Reference } from '../../reference/load';
import type { IncidentRecord } from '../../domain/records';
import { appealView } from '../../hub/views';
import { decodeCursor, encodeCursor } from '../appeal-cursor';
import { inBbox, inTime, type ItemsQuery } from './query';
import { iso, multiPolygon, pageOf, point, polygonMeets, type Field, type OgcCollection, type OgcFeature } from './collection';

export interface CollectionDeps { store: Store; hub: Hub; reference: Reference; now: () => number }

const f = (type: Field['type'], description: string): Field => ({ type, description });
const INCIDENT_FIELDS = {
  id: f('string', 'the producer\'s id'), type: f('string', 'incident type id (GET /api/reference)'),
  severity: f('string', 'minor, moderate, severe or extreme'), status: f('string', 'active or resolved'),
  municipality: f('string', 'municipality id'), title: f('string', 'short title'),
  reportedAt: f('date-time', 'when it was reported'), resolvedAt: f('date-time', 'when it was resolved; null while active'),
};

function incidentFeature(i: IncidentRecord, geometry: OgcFeature['geometry']): OgcFeature {
  return { type: 'Feature', id: i.id, geometry, properties: { id: i.id, type: i.type, severity: i.severity, status: i.status,
    municipality: i.municipality, title: i.title, reportedAt: iso(i.reportedAt), resolvedAt: iso(i.resolvedAt) } };
}

/** Every incident kept, newest first, as points or (areas) as MultiPolygons. */
function incidents(d: CollectionDeps, areas: boolean): OgcCollection {
  const kept = () => d.store.incidents.live(0).reverse().filter((i) => !areas || i.area !== null);
  const feature = (i: IncidentRecord) => incidentFeature(i, areas ? multiPolygon(i.area) : point(i.lon, i.lat));
  return {
    id: areas ? 'incident-areas' : 'incidents', role: 'operator', geometry: areas ? 'MultiPolygon' : 'Point',
    title: areas ? 'Incident areas' : 'Incidents',
    description: areas ? 'The areas incidents cover (a flood, a power cut), whole as stored; bbox tests the area\'s bounds'
      : 'Incidents kept in the store, newest first, each at its point; datetime meets [reportedAt, resolvedAt]',
    temporal: 'reportedAt to resolvedAt', fields: INCIDENT_FIELDS,
    items: (q) => pageOf(kept().filter((i) => inTime(q.datetime, i.reportedAt, i.resolvedAt))
      .map(feature).filter((x) => (areas ? polygonMeets(q.bbox, x.geometry) : inBbox(q.bbox, ...(x.geometry!.coordinates as [number, number])))), q),
    item: (id) => { const i = d.store.incidents.get(id); return i && (!areas || i.area) ? feature(i) : null; },
  };
}

function vehicles(d: CollectionDeps): OgcCollection {
  const feature = (v: ReturnType<Hub['vehicles']>[number]): OgcFeature => ({ type: 'Feature', id: v.id, geometry: point(v.lon!, v.lat!),
    properties: { id: v.id, callsign: v.callsign, substation: v.substation, status: v.status, speedKmh: v.speedKmh, heading: v.heading, fixAt: iso(v.fixAt) } });
  const fixed = () => d.hub.vehicles().filter((v) => v.lon !== null && v.lat !== null);
  return {
    id: 'vehicles', title: 'Ambulance teams', description: 'Every team with a position, at its latest fix; datetime filters on fixAt',
    role: 'operator', geometry: 'Point', temporal: 'fixAt',
    fields: { id: f('string', 'vehicle id'), callsign: f('string', 'callsign'), substation: f('string', 'substation id'),
      status: f('string', 'free, en_route, on_scene, to_hospital, returning or off_duty'), speedKmh: f('number', 'km/h; null: unknown'),
      heading: f('number', 'degrees clockwise from north; null: unknown'), fixAt: f('date-time', 'when the position was taken') },
    items: (q) => pageOf(fixed().filter((v) => inBbox(q.bbox, v.lon!, v.lat!) && inTime(q.datetime, v.fixAt)).map(feature), q),
    item: (id) => { const v = fixed().find((x) => x.id === id); return v ? feature(v) : null; },
  };
}

function containerSites(d: CollectionDeps): OgcCollection {
  const feature = (s: ReturnType<Hub['sites']>[number]): OgcFeature => ({ type: 'Feature', id: s.id, geometry: point(s.lon, s.lat),
    properties: { id: s.id, operator: s.operator, municipality: s.municipality, containers: s.containers, fill: s.fill, status: s.status, servicedAt: iso(s.servicedAt) } });
  return {
    id: 'container-sites', title: 'Container sites', description: 'Waste container sites of the regional operators; datetime filters on servicedAt',
    role: 'operator', geometry: 'Point', temporal: 'servicedAt',
    fields: { id: f('string', 'site id'), operator: f('string', 'operator id'), municipality: f('string', 'municipality id'),
      containers: f('integer', 'containers at the site'), fill: f('number', 'fullest container, percent'),
      status: f('string', 'ok, full, overflowing, damaged, …'), servicedAt: f('date-time', 'last emptied; null: never') },
    items: (q) => pageOf(d.hub.sites().filter((s) => inBbox(q.bbox, s.lon, s.lat) && inTime(q.datetime, s.servicedAt)).map(feature), q),
    item: (id) => { const s = d.hub.sites().find((x) => x.id === id); return s ? feature(s) : null; },
  };
}

export function buildCollections(d: CollectionDeps): OgcCollection[] {
  return [incidents(d, false), incidents(d, true), vehicles(d), containerSites(d), appeals(d), municipalities(d)];
}

function appeals(d: CollectionDeps): OgcCollection {
  const feature = (a: ReturnType<typeof appealView>): OgcFeature => ({ type: 'Feature', id: a.id, geometry: point(a.lon!, a.lat!),
    properties: { id: a.id, channel: a.channel, category: a.category, municipality: a.municipality, status: a.status,
      receivedAt: iso(a.receivedAt), dueAt: iso(a.dueAt), answeredAt: iso(a.answeredAt), closedAt: iso(a.closedAt) } });
  return {
    id: 'appeals', title: 'Appeals (points)', description: 'Residents\' appeals with a place, newest first, rounded to ~100 m as on the wall; no names, contacts or text; datetime filters on receivedAt',
    role: 'operator', geometry: 'Point', temporal: 'receivedAt',
    fields: { id: f('string', 'appeal id'), channel: f('string', 'channel id'), category: f('string', 'category id'),
      municipality: f('string', 'municipality id'), status: f('string', 'received, in_work, answered or closed'),
      receivedAt: f('date-time', 'received'), dueAt: f('date-time', 'answer due'), answeredAt: f('date-time', 'answered; null: not yet'),
      closedAt: f('date-time', 'closed; null: not yet') },
    items: (q) => appealPage(d, q, feature),
    item: (id) => { const a = d.store.appeals.get(id); const v = a && appealView(a); return v && v.lon !== null ? feature(v) : null; },
  };
}

/** Appeals are many: read page by page from the store with a cursor (received time and id of the last one read). */
function appealPage(d: CollectionDeps, q: ItemsQuery, feature: (a: ReturnType<typeof appealView>) => OgcFeature) {
  const cursor = q.cursor ? decodeCursor(q.cursor) : null;
  const rows = d.store.appeals.list({ since: q.datetime?.from ?? null, ...(q.datetime?.to != null ? { until: q.datetime.to } : {}),
    municipality: null, category: null, limit: q.limit, cursor });
  const last = rows[rows.length - 1];
  const features = rows.map(appealView).filter((a) => a.lon !== null && a.lat !== null && inBbox(q.bbox, a.lon, a.lat)).map(feature);
  return { features, matched: null, next: rows.length === q.limit && last ? { cursor: encodeCursor(last) } : null };
}

function municipalities(d: CollectionDeps): OgcCollection {
  // the reference data does not change while the server runs: its features are built once, when first asked for
  let built: OgcFeature[] | null = null;
  const all = (): OgcFeature[] => (built ??= d.reference.geo.layers.municipalities.features.map((m) => ({ type: 'Feature', id: String(m.properties['id']),
    geometry: multiPolygon(m.geometry), properties: { id: String(m.properties['id']), name_ru: String(m.properties['name_ru'] ?? ''),
      name_en: String(m.properties['name_en'] ?? ''), kind: String(m.properties['kind'] ?? ''),
      population: typeof m.properties['population'] === 'number' ? Math.round(m.properties['population']) : null } })));
  return {
    id: 'municipalities', title: 'Municipal areas', description: 'The 63 municipal districts and city districts in use (GET /api/reference tells their source)',
    role: null, geometry: 'MultiPolygon', temporal: null,
    fields: { id: f('string', 'municipality id'), name_ru: f('string', 'name in Russian'), name_en: f('string', 'name in English'),
      kind: f('string', 'city or district'), population: f('integer', 'residents') },
    items: (q) => pageOf(all().filter((m) => polygonMeets(q.bbox, m.geometry)), q),
    item: (id) => all().find((m) => m.id === id) ?? null,
  };
}
