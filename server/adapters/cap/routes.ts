// OASIS CAP 1.2 in: POST /cap with one <alert> (application/cap+xml or any XML type), key in Authorization: Bearer.
// Out: the alerts kept (GET /api/cap/alerts) and the polled feeds' health (GET /api/cap/feeds).
import type { FastifyPluginAsync } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { ProducerKeys } from '../../access/producer-keys';
import { RATE_LIMITED, requireProducer } from '../../access/guard';
import type { Store } from '../../store';
import { ErrorReply } from '../../ingest/schemas';
import { XmlRefused } from '../xml/parse';
import { CapRefused, type CapAlert } from './alert';
import type { CapReceiver } from './receive';
import type { CapFeeds } from './feeds';

export interface CapRoutesOptions { cap: CapReceiver; feeds: CapFeeds; keys: ProducerKeys; store: Store }

/** A CAP alert is a few kilobytes; even one with detailed polygons stays far below this. */
const CAP_BODY_LIMIT = 2 * 1024 * 1024;
const XML_TYPES = ['application/cap+xml', 'application/xml', 'text/xml', 'application/atom+xml'];

const Outcome = Type.Object({
  identifier: Type.String(), sender: Type.String(), status: Type.String(), msgType: Type.String(),
  incident: Type.Union([Type.String(), Type.Null()], { description: 'the wall incident it created, changed or resolved' }),
  action: Type.String({ description: 'created, updated, resolved or kept (not shown: a test, an ack, an unknown reference)' }),
  note: Type.Optional(Type.String()),
});

export const capRoutes: FastifyPluginAsync<CapRoutesOptions> = async (app, o) => {
  await app.register(async (ingest) => {
    requireProducer(ingest, o.keys);
    ingest.addContentTypeParser(XML_TYPES, { parseAs: 'buffer', bodyLimit: CAP_BODY_LIMIT }, (_req, body, done) => done(null, body));
    ingest.post('/cap', {
      bodyLimit: CAP_BODY_LIMIT,
      config: RATE_LIMITED,
      schema: {
        tags: ['ingest'], security: [{ bearer: [] }],
        summary: 'Receive one OASIS CAP 1.2 alert (Alert, Update or Cancel) as XML',
        description: 'Content-Type application/cap+xml, application/xml or text/xml; any declared encoding; no DTD.',
        response: { 200: Outcome, 400: ErrorReply, 401: ErrorReply, 413: ErrorReply, 415: ErrorReply },
      },
    }, async (req, reply) => {
      if (!Buffer.isBuffer(req.body)) {
        return reply.code(415).send({ statusCode: 415, error: 'Unsupported Media Type', field: 'content-type',
          message: `content-type: send the alert as ${XML_TYPES.slice(0, 3).join(', ')}` });
      }
      try {
        return o.cap.receive(req.body, `cap:${req.producer!.name}`);
      } catch (e) {
        if (e instanceof XmlRefused || e instanceof CapRefused) {
          return reply.code(400).send({ statusCode: 400, error: 'Bad Request', message: e.message, field: e.field });
        }
        throw e;
      }
    });
  });

  app.get('/api/cap/alerts', { config: { role: 'operator', openapi: { response: { 200: Type.Array(Type.Object({
    sender: Type.String(), identifier: Type.String(), sent: Type.String(), status: Type.String(), msgType: Type.String(),
    incident: Type.Union([Type.String(), Type.Null()], { description: 'the incident it made or updated' }), receivedAt: Type.Number(), source: Type.String(),
    infos: Type.Array(Type.Record(Type.String(), Type.Unknown()), { description: 'every <info> block as read' }) })) } } },
    schema: { tags: ['read'], summary: 'CAP alerts received, newest first, with every <info> block',
      querystring: Type.Object({ limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 100 })) }) },
  }, async (req) => {
    const { limit = 100 } = req.query as { limit?: number };
    return o.store.capAlerts.recent(limit).map((r) => ({
      sender: r.sender, identifier: r.identifier, sent: r.sent, status: r.status, msgType: r.msg_type, incident: r.incident,
      receivedAt: r.received_at, source: r.source, infos: (JSON.parse(r.alert) as CapAlert).infos,
    }));
  });

  app.get('/api/cap/feeds', { config: { role: 'operator', openapi: { response: { 200: Type.Array(Type.Object({ url: Type.String(),
    lastPollAt: Type.Union([Type.Number(), Type.Null()]), ok: Type.Union([Type.Boolean(), Type.Null()]), error: Type.Union([Type.String(), Type.Null()]),
    entries: Type.Integer(), applied: Type.Integer() })) } } },
    schema: { tags: ['read'], summary: 'The polled CAP feeds (SITROOM_CAP_FEEDS) and how their last poll went' },
  }, async () => o.feeds.status());
};
