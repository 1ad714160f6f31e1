// FIWARE context-broker interfaces for waste containers, key in Authorization: Bearer (a broker's subscription can
// send it through httpCustom headers / receiverInfo):
//   POST /v2/op/update                        NGSI-v2 batch update {actionType, entities}   → 204 (all or nothing)
//   POST /ngsi-ld/v1/entityOperations/upsert  NGSI-LD batch upsert [entities]              → 201 [created ids] | 204 |
//                                             207 {success, errors} (the good entities are kept)
//   POST /ngsi/notify                         a broker's notification {subscriptionId, data} → 204 | 207 (the same)
// Every answer that is not a success is in the API's own error shape: NGSI-v2 {error, description}; NGSI-LD (and
// notifications) problem details {type, title, detail, status}, including 401, 404, 413, 415 and 429.
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { ProducerKeys } from '../../access/producer-keys';
import { RATE_LIMITED, requireProducer } from '../../access/guard';
import { FiwareRefused } from './entities';
import type { WasteReceiver } from './apply';
import { batchResult, errorBody, errorReply, safeJson } from './answers';
import { LD_UPSERT_DOCS, NOTIFY_DOCS, V2_UPDATE_DOCS } from './docs';

export interface FiwareRoutesOptions { waste: WasteReceiver; keys: ProducerKeys; bodyLimit: number }

const tags = ['standards'];
const security = [{ bearer: [] }];
const JSON_TYPES = /^application\/(ld\+)?json(\s*;|$)/i;

