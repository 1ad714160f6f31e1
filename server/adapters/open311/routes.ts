// Open311 GeoReport v2 (http://wiki.open311.org/GeoReport_v2) under /open311/v2: discovery, services, and service
// requests as appeals. Every answer comes in the format the path asks for (.json or .xml); errors are the spec's
// list of {code, description} with 400, 403 or 404. POST takes form fields (as the spec says) or JSON, and api_key.
import { Type } from '@sinclair/typebox';
import { DISCOVERY_DOCS, Format as FormatParam, LIST_QUERY, LIST_REQUESTS_DOCS, ONE_REQUEST_DOCS, POST_REQUEST_DOCS, SERVICES_DOCS } from './docs';
import { randomBytes } from 'node:crypto';
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import type { Ingest } from '../../ingest/pipeline';
import { IngestError } from '../../ingest/errors';
import type { ProducerKeys } from '../../access/producer-keys';
import { sha256 } from '../../access/secrets';
import { RATE_LIMITED } from '../../access/guard';
import { acceptFormBodies } from '../form-body';
import type { Store } from '../../store';
import type { Reference } from '../../reference/load';
import { DAY, offsetAt, parseTime, TIME_RANGE } from '../../domain/time';
import { errorsXml, escapeXml, isoWithOffset, toXml, type Flat, type Format, type Open311Error } from './format';
import type { AppealRecord } from '../../domain/records';
import { appealToRequest, Open311Failure, requestToAppeal } from './requests';
import { createPublicIds } from './public-ids';

export interface Open311Options {
  ingest: Ingest; store: Store; reference: Reference; keys: ProducerKeys;
  timezone: string; now: () => number; channel: string;
  /** SITROOM_OPEN311_PUBLIC: what GET requests publishes (no key needed, as the spec has it) */
  publicList: 'open311' | 'all' | 'off';
}

/** appeals that came in through this Open311 endpoint */
const OPEN311_SOURCE = 'open311:';

const MAX_REQUESTS = 1000;
const DEFAULT_SPAN = 90 * DAY;

const tags = ['standards'];

