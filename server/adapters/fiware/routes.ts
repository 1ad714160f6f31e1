// FIWARE context-broker interfaces for waste containers, key in Authorization: Bearer (a broker's subscription can
// send it through httpCustom headers / receiverInfo):
//   POST /v2/op/update                        NGSI-v2 batch update {actionType, entities}         → 204
//   POST /ngsi-ld/v1/entityOperations/upsert  NGSI-LD batch upsert [entities]                    → 201 [created ids] | 204
//   POST /ngsi/notify                         a broker's notification {subscriptionId, data: []} → 204
// Errors in each API's own shape: NGSI-v2 {error, description}; NGSI-LD problem details {type, title, detail}.
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import type { ProducerKeys } from '../../access/producer-keys';
import { RATE_LIMITED, requireProducer } from '../../access/guard';
import { FiwareRefused } from './entities';
import type { WasteReceiver } from './apply';

export interface FiwareRoutesOptions { waste: WasteReceiver; keys: ProducerKeys; bodyLimit: number }

const LD_BAD_REQUEST = 'https://uri.etsi.org/ngsi-ld/errors/BadRequestData';
const tags = ['standards'];
const security = [{ bearer: [] }];

export const fiwareRoutes: FastifyPluginAsync<FiwareRoutesOptions> = async (app, o) => {
  requireProducer(app, o.keys);
  // NGSI-LD bodies come as application/ld+json
  app.addContentTypeParser('application/ld+json', { parseAs: 'string', bodyLimit: o.bodyLimit }, (_req, body, done) => {
    try { done(null, JSON.parse(body as string)); } catch (e) {
      done(Object.assign(new Error(`body: not valid JSON (${(e as Error).message})`), { statusCode: 400 }), undefined);
    }
  });
  // errors before a handler runs (unreadable JSON, a body over the limit) in the API's own shape too
  app.setErrorHandler((error: { statusCode?: number; message: string }, req, reply) => {
    const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
    if (status === 500) req.log.error(error);
    const detail = status === 500 ? 'internal error; see the server log' : error.message.startsWith('body') ? error.message : `body: ${error.message}`;
    return req.url.startsWith('/ngsi-ld/') ? ldError(reply, status, detail) : v2Error(reply, status, detail);
  });

  function v2Error(reply: FastifyReply, status: number, description: string) {
    return reply.code(status).send({ error: status === 413 ? 'RequestEntityTooLarge' : status === 400 ? 'BadRequest' : 'InternalError', description });
  }
  function ldError(reply: FastifyReply, status: number, detail: string) {
    return reply.code(status).type('application/problem+json').send({ type: LD_BAD_REQUEST, title: status === 413 ? 'Payload too large' : 'Bad request data', detail, status });
  }
  function run(reply: FastifyReply, ld: boolean, fn: () => unknown) {
    try { return fn(); } catch (e) {
      if (e instanceof FiwareRefused) return ld ? ldError(reply, 400, e.message) : v2Error(reply, 400, e.message);
      throw e;
    }
  }
  const source = (name: string, api: string) => `fiware-${api}:${name}`;

  app.post('/v2/op/update', {
    bodyLimit: o.bodyLimit, config: RATE_LIMITED,
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
    bodyLimit: o.bodyLimit, config: RATE_LIMITED,
    schema: { tags, security, summary: 'NGSI-LD batch upsert of waste entities (normalized or concise, with @context)' },
  }, async (req, reply) => run(reply, true, () => {
    if (!Array.isArray(req.body) || !req.body.length) throw new FiwareRefused('body', 'expected a non-empty array of entities');
    const out = o.waste.apply(req.body, source(req.producer!.name, 'ld'), 'body');
    return out.created.length ? reply.code(201).send(out.created) : reply.code(204).send();
  }));

  app.post('/ngsi/notify', {
    bodyLimit: o.bodyLimit, config: RATE_LIMITED,
    schema: { tags, security, summary: "A context broker's notification (NGSI-v2 or NGSI-LD) carrying waste entities" },
  }, async (req, reply) => {
    const body = req.body as { data?: unknown; subscriptionId?: unknown; type?: unknown } | null;
    const ld = typeof body === 'object' && body !== null && body.type === 'Notification';
    return run(reply, ld, () => {
      if (typeof body !== 'object' || body === null || !Array.isArray(body.data)) throw new FiwareRefused('data', 'expected {subscriptionId, data: [entities]}');
      if (typeof body.subscriptionId !== 'string') throw new FiwareRefused('subscriptionId', 'required (a string)');
      if (body.data.length) o.waste.apply(body.data, source(req.producer!.name, `notify:${body.subscriptionId.slice(0, 80)}`), 'data');
      return reply.code(204).send();
    });
  });
};
