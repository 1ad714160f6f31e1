// NGSI-LD and NGSI-v2 as context brokers and IoT agents emit them, written from the specifications (ETSI GS CIM 009
// for NGSI-LD: typed literals, observedAt, unitCode, multi-attributes with datasetId, VocabProperty and ListProperty,
// batch results and problem details; the FIWARE NGSI-v2 specification: geo:point, metadata.unitCode, DateTime):
// each is read, a bad entity no longer holds the good ones back, and every error is in the API's own shape.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authHeaders, startApp, type TestApp } from '../../helpers/app';

let t: TestApp;
beforeAll(async () => { t = await startApp(); });
afterAll(async () => { await t.close(); });

const LD = 'application/ld+json';
const CONTEXT = 'https://uri.etsi.org/ngsi-ld/v1/ngsi-ld-core-context-v1.8.jsonld';
const post = (url: string, payload: unknown, contentType = 'application/json', headers: Record<string, string> = authHeaders()) =>
  t.app.inject({ method: 'POST', url, headers: { ...headers, 'content-type': contentType }, payload: typeof payload === 'string' ? payload : JSON.stringify(payload) });
const iso = (msAgo: number) => new Date(t.clock.now() - msAgo).toISOString();
const site = (id: string) => t.app.sitroom.store.containers.get(id);
const ufa = (dLon = 0) => ({ type: 'GeoProperty', value: { type: 'Point', coordinates: [55.97 + dLon, 54.73] } });

describe('NGSI-LD as brokers send it', () => {
  it('reads typed literals, observedAt as the reading time, percent by unitCode P1, VocabProperty and the freshest of a multi-attribute', async () => {
    const res = await post('/ngsi-ld/v1/entityOperations/upsert', [{
      id: 'urn:ngsi-ld:WasteContainer:ufa-lenina-1', type: 'WasteContainer', '@context': CONTEXT, location: ufa(),
      // two sensors on one container, told apart by datasetId: the fresher reading is the one shown
      fillingLevel: [
        { type: 'Property', value: 72, unitCode: 'P1', observedAt: iso(60_000), datasetId: 'urn:ngsi-ld:Dataset:ultrasonic' },
        { type: 'Property', value: 40, unitCode: 'P1', observedAt: iso(3_600_000), datasetId: 'urn:ngsi-ld:Dataset:weight' },
      ],
      status: { type: 'VocabProperty', vocab: 'lidOpen' },
      dateObserved: { type: 'Property', value: { '@type': 'DateTime', '@value': iso(7_200_000) } },
      dateLastEmptying: { type: 'Property', value: { '@type': 'DateTime', '@value': iso(86_400_000) } },
    }], LD);
    expect(res.statusCode, res.body).toBe(201);
    expect(site('urn:ngsi-ld:WasteContainer:ufa-lenina-1')).toMatchObject({ fill: 72, status: 'lidOpen', municipality: 'ufa',
      updatedAt: t.clock.now() - 60_000, servicedAt: t.clock.now() - 86_400_000 });
  });

  it('takes the default instance of a multi-attribute without times, concise typed literals and a ListProperty status', async () => {
    const res = await post('/ngsi-ld/v1/entityOperations/upsert', [{
      id: 'urn:ngsi-ld:WasteContainer:ufa-lenina-2', type: 'WasteContainer', location: ufa(0.01),
      fillingLevel: [{ value: 0.9, datasetId: 'urn:ngsi-ld:Dataset:backup' }, { value: 0.35 }],
      status: { type: 'ListProperty', valueList: ['lidOpen', 'burning'] },
      dateObserved: { '@type': 'DateTime', '@value': iso(120_000) },
    }], LD);
    expect(res.statusCode, res.body).toBe(201);
    expect(site('urn:ngsi-ld:WasteContainer:ufa-lenina-2')).toMatchObject({ fill: 35, status: 'burning', updatedAt: t.clock.now() - 120_000 });
  });

  it('answers a batch with 207 naming each refused entity, and keeps the good ones', async () => {
    const entities = [
      { id: 'urn:ngsi-ld:WasteContainer:good-1', type: 'WasteContainer', location: ufa(0.02), fillingLevel: { type: 'Property', value: 10, unitCode: 'P1' } },
      { id: 'urn:ngsi-ld:WasteContainer:bad-level', type: 'WasteContainer', location: ufa(0.03), fillingLevel: { type: 'Property', value: 150, unitCode: 'P1' } },
      { id: 'urn:ngsi-ld:WasteContainer:good-2', type: 'WasteContainer', location: ufa(0.04), status: { type: 'VocabProperty', vocab: 'ok' } },
      // only the whole batch tells this one apart: a new site with no place
      { id: 'urn:ngsi-ld:WasteContainer:nowhere', type: 'WasteContainer', fillingLevel: { type: 'Property', value: 0.2 } },
      { id: 'urn:ngsi-ld:WasteContainer:bad-time', type: 'WasteContainer', location: ufa(0.05), fillingLevel: { type: 'Property', value: 0.2, observedAt: 'yesterday' } },
    ];
    const res = await post('/ngsi-ld/v1/entityOperations/upsert', entities, LD);
    expect(res.statusCode, res.body).toBe(207);
    const body = res.json() as { success: string[]; errors: { entityId: string; error: { type: string; title: string; detail: string; status: number } }[] };
    expect(body.success.sort()).toEqual(['urn:ngsi-ld:WasteContainer:good-1', 'urn:ngsi-ld:WasteContainer:good-2']);
    expect(Object.fromEntries(body.errors.map((e) => [e.entityId, e.error.detail]))).toEqual({
      'urn:ngsi-ld:WasteContainer:bad-level': expect.stringMatching(/^body\/1\/fillingLevel: expected a fraction/),
      'urn:ngsi-ld:WasteContainer:nowhere': expect.stringMatching(/^body\/3\/location: required/),
      'urn:ngsi-ld:WasteContainer:bad-time': expect.stringMatching(/^body\/4\/fillingLevel\/observedAt/),
    });
    for (const e of body.errors) expect(e.error).toMatchObject({ type: 'https://uri.etsi.org/ngsi-ld/errors/BadRequestData', status: 400 });
    expect(site('urn:ngsi-ld:WasteContainer:good-1')?.fill).toBe(10);
    expect(site('urn:ngsi-ld:WasteContainer:good-2')).not.toBeNull();
    for (const id of ['bad-level', 'nowhere', 'bad-time']) expect(t.app.sitroom.store.waste.container(`urn:ngsi-ld:WasteContainer:${id}`)).toBeNull();
  });

  it('keeps the good entities of a notification with a bad one (207), so one sensor cannot block a subscription', async () => {
    const res = await post('/ngsi/notify', { id: 'urn:ngsi-ld:Notification:7', type: 'Notification', subscriptionId: 'urn:ngsi-ld:Subscription:bins',
      notifiedAt: iso(0), data: [
        { id: 'urn:ngsi-ld:WasteContainer:notified-1', type: 'WasteContainer', location: ufa(0.06), fillingLevel: { type: 'Property', value: 0.5, observedAt: iso(5000) } },
        { id: 'urn:ngsi-ld:WasteContainer:notified-2', type: 'WasteContainer', location: ufa(0.07), status: { type: 'Property', value: 'exploded' } },
      ] });
    expect(res.statusCode, res.body).toBe(207);
    expect(res.json()).toMatchObject({ success: ['urn:ngsi-ld:WasteContainer:notified-1'], errors: [{ entityId: 'urn:ngsi-ld:WasteContainer:notified-2' }] });
    expect(site('urn:ngsi-ld:WasteContainer:notified-1')).toMatchObject({ fill: 50, updatedAt: t.clock.now() - 5000 });
  });
});

