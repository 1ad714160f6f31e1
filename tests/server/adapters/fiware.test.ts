// FIWARE Smart Data Models (WasteManagement): WasteContainer, WasteContainerIsle and WasteContainerModel in NGSI-v2
// keyValues and normalized, NGSI-LD normalized and concise, through batch updates and broker notifications; visible
// through /api and live; bad entities refused in each API's error shape with nothing stored.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authHeaders, connect, startApp, subscribe, type TestApp, adminHeaders } from '../../helpers/app';
import { EVENTS, type Delta } from '../../../server/protocol/live';

let t: TestApp;
beforeAll(async () => { t = await startApp(); });
afterAll(async () => { await t.close(); });

const post = (url: string, payload: unknown, contentType = 'application/json') => t.app.inject({ method: 'POST', url,
  headers: { ...authHeaders(), 'content-type': contentType }, payload: typeof payload === 'string' ? payload : JSON.stringify(payload) });
const observed = () => new Date(t.clock.now() - 60_000).toISOString();
const LD_CONTEXT = ['https://smartdatamodels.org/context.jsonld', 'https://uri.etsi.org/ngsi-ld/v1/ngsi-ld-core-context-v1.7.jsonld'];

// Shaped after the keyValues examples of the Smart Data Models WasteManagement subject (github.com/smart-data-models/
// dataModel.WasteManagement, WasteContainer / WasteContainerIsle / WasteContainerModel "example.json", Guadalajara,
// Spain): their ids, references, level, status, kinds and coordinates; fewer descriptive fields.
const SDM_EXAMPLES = [
  { id: 'wastecontainermodel:c1', type: 'WasteContainerModel', width: 0.5, height: 0.8, depth: 0.4, cargoVolume: 150,
    maximumLoad: 80, category: ['dumpster'], brandName: 'Contenedores Ejemplo', modelName: 'C-150' },
  { id: 'wastecontainerisle:Fleming:12', type: 'WasteContainerIsle', name: 'Fleming:12',
    location: { type: 'Polygon', coordinates: [[[-3.1646, 40.6279], [-3.1645, 40.6279], [-3.1645, 40.6278], [-3.1646, 40.6278], [-3.1646, 40.6279]]] },
    features: ['underground'] },
  { id: 'wastecontainer:Fleming:12a', type: 'WasteContainer', serialNumber: 'ZA0-12-1337', refWasteContainerModel: 'wastecontainermodel:c1',
    refWasteContainerIsle: 'wastecontainerisle:Fleming:12', fillingLevel: 0.4, cargoWeight: 89, temperature: 22,
    location: { type: 'Point', coordinates: [-3.164485591715449, 40.62785133667262] }, storedWasteKind: ['organic'],
    storedWasteOrigin: 'municipal', dateLastEmptying: '2016-06-21T15:05:59.408Z', status: 'ok' },
];

