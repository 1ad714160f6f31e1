// The lists behind the figures, for the desk and any script: appeals with every filter the desk has (municipality,
// category, channel, status, a received window, overdue now), a page at a time with the total, and each list as CSV
// (appeals, incidents, container sites, ambulance teams). A list's total equals the figure it opens: the overdue
// filter is the wall's open-overdue definition. No names, contacts or text of residents (the appeal card has them).
import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';
import type { Store } from '../store';
import type { Hub } from '../hub/hub';
import type { Reference } from '../reference/load';
import { APPEAL_STATUSES, type IncidentView } from '../protocol/views';
import { appealView } from '../hub/views';
import { dayStart, parseTime } from '../domain/time';
import type { AppealListQuery } from '../store/appeals';
import { AppealsPage } from './read-docs';
import { isoCell, toCsv } from './csv';
import { decodeCursor, encodeCursor } from './appeal-cursor';
import { PlaceFilterError, PlaceQuery, sitePlace, teamPlace } from './place-filters';

export interface ListOptions { store: Store; hub: Hub; reference: Reference; now: () => number; timezone: string }

/** the most rows one CSV holds (a year of one municipality's appeals) */
export const CSV_MAX_ROWS = 100_000;

const AppealFilters = Type.Object({
  since: Type.Optional(Type.String({ description: 'received since (ISO-8601 or epoch ms)' })),
  until: Type.Optional(Type.String({ description: 'received at or before (ISO-8601 or epoch ms): with since, a window in the past' })),
  municipality: Type.Optional(Type.String()),
  category: Type.Optional(Type.String()),
  channel: Type.Optional(Type.String()),
  status: Type.Optional(Type.String({ description: APPEAL_STATUSES.join(', ') })),
  overdue: Type.Optional(Type.Boolean({ description: 'only appeals open and past their deadline now (the wall\'s open overdue)' })),
  pastCeiling: Type.Optional(Type.Boolean({ description: 'only appeals open and past their channel\'s ceiling now (the wall\'s "of which past the ceiling")' })),
  today: Type.Optional(Type.Boolean({ description: 'only appeals received since local midnight (the wall\'s "today"); instead of since' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 100 })),
  cursor: Type.Optional(Type.String({ description: 'the `next` of the previous page' })),
});
type Filters = { since?: string; until?: string; municipality?: string; category?: string; channel?: string; status?: string; overdue?: boolean; pastCeiling?: boolean; today?: boolean };

class ListError extends Error { constructor(readonly field: string, message: string) { super(`${field}: ${message}`); } }

/** The filters as the store's query; a bad one names its field. */
function appealQuery(q: Filters, o: ListOptions): Omit<AppealListQuery, 'limit' | 'cursor'> {
  const time = (field: 'since' | 'until') => {
    if (q[field] === undefined) return null;
    const t = parseTime(q[field]);
    if (t === null) throw new ListError(field, 'unreadable time (ISO-8601 or epoch ms)');
    return t;
  };
  const known = (field: 'municipality' | 'category' | 'channel', has: (id: string) => boolean) => {
    if (q[field] !== undefined && !has(q[field])) throw new ListError(field, `unknown "${q[field]!.slice(0, 60)}"`);
  };
  known('municipality', (id) => o.reference.municipalityById.has(id));
  known('category', (id) => o.reference.categoryById.has(id));
  known('channel', (id) => o.reference.channels.some((c) => c.id === id));
  if (q.status !== undefined && !(APPEAL_STATUSES as readonly string[]).includes(q.status)) throw new ListError('status', `expected one of ${APPEAL_STATUSES.join(', ')}`);
  const until = time('until');
  return { since: q.today ? dayStart(o.now(), o.timezone) : time('since'), municipality: q.municipality ?? null, category: q.category ?? null, channel: q.channel ?? null,
    status: q.status ?? null, ...(until !== null ? { until } : {}), ...(q.overdue ? { overdueAt: o.now() } : {}),
    ...(q.pastCeiling ? { pastCeilingAt: o.now() } : {}) };
}

function cursorOf(raw: string): { at: number; id: string } {
  const c = decodeCursor(raw);
  if (!c) throw new ListError('cursor', 'not a cursor from this API');
  return c;
}

const refuse = (reply: FastifyReply, e: unknown) => {
  if (!(e instanceof ListError) && !(e instanceof PlaceFilterError)) throw e;
  return reply.code(400).send({ statusCode: 400, error: 'Bad Request', field: `querystring/${e.field}`, message: e.message });
};
const csvReply = (reply: FastifyReply, name: string, text: string, rows: number) => reply
  .type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${name}.csv"`).header('x-total-count', String(rows)).send(text);
const csvDocs = (what: string) => ({ openapi: { response: { 200: { description: `${what} as CSV (UTF-8 with a byte-order mark)`,
  content: { 'text/csv': { schema: Type.String() } } } } } });