export const open311Routes: FastifyPluginAsync<Open311Options> = async (app, o) => {
  if (!o.reference.channelById.has(o.channel)) {
    throw new Error(`SITROOM_OPEN311_CHANNEL: unknown channel "${o.channel}"; known: ${o.reference.channels.map((c) => c.id).join(', ')}`);
  }
  // form-urlencoded bodies, as the spec's POST uses (only inside this plugin)
  acceptFormBodies(app, 256 * 1024);

  // what fails before a handler runs (unreadable JSON or form, a body over the limit) in the spec's error format too
  app.setErrorHandler((error: { statusCode?: number; message: string }, req, reply) => {
    const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
    if (status === 500) req.log.error(error);
    const description = status === 500 ? 'internal error; see the server log' : `body: ${error.message}`;
    return fail(reply, req.url.split('?')[0]!.endsWith('.xml') ? 'xml' : 'json', status, [{ code: status, description }]);
  });

  const date = (t: number) => isoWithOffset(t, offsetAt(t, o.timezone));
  const formatOf = (raw: string): Format | null => (raw === 'json' || raw === 'xml' ? raw : null);

  function fail(reply: FastifyReply, format: Format, status: number, errors: Open311Error[]) {
    return format === 'xml' ? reply.code(status).type('application/xml; charset=utf-8').send(errorsXml(errors))
      : reply.code(status).send(errors);
  }
  function answer(reply: FastifyReply, format: Format, root: string, item: string, items: Flat[], nested?: Record<string, (v: unknown) => string>) {
    return format === 'xml' ? reply.type('application/xml; charset=utf-8').send(toXml(root, item, items, nested)) : reply.send(items);
  }
  /** Runs a handler for a path's format; an unknown format is a 404, a refusal the spec's error list. */
  function withFormat(raw: string, reply: FastifyReply, run: (f: Format) => unknown) {
    const format = formatOf(raw);
    if (!format) return fail(reply, 'json', 404, [{ code: 404, description: `format: "${raw}" is not served; use .json or .xml` }]);
    try { return run(format); } catch (e) {
      if (e instanceof Open311Failure) return fail(reply, format, e.status, [{ code: e.code, description: e.message }]);
      if (e instanceof IngestError) {
        const field = e.field.replace(/^appeals\/\d+\//, '').replace(/^lon$/, 'long');
        return fail(reply, format, 400, [{ code: 400, description: `${field}: ${e.message.replace(/^[^:]+: /, '')}` }]);
      }
      throw e;
    }
  }

  app.get<{ Params: { format: string } }>('/discovery.:format', { config: { openapi: DISCOVERY_DOCS }, schema: { tags, params: FormatParam } }, async (req, reply) => withFormat(req.params.format, reply, (f) => {
    const url = `${req.protocol}://${req.host}/open311/v2/`;
    const discovery = { changeset: '2026-11-23T00:00:00Z', contact: 'the situation centre duty officer', key_service: 'an ingest key from the administrator',
      endpoints: [{ specification: 'http://wiki.open311.org/GeoReport_v2', url, changeset: '2026-11-23T00:00:00Z', type: 'production', formats: ['application/json', 'text/xml'] }] };
    if (f === 'json') return reply.send(discovery);
    const ep = discovery.endpoints[0]!;
    return reply.type('application/xml; charset=utf-8').send(`<?xml version="1.0" encoding="utf-8"?><discovery><changeset>${discovery.changeset}</changeset>` +
      `<contact>${discovery.contact}</contact><key_service>${discovery.key_service}</key_service><endpoints><endpoint>` +
      `<specification>${ep.specification}</specification><url>${escapeXml(url)}</url><changeset>${ep.changeset}</changeset><type>${ep.type}</type>` +
      `<formats>${ep.formats.map((x) => `<format>${x}</format>`).join('')}</formats></endpoint></endpoints></discovery>`);
  }));

  app.get<{ Params: { format: string } }>('/services.:format', { config: { openapi: SERVICES_DOCS }, schema: { tags, params: FormatParam } }, async (req, reply) => withFormat(req.params.format, reply, (f) =>
    answer(reply, f, 'services', 'service', o.reference.categories.map((c) => ({
      service_code: c.id, service_name: c.name_ru, description: c.name_en, metadata: false, type: 'realtime',
      keywords: [c.id.replace(/_/g, ' ')], group: 'appeals',
    })), { keywords: (v) => `<keywords>${(v as string[]).join(',')}</keywords>` })));

  app.post<{ Params: { format: string } }>('/requests.:format', { config: { ...RATE_LIMITED, openapi: POST_REQUEST_DOCS }, schema: { tags, params: FormatParam } }, async (req, reply) => withFormat(req.params.format, reply, (f) => {
    const body = (req.body && typeof req.body === 'object' ? req.body : null) as Record<string, unknown> | null;
    if (!body) throw new Open311Failure(400, 400, 'body: expected form fields or a JSON object');
    const producer = o.keys.verify(typeof body['api_key'] === 'string' ? body['api_key'] : undefined);
    if (!producer) throw new Open311Failure(403, 403, 'api_key: missing, unknown or revoked');
    // a retried POST with the same Idempotency-Key gets the same request id (and updates it) instead of a duplicate
    const retryKey = req.headers['idempotency-key'];
    const newId = typeof retryKey === 'string' && retryKey.trim()
      ? () => `o311-${sha256(`${producer.id}\n${retryKey.trim()}`).slice(0, 20)}`
      : () => `o311-${Date.now().toString(36)}-${randomBytes(4).toString('hex')}`;
    const appeal = requestToAppeal(body, { reference: o.reference, channel: o.channel, now: o.now(), newId });
    o.ingest.appeals([appeal], `${OPEN311_SOURCE}${producer.name}`);
    const account = typeof body['account_id'] === 'string' ? body['account_id'] : null;
    return answer(reply, f, 'service_requests', 'request', [{ service_request_id: appeal.id, service_notice: null, account_id: account }]);
  }));

  // what a city would publish: by default only what residents sent through Open311, under ids that say nothing of them
  const ids = createPublicIds(o.store.metrics);
  const fromOpen311 = (a: { source: string }) => a.source.startsWith(OPEN311_SOURCE);
  const published = (a: { source: string }) => o.publicList === 'all' || fromOpen311(a);
  const shownId = (a: AppealRecord) => (fromOpen311(a) ? a.id : ids.hide(a.id));
  const asRequest = (a: AppealRecord) => appealToRequest(a, o.reference, date, shownId(a));
  /** the appeal behind a shown id: an Open311 id as is, another channel's only through its hidden form */
  function lookup(shown: string): AppealRecord | null {
    const hidden = ids.reveal(shown);
    const a = o.store.appeals.get(hidden ?? shown);
    if (!a || !published(a) || (hidden === null) !== fromOpen311(a)) return null;
    return a;
  }
  const open = () => {
    if (o.publicList === 'off') throw new Open311Failure(403, 403, 'service requests are not published here (SITROOM_OPEN311_PUBLIC=off)');
  };

  app.get<{ Params: { format: string }; Querystring: Record<string, string | undefined> }>('/requests.:format', { config: { openapi: LIST_REQUESTS_DOCS }, schema: { tags, params: FormatParam, querystring: LIST_QUERY } }, async (req, reply) =>
    withFormat(req.params.format, reply, (f) => {
      open();
      const q = req.query;
      const time = (field: 'start_date' | 'end_date') => {
        if (q[field] === undefined) return null;
        const t = parseTime(q[field]);
        if (t === null) throw new Open311Failure(400, 400, `${field}: expected a w3 date-time with a time zone, ${TIME_RANGE}`);
        return t;
      };
      const start = time('start_date'), end = time('end_date') ?? o.now();
      const status = q['status'];
      if (status !== undefined && !['open', 'closed'].includes(status)) throw new Open311Failure(400, 400, 'status: expected open or closed');
      const code = q['service_code'];
      if (code !== undefined && !o.reference.categoryById.has(code)) throw new Open311Failure(400, 404, `service_code: unknown service "${code}"`);
      const wanted = q['service_request_id']?.split(',').map((s) => s.trim()).filter(Boolean);
      const page = q['page'] === undefined ? 1 : Number(q['page']);
      if (!Number.isInteger(page) || page < 1 || page > 1_000_000) throw new Open311Failure(400, 400, 'page: expected a whole number from 1');
      // the window's newest first, at most 1,000 a page: the filters go into the query, so a window in the past, or
      // one with more than 1,000 requests, is answered in full page by page (before, the 1,000 newest since start_date
      // were filtered afterwards, and a past window came back empty)
      const rows = wanted ? wanted.slice(0, MAX_REQUESTS).flatMap((id) => lookup(id) ?? [])
        .filter((a) => !status || (a.status === 'closed') === (status === 'closed'))
        : o.store.appeals.list({ since: start ?? end - DEFAULT_SPAN, until: end, municipality: null, category: code ?? null,
          limit: MAX_REQUESTS, offset: (page - 1) * MAX_REQUESTS, cursor: null,
          ...(status ? { closed: status === 'closed' } : {}), ...(o.publicList === 'open311' ? { sourcePrefix: OPEN311_SOURCE } : {}) });
      return answer(reply, f, 'service_requests', 'request', rows.map(asRequest));
    }));

  app.get<{ Params: { id: string; format: string } }>('/requests/:id.:format', { config: { openapi: ONE_REQUEST_DOCS }, schema: { tags, params: Type.Composite([FormatParam, Type.Object({ id: Type.String() })]) } }, async (req, reply) => withFormat(req.params.format, reply, (f) => {
    open();
    const a = lookup(req.params.id);
    if (a) return answer(reply, f, 'service_requests', 'request', [asRequest(a)]);
    // a request placed outside the republic is kept aside (SITROOM_OUT_OF_REGION=flag) but still answered
    const aside = o.store.outsideRegion.get('appeals', ids.reveal(req.params.id) ?? req.params.id);
    const record = aside ? JSON.parse(aside.item) as AppealRecord : null;
    if (!record || !published(record) || (ids.reveal(req.params.id) === null) !== fromOpen311(record)) {
      throw new Open311Failure(404, 404, `service_request_id: no published request "${req.params.id}"`);
    }
    return answer(reply, f, 'service_requests', 'request', [{ ...asRequest(record),
      agency_responsible: null, address: null, status_notes: 'outside the region: kept, not counted in its figures' }]);
  }));
};