describe('FIWARE waste containers', () => {
  it('accepts the Smart Data Models examples (NGSI-v2 keyValues); a site in Spain is kept aside as outside the region', async () => {
    const res = await post('/v2/op/update', { actionType: 'append', entities: SDM_EXAMPLES });
    expect(res.statusCode, res.body).toBe(204);
    expect(t.app.sitroom.store.waste.container('wastecontainer:Fleming:12a')).toMatchObject({ site: 'wastecontainerisle:Fleming:12', fill: 0.4 });
    expect(t.app.sitroom.store.waste.model('wastecontainermodel:c1')?.volume_m3).toBeCloseTo(0.15);
    const outside = (await t.app.inject({ url: '/api/outside-region', headers: adminHeaders() })).json() as { kind: string; id: string; item: { fill: number; volumeM3: number } }[];
    expect(outside.find((x) => x.id === 'wastecontainerisle:Fleming:12')).toMatchObject({ kind: 'containers', item: { fill: 40, volumeM3: 0.15 } });
  });

  it('reads all four representations into container sites, live', async () => {
    const live = await connect(t.url);
    await subscribe(live, [{ topic: 'containers' }]);
    const added: string[] = [];
    live.on(EVENTS.delta, (d: Delta) => { if (d.topic === 'containers') added.push(...(d as Delta<'containers'>).payload.added.map((s) => s.id)); });

    // NGSI-v2 keyValues: an isle with a model and two containers (one nearly full)
    expect((await post('/v2/op/update', { actionType: 'append', entities: [
      { id: 'model-1100', type: 'WasteContainerModel', cargoVolume: 1100 },
      { id: 'isle-ufa-1', type: 'WasteContainerIsle', location: { type: 'Point', coordinates: [55.9721, 54.7388] }, responsible: 'central', dateObserved: observed() },
      { id: 'bin-ufa-1a', type: 'WasteContainer', refWasteContainerIsle: 'isle-ufa-1', refWasteContainerModel: 'model-1100', fillingLevel: 0.3, status: 'ok', dateObserved: observed() },
      { id: 'bin-ufa-1b', type: 'WasteContainer', refWasteContainerIsle: 'isle-ufa-1', refWasteContainerModel: 'model-1100', fillingLevel: 0.92, status: 'ok', dateObserved: observed() },
    ] })).statusCode).toBe(204);
    expect(t.app.sitroom.store.containers.get('isle-ufa-1')).toMatchObject({ operator: 'central', municipality: 'ufa', containers: 2, fill: 92, status: 'full', volumeM3: 2.2 });

    // NGSI-v2 normalized, in a broker's notification
    expect((await post('/ngsi/notify', { subscriptionId: '5a1b2c', data: [{
      id: 'bin-sterlitamak-7', type: 'WasteContainer',
      location: { type: 'geo:json', value: { type: 'Point', coordinates: [55.9447, 53.6301] } },
      fillingLevel: { type: 'Number', value: 1, metadata: {} }, status: { type: 'Text', value: 'ok' },
      responsible: { type: 'Text', value: 'Региональный оператор — Южная зона' }, dateObserved: { type: 'DateTime', value: observed() },
    }] })).statusCode).toBe(204);
    expect(t.app.sitroom.store.containers.get('bin-sterlitamak-7')).toMatchObject({ operator: 'south', fill: 100, status: 'overflowing', containers: 1 });

    // NGSI-LD normalized, batch upsert: created ids answered with 201
    const ld = await post('/ngsi-ld/v1/entityOperations/upsert', [
      { id: 'urn:ngsi-ld:WasteContainerIsle:sibay-3', type: 'WasteContainerIsle', '@context': LD_CONTEXT,
        location: { type: 'GeoProperty', value: { type: 'Point', coordinates: [58.6636, 52.7206] } } },
      { id: 'urn:ngsi-ld:WasteContainer:sibay-3a', type: 'WasteContainer', '@context': LD_CONTEXT,
        fillingLevel: { type: 'Property', value: 0.55, observedAt: observed() }, status: { type: 'Property', value: 'lidOpen' },
        refWasteContainerIsle: { type: 'Relationship', object: 'urn:ngsi-ld:WasteContainerIsle:sibay-3' } },
    ], 'application/ld+json');
    expect(ld.statusCode, ld.body).toBe(201);
    expect(ld.json()).toEqual(['urn:ngsi-ld:WasteContainer:sibay-3a', 'urn:ngsi-ld:WasteContainerIsle:sibay-3']);
    expect(t.app.sitroom.store.containers.get('urn:ngsi-ld:WasteContainerIsle:sibay-3')).toMatchObject({ municipality: 'sibay', operator: 'east', status: 'lidOpen', fill: 55 });

    // NGSI-LD concise, in an NGSI-LD notification; the full type URI is read too
    expect((await post('/ngsi/notify', { id: 'urn:ngsi-ld:Notification:1', type: 'Notification', subscriptionId: 'urn:ngsi-ld:Subscription:w',
      notifiedAt: observed(), data: [{ id: 'urn:ngsi-ld:WasteContainer:ufa-9', type: 'https://smartdatamodels.org/dataModel.WasteManagement/WasteContainer',
        location: { type: 'Point', coordinates: [55.95, 54.72] }, fillingLevel: 0.1, status: { value: 'burning' } }] })).statusCode).toBe(204);
    expect(t.app.sitroom.store.containers.get('urn:ngsi-ld:WasteContainer:ufa-9')).toMatchObject({ status: 'burning', fill: 10 });

    await expect.poll(() => ['isle-ufa-1', 'bin-sterlitamak-7', 'urn:ngsi-ld:WasteContainerIsle:sibay-3', 'urn:ngsi-ld:WasteContainer:ufa-9']
      .every((id) => added.includes(id))).toBe(true);
    const api = (await t.app.inject({ url: '/api/containers?municipality=ufa', headers: adminHeaders() })).json() as { features: { id: string }[] };
    expect(api.features.map((f) => f.id)).toEqual(expect.arrayContaining(['isle-ufa-1', 'urn:ngsi-ld:WasteContainer:ufa-9']));
    live.close();
  });

  it('shows a site by its worst container, and its level again once the container is put right; re-sending updates', async () => {
    const burn = await post('/v2/op/update', { actionType: 'update', entities: [{ id: 'bin-ufa-1a', type: 'WasteContainer', status: 'burning', dateObserved: observed() }] });
    expect(burn.statusCode, burn.body).toBe(204);
    expect(t.app.sitroom.store.containers.get('isle-ufa-1')?.status).toBe('burning');
    const sites = t.app.sitroom.store.containers.count();
    const fixed = { actionType: 'update', entities: [{ id: 'bin-ufa-1a', type: 'WasteContainer', status: 'ok', fillingLevel: 0.2, dateObserved: observed() }] };
    expect((await post('/v2/op/update', fixed)).statusCode).toBe(204);
    expect((await post('/v2/op/update', fixed)).statusCode).toBe(204);
    expect(t.app.sitroom.store.containers.get('isle-ufa-1')).toMatchObject({ status: 'full', fill: 92, containers: 2 });
    expect(t.app.sitroom.store.containers.count()).toBe(sites);
    const again = await post('/ngsi-ld/v1/entityOperations/upsert', [{ id: 'urn:ngsi-ld:WasteContainer:sibay-3a', type: 'WasteContainer',
      fillingLevel: { type: 'Property', value: 0.6 }, refWasteContainerIsle: { type: 'Relationship', object: 'urn:ngsi-ld:WasteContainerIsle:sibay-3' } }], 'application/ld+json');
    expect(again.statusCode).toBe(204);
  });

  it('refuses bad entities in each API error shape naming the field, and stores nothing of the request', async () => {
    const sites = t.app.sitroom.store.containers.count();
    const good = { id: 'bin-new-1', type: 'WasteContainer', location: { type: 'Point', coordinates: [55.97, 54.74] }, fillingLevel: 0.5 };
    const v2: [unknown, RegExp][] = [
      [{ actionType: 'append', entities: [good, { ...good, id: 'bin-new-2', fillingLevel: 45 }] }, /^entities\/1\/fillingLevel: expected a fraction/],
      [{ actionType: 'append', entities: [good, { ...good, id: 'bin-new-3', status: 'exploded' }] }, /^entities\/1\/status: "exploded"/],
      [{ actionType: 'append', entities: [good, { ...good, id: 'bin-new-4', responsible: 'Acme Waste' }] }, /^entities\/1\/responsible: unknown operator/],
      [{ actionType: 'append', entities: [good, { id: 'car-1', type: 'Vehicle' }] }, /^entities\/1\/type: "Vehicle" is not one of/],
      [{ actionType: 'append', entities: [good, { id: 'bin-new-5', type: 'WasteContainer', fillingLevel: 0.1 }] }, /^entities\/1\/location: required/],
      [{ actionType: 'append', entities: [good, { ...good, id: 'bin-new-6', location: { type: 'Point', coordinates: [255, 54] } }] }, /^entities\/1\/location: coordinates out of range/],
      [{ actionType: 'delete', entities: [good] }, /^actionType: "delete" is not supported/],
      ['{"actionType": "append", "entities": [', /^body: /],
    ];
    for (const [body, description] of v2) {
      const res = await post('/v2/op/update', body);
      expect(res.statusCode, String(description)).toBe(400);
      expect(res.json()).toMatchObject({ error: 'BadRequest' });
      expect(res.json().description).toMatch(description);
    }
    // an NGSI-LD batch answers entity by entity (207); with no good entity, nothing is stored
    const ld = await post('/ngsi-ld/v1/entityOperations/upsert', [{ ...good, fillingLevel: { type: 'Property', value: 'full' } }], 'application/ld+json');
    expect(ld.statusCode).toBe(207);
    expect(ld.json()).toMatchObject({ success: [], errors: [{ entityId: 'bin-new-1', error: { type: 'https://uri.etsi.org/ngsi-ld/errors/BadRequestData', status: 400 } }] });
    expect(ld.json().errors[0].error.detail).toMatch(/^body\/0\/fillingLevel/);
    const notAnArray = await post('/ngsi-ld/v1/entityOperations/upsert', { id: 'x' }, 'application/ld+json');
    expect(notAnArray.statusCode).toBe(400);
    expect(notAnArray.headers['content-type']).toMatch(/application\/problem\+json/);
    const noKey = await t.app.inject({ method: 'POST', url: '/v2/op/update', payload: { actionType: 'append', entities: [good] } });
    expect(noKey.statusCode).toBe(401);
    expect(t.app.sitroom.store.containers.count()).toBe(sites);
    expect(t.app.sitroom.store.waste.container('bin-new-1')).toBeNull();
  });
});