describe('NGSI-v2 as Orion and IoT agents send it', () => {
  it('reads geo:point ("latitude, longitude"), metadata.unitCode P1 and DateTime attributes', async () => {
    const res = await post('/v2/op/update', { actionType: 'append', entities: [{
      id: 'bin-v2-geo', type: 'WasteContainer', location: { type: 'geo:point', value: '54.7301, 55.9702' },
      fillingLevel: { type: 'Number', value: 88, metadata: { unitCode: { type: 'Text', value: 'P1' } } },
      dateObserved: { type: 'DateTime', value: iso(30_000) }, status: { type: 'Text', value: 'ok' },
    }] });
    expect(res.statusCode, res.body).toBe(204);
    expect(site('bin-v2-geo')).toMatchObject({ lon: 55.9702, lat: 54.7301, fill: 88, status: 'full', updatedAt: t.clock.now() - 30_000 });
    const bad = await post('/v2/op/update', { actionType: 'append', entities: [{ id: 'bin-v2-bad', type: 'WasteContainer', location: { type: 'geo:point', value: 'near the market' } }] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ error: 'BadRequest', description: expect.stringMatching(/^entities\/0\/location: geo:point expects/) });
  });
});

describe('errors in each API\'s own shape', () => {
  const entity = { id: 'urn:ngsi-ld:WasteContainer:shape', type: 'WasteContainer', location: ufa(0.08) };

  it('401 without a key: problem details for NGSI-LD, {error, description} for NGSI-v2', async () => {
    const ld = await post('/ngsi-ld/v1/entityOperations/upsert', [entity], LD, {});
    expect(ld.statusCode).toBe(401);
    expect(ld.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(ld.json()).toMatchObject({ type: 'about:blank', title: 'Unauthorized', status: 401, detail: expect.any(String) });
    const v2 = await post('/v2/op/update', { actionType: 'append', entities: [entity] }, 'application/json', {});
    expect(v2.statusCode).toBe(401);
    expect(v2.json()).toMatchObject({ error: 'Unauthorized', description: expect.any(String) });
  });

  it('404 for an NGSI-LD operation this server does not offer, as problem details', async () => {
    const res = await t.app.inject({ url: '/ngsi-ld/v1/entities?type=WasteContainer', headers: authHeaders() });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.json()).toMatchObject({ type: 'https://uri.etsi.org/ngsi-ld/errors/ResourceNotFound', status: 404 });
  });

  it('415 for a body that is not JSON, storing nothing', async () => {
    const ld = await post('/ngsi-ld/v1/entityOperations/upsert', JSON.stringify([entity]), 'text/plain');
    expect(ld.statusCode).toBe(415);
    expect(ld.json()).toMatchObject({ status: 415, detail: expect.stringMatching(/^content-type: text\/plain/) });
    const v2 = await post('/v2/op/update', JSON.stringify({ actionType: 'append', entities: [entity] }), 'text/plain');
    expect(v2.statusCode).toBe(415);
    expect(v2.json()).toMatchObject({ error: 'UnsupportedMediaType' });
    const notify = await post('/ngsi/notify', JSON.stringify({ subscriptionId: 's', data: [entity] }), 'text/plain');
    expect(notify.statusCode).toBe(415);
    expect(t.app.sitroom.store.waste.container('urn:ngsi-ld:WasteContainer:shape')).toBeNull();
  });
});