export const listRoutes: FastifyPluginAsyncTypebox<ListOptions> = async (app, o) => {
  app.get('/api/appeals', { config: { role: 'operator', openapi: { response: { 200: AppealsPage } } },
    schema: { tags: ['read'], summary: 'Appeals, newest first, a page at a time, with their total (no names, contacts or text)', querystring: AppealFilters } },
  async (req, reply) => {
    try {
      const q = appealQuery(req.query, o), limit = req.query.limit ?? 100;
      const rows = o.store.appeals.list({ ...q, limit, cursor: req.query.cursor ? cursorOf(req.query.cursor) : null });
      const last = rows[rows.length - 1];
      return { total: o.store.appeals.count(q), items: rows.map((a) => ({ ...appealView(a), source: a.source, inWorkAt: a.inWorkAt })),
        next: rows.length === limit && last ? encodeCursor(last) : null };
    } catch (e) { return refuse(reply, e); }
  });

  app.get('/api/appeals.csv', { config: { role: 'operator', ...csvDocs('appeals') },
    schema: { tags: ['read'], summary: 'The same appeals as /api/appeals (the same filters), all of them, as CSV', querystring: Type.Omit(AppealFilters, ['limit', 'cursor']) } },
  async (req, reply) => {
    try {
      const rows = o.store.appeals.list({ ...appealQuery(req.query, o), limit: CSV_MAX_ROWS, cursor: null });
      return csvReply(reply, 'appeals', toCsv(['id', 'channel', 'category', 'municipality', 'status', 'receivedAt', 'dueAt', 'answeredAt', 'closedAt', 'lon', 'lat', 'source'],
        rows.map((a) => { const v = appealView(a); return [v.id, v.channel, v.category, v.municipality, v.status, isoCell(v.receivedAt), isoCell(v.dueAt), isoCell(v.answeredAt), isoCell(v.closedAt), v.lon, v.lat, a.source]; })), rows.length);
    } catch (e) { return refuse(reply, e); }
  });

  app.get('/api/incidents.csv', { config: { role: 'operator', ...csvDocs('incidents') },
    schema: { tags: ['read'], summary: 'Active incidents and those resolved in the last 24 hours, as CSV', querystring: Type.Object({
      municipality: Type.Optional(Type.String()), status: Type.Optional(Type.Union([Type.Literal('active'), Type.Literal('resolved')])) }) } },
  async (req, reply) => {
    const items = (o.hub.snapshot('incidents') as { items: IncidentView[] }).items
      .filter((i) => (!req.query.municipality || i.municipality === req.query.municipality) && (!req.query.status || i.status === req.query.status));
    return csvReply(reply, 'incidents', toCsv(['id', 'type', 'severity', 'status', 'municipality', 'title', 'reportedAt', 'resolvedAt', 'lon', 'lat'],
      items.map((i) => [i.id, i.type, i.severity, i.status, i.municipality, i.title, isoCell(i.reportedAt), isoCell(i.resolvedAt), i.lon, i.lat])), items.length);
  });

  app.get('/api/containers.csv', { config: { role: 'operator', ...csvDocs('container sites') },
    schema: { tags: ['read'], summary: 'Container sites, as CSV (the filters of /api/containers)', querystring: Type.Object({
      status: Type.Optional(Type.String()), operator: Type.Optional(Type.String()), ...PlaceQuery }) } },
  async (req, reply) => {
    const list = (v: string | undefined) => (v ? v.split(',').map((x) => x.trim()) : null);
    const [statuses, operators] = [list(req.query.status), list(req.query.operator)];
    let place;
    try { place = sitePlace(req.query, o.reference); } catch (e) { return refuse(reply, e); }
    const sites = o.hub.sites().filter((s) => (!statuses || statuses.includes(s.status)) && (!operators || operators.includes(s.operator)) && place(s));
    return csvReply(reply, 'container-sites', toCsv(['id', 'operator', 'municipality', 'containers', 'fill', 'status', 'servicedAt', 'lon', 'lat'],
      sites.map((s) => [s.id, s.operator, s.municipality, s.containers, s.fill, s.status, isoCell(s.servicedAt), s.lon, s.lat])), sites.length);
  });

  app.get('/api/vehicles.csv', { config: { role: 'operator', ...csvDocs('ambulance teams') },
    schema: { tags: ['read'], summary: 'Ambulance teams with a position, as CSV (the filters of /api/vehicles)', querystring: Type.Object({ status: Type.Optional(Type.String()), ...PlaceQuery }) } },
  async (req, reply) => {
    const statuses = req.query.status ? req.query.status.split(',') : null;
    let place;
    try { place = teamPlace(req.query, o.reference); } catch (e) { return refuse(reply, e); }
    const teams = o.hub.vehicles().filter((v) => v.lon !== null && v.lat !== null && place(v) && (!statuses || (v.status !== null && statuses.includes(v.status))));
    return csvReply(reply, 'ambulance-teams', toCsv(['id', 'callsign', 'substation', 'status', 'speedKmh', 'heading', 'fixAt', 'lon', 'lat'],
      teams.map((v) => [v.id, v.callsign, v.substation, v.status, v.speedKmh, v.heading, isoCell(v.fixAt), v.lon, v.lat])), teams.length);
  });
};