export const fiwareRoutes: FastifyPluginAsync<FiwareRoutesOptions> = async (app, o) => {
  requireProducer(app, o.keys);
  // NGSI-LD bodies come as application/ld+json
  app.addContentTypeParser('application/ld+json', { parseAs: 'string', bodyLimit: o.bodyLimit }, (_req, body, done) => {
    try { done(null, JSON.parse(body as string)); } catch (e) {
      done(Object.assign(new Error(`body: not valid JSON (${(e as Error).message})`), { statusCode: 400 }), undefined);
    }
  });
  const ld = (url: string) => !url.startsWith('/v2/');
  // a body NGSI does not define is refused before it is read
  app.addHook('preParsing', async (req, reply) => {
    const type = req.headers['content-type'];
    if (req.method === 'POST' && !(typeof type === 'string' && JSON_TYPES.test(type))) {
      return errorReply(reply, ld(req.url), 415, `content-type: ${type ?? 'none'} is not accepted; send application/json or application/ld+json`);
    }
  });
  // errors before a handler runs (unreadable JSON, a body over the limit) in the API's own shape too
  app.setErrorHandler((error: { statusCode?: number; message: string }, req, reply) => {
    const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
    if (status === 500) req.log.error(error);
    const detail = status === 500 ? 'internal error; see the server log' : error.message.startsWith('body') ? error.message : `body: ${error.message}`;
    return errorReply(reply, ld(req.url), status, detail);
  });
  // what the shared guards answer (401 without a key, 429 over the rate) in the API's own shape
  app.addHook('onSend', async (req, reply, payload) => {
    if (reply.statusCode < 400 || typeof payload !== 'string' || /problem\+json/.test(String(reply.getHeader('content-type')))) return payload;
    const body = safeJson(payload);
    if (!body || typeof body['message'] !== 'string' || 'description' in body) return payload;
    const shaped = errorBody(ld(req.url), reply.statusCode, body['message']);
    reply.type(ld(req.url) ? 'application/problem+json' : 'application/json; charset=utf-8');
    return JSON.stringify(shaped);
  });
  // the rest of each API's paths (a broker probing GET /ngsi-ld/v1/entities) answer 404 in its shape, not the wall's
  // (a route of its own: the wall's static files already take every other GET)
  const elsewhere = (api: string, offered: string) => (req: FastifyRequest, reply: FastifyReply) =>
    errorReply(reply, api === 'ld', 404, `${req.method} ${req.url.split('?')[0]}: not offered here; this server takes ${offered}`);
  app.all('/ngsi-ld/*', { schema: { hide: true } }, elsewhere('ld', 'POST /ngsi-ld/v1/entityOperations/upsert and POST /ngsi/notify'));
  app.all('/v2/*', { schema: { hide: true } }, elsewhere('v2', 'POST /v2/op/update and POST /ngsi/notify'));

  function run(reply: FastifyReply, isLd: boolean, fn: () => unknown) {
    try { return fn(); } catch (e) {
      if (e instanceof FiwareRefused) return errorReply(reply, isLd, 400, e.message);
      throw e;
    }
  }
  const source = (name: string, api: string) => `fiware-${api}:${name}`;

  app.post('/v2/op/update', {
    bodyLimit: o.bodyLimit, config: { ...RATE_LIMITED, openapi: V2_UPDATE_DOCS },
    schema: { tags, security, summary: 'NGSI-v2 batch update of WasteContainer, WasteContainerIsle, WasteContainerModel entities',
      description: 'actionType append, append_strict, update or replace (all upsert here); entities in keyValues or normalized form.' },
  }, async (req, reply) => run(reply, false, () => {
    const body = req.body as { actionType?: unknown; entities?: unknown } | null;
    if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new FiwareRefused('body', 'expected {actionType, entities}');
    if (!['append', 'append_strict', 'update', 'replace'].includes(String(body.actionType))) {
      throw new FiwareRefused('actionType', `"${String(body.actionType)}" is not supported; use append, append_strict, update or replace`);
    }
    if (!Array.isArray(body.entities) || !body.entities.length) throw new FiwareRefused('entities', 'expected a non-empty array');
    o.waste.apply(body.entities, source(req.producer!.name, 'v2'));
    return reply.code(204).send();
  }));

  app.post('/ngsi-ld/v1/entityOperations/upsert', {
    bodyLimit: o.bodyLimit, config: { ...RATE_LIMITED, openapi: LD_UPSERT_DOCS },
    schema: { tags, security, summary: 'NGSI-LD batch upsert of waste entities (normalized or concise, with @context)' },
  }, async (req, reply) => run(reply, true, () => {
    if (!Array.isArray(req.body) || !req.body.length) throw new FiwareRefused('body', 'expected a non-empty array of entities');
    const out = o.waste.applyEach(req.body, source(req.producer!.name, 'ld'), 'body');
    if (out.errors.length) return reply.code(207).send(batchResult(out));
    return out.created.length ? reply.code(201).send(out.created) : reply.code(204).send();
  }));

  app.post('/ngsi/notify', {
    bodyLimit: o.bodyLimit, config: { ...RATE_LIMITED, openapi: NOTIFY_DOCS },
    schema: { tags, security, summary: "A context broker's notification (NGSI-v2 or NGSI-LD) carrying waste entities" },
  }, async (req, reply) => {
    const body = req.body as { data?: unknown; subscriptionId?: unknown; type?: unknown } | null;
    const isLd = typeof body === 'object' && body !== null && body.type === 'Notification';
    return run(reply, isLd, () => {
      if (typeof body !== 'object' || body === null || !Array.isArray(body.data)) throw new FiwareRefused('data', 'expected {subscriptionId, data: [entities]}');
      if (typeof body.subscriptionId !== 'string') throw new FiwareRefused('subscriptionId', 'required (a string)');
      if (!body.data.length) return reply.code(204).send();
      // one bad sensor must not hold the broker's other entities back: they are kept, and the answer says which failed
      const out = o.waste.applyEach(body.data, source(req.producer!.name, `notify:${body.subscriptionId.slice(0, 80)}`), 'data');
      return out.errors.length ? reply.code(207).send(batchResult(out)) : reply.code(204).send();
    });
  });
};
