// Hostile input, item 1 of issue 14: one producer must not freeze every wall. Areas too large, out of range or not
// closed, an NGSI point of a million coordinates, batches too large and a flood of new vehicles are refused naming the
// field and the limit, and nothing of the batch is stored; an area that is accepted reaches screens simplified.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authHeaders, connect, startApp, subscribe, type TestApp } from '../helpers/app';
import { LIMITS } from '../../server/ingest/limits';
import type { IncidentView } from '../../server/protocol/views';

let t: TestApp;
beforeAll(async () => { t = await startApp(); });
afterAll(async () => { await t.close(); });

const post = (url: string, payload: unknown, contentType = 'application/json') => t.app.inject({ method: 'POST', url,
  headers: { ...authHeaders(), 'content-type': contentType }, payload: JSON.stringify(payload) });
const at = () => new Date(t.clock.now() - 60_000).toISOString();
/** a closed ring of n positions around a point in Ufa */
function circle(n: number, lon = 55.97, lat = 54.74, r = 0.05): number[][] {
  const ring = Array.from({ length: n - 1 }, (_, k) => [lon + r * Math.cos((2 * Math.PI * k) / (n - 1)), lat + r * Math.sin((2 * Math.PI * k) / (n - 1))]);
  return [...ring, ring[0]!];
}
const incident = (id: string, area: unknown) => ({ incidents: [{ id, type: 'fire', severity: 'severe', reportedAt: at(), area }] });
const stored = (id: string) => t.app.sitroom.store.incidents.get(id);

describe('incident areas', () => {
  it('refuses an area of 300,000 vertices (11.5 MB) naming the ring and the limit; nothing is stored', async () => {
    const res = await post('/api/ingest/incidents', incident('huge', { type: 'Polygon', coordinates: [circle(300_000)] }));
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ field: 'body/incidents/0/area/coordinates/0', message: expect.stringContaining(`${LIMITS.ringVertices}`) });
    expect(stored('huge')).toBeNull();
  });

  it('refuses an area whose rings together pass the limit', async () => {
    const rings = [0, 1, 2].map((k) => [circle(LIMITS.ringVertices - 10, 55 + k, 54.5)]);
    const res = await post('/api/ingest/incidents', incident('many', { type: 'MultiPolygon', coordinates: rings }));
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ field: 'incidents/0/area/coordinates/2/0', message: expect.stringContaining(`at most ${LIMITS.areaVertices} positions`) });
    expect(stored('many')).toBeNull();
  });

  it('refuses a position out of range ([1e300, 54.7] used to pass as "outside the region") and an unclosed ring', async () => {
    const far = circle(5); far[2] = [1e300, 54.7];
    const a = await post('/api/ingest/incidents', incident('far', { type: 'Polygon', coordinates: [far] }));
    expect(a.statusCode).toBe(400);
    expect(a.json()).toMatchObject({ field: 'incidents/0/area/coordinates/0/2', message: expect.stringContaining('outside -180..180') });
    const open = circle(6).slice(0, 5);
    const b = await post('/api/ingest/incidents', incident('open', { type: 'Polygon', coordinates: [open] }));
    expect(b.statusCode).toBe(400);
    expect(b.json()).toMatchObject({ field: 'incidents/0/area/coordinates/0', message: expect.stringContaining('not closed') });
    expect(stored('far')).toBeNull();
    expect(stored('open')).toBeNull();
    expect(t.app.sitroom.store.outsideRegion.get('incidents', 'far')).toBeNull();
  });

  it('keeps a detailed area whole in the store and sends screens at most the screen budget of it', async () => {
    const res = await post('/api/ingest/incidents', incident('flood', { type: 'Polygon', coordinates: [circle(8000)] }));
    expect(res.statusCode, res.body).toBe(200);
    expect(stored('flood')!.area!.coordinates[0]).toHaveLength(8000);
    const socket = await connect(t.url);
    try {
      const reply = await subscribe(socket, [{ topic: 'incidents' }]);
      if (!reply.ok) throw new Error(reply.error);
      const sync = reply.results.find((x) => x.topic === 'incidents') as unknown as { snapshot: { items: IncidentView[] } };
      const view = sync.snapshot.items.find((i) => i.id === 'flood')!;
      const ring = (view.area!.coordinates as number[][][])[0]!;
      expect(ring.length).toBeLessThanOrEqual(LIMITS.screenAreaVertices);
      expect(ring.length).toBeGreaterThan(20);
      expect(ring[0]).toEqual(ring[ring.length - 1]);
    } finally { socket.close(); }
  });
});

describe('other producers\' shapes', () => {
  it('refuses an NGSI Point with a million coordinates', async () => {
    const coordinates = Array.from({ length: 1_000_000 }, () => 55.9);
    const res = await post('/ngsi-ld/v1/entityOperations/upsert', [{ id: 'urn:ngsi-ld:WasteContainer:big', type: 'WasteContainer',
      location: { type: 'GeoProperty', value: { type: 'Point', coordinates } }, fillingLevel: { type: 'Property', value: 0.5 } }], 'application/ld+json');
    // an NGSI-LD batch answers entity by entity: this one refused by name, nothing of it stored
    expect(res.statusCode).toBe(207);
    expect(res.json().errors[0].error.detail).toMatch(/body\/0\/location: coordinates must be \[longitude, latitude\]/);
    expect(t.app.sitroom.store.waste.container('urn:ngsi-ld:WasteContainer:big')).toBeNull();
  });

  it(`refuses more than ${LIMITS.fiwareEntities} entities in one FIWARE request`, async () => {
    const entities = Array.from({ length: LIMITS.fiwareEntities + 1 }, (_, k) => ({ id: `c${k}`, type: 'WasteContainer', fillingLevel: 0.1 }));
    const res = await post('/v2/op/update', { actionType: 'append', entities });
    expect(res.statusCode).toBe(400);
    expect(res.json().description).toContain(`at most ${LIMITS.fiwareEntities} entities`);
  });

  it('refuses a native batch over its item limit', async () => {
    const appeals = Array.from({ length: LIMITS.batchItems + 1 }, (_, k) => ({ id: `x${k}` }));
    const res = await post('/api/ingest/appeals', { appeals });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain(`${LIMITS.batchItems}`);
  });
});

describe('new vehicles', () => {
  it(`refuses a batch of 10,000 positions for new ids past ${LIMITS.newVehiclesPerProducer} vehicles per producer, storing none`, async () => {
    const before = t.app.sitroom.store.fleet.all().length;
    const positions = Array.from({ length: 10_000 }, (_, k) => ({ vehicle: `ghost-${k}`, at: at(), lon: 55.9, lat: 54.7 }));
    const res = await post('/api/ingest/positions', { positions });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ field: `positions/${LIMITS.newVehiclesPerProducer}/vehicle`,
      message: expect.stringContaining(`at most ${LIMITS.newVehiclesPerProducer} vehicles`) });
    expect(t.app.sitroom.store.fleet.all().length).toBe(before);
    expect(t.app.sitroom.hub.vehicle('ghost-0')).toBeUndefined();
    expect(t.app.sitroom.store.fleet.createdBy('api:configured-1')).toBe(0);
  });

  it('counts what a producer created before: the cap holds across batches, and known vehicles move freely', async () => {
    const batch = (from: number, n: number) => ({ positions: Array.from({ length: n }, (_, k) => ({ vehicle: `car-${from + k}`, at: at(), lon: 55.9, lat: 54.7 })) });
    expect((await post('/api/ingest/positions', batch(0, LIMITS.newVehiclesPerProducer - 1))).statusCode).toBe(200);
    expect((await post('/api/ingest/positions', batch(LIMITS.newVehiclesPerProducer - 1, 1))).statusCode).toBe(200);
    const over = await post('/api/ingest/positions', batch(LIMITS.newVehiclesPerProducer, 1));
    expect(over.statusCode).toBe(400);
    expect((await post('/api/ingest/positions', batch(0, 10))).statusCode).toBe(200);
  });
});

describe('metric samples', () => {
  it(`refuses a sample with more than ${LIMITS.metricLabels} labels`, async () => {
    const labels = Object.fromEntries(Array.from({ length: LIMITS.metricLabels + 1 }, (_, k) => [`l${k}`, 'x']));
    const res = await post('/api/ingest/metrics', { metrics: [{ key: 'water.pressure', at: at(), value: 1, labels }] });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ field: 'body/metrics/0/labels', message: expect.stringContaining(`${LIMITS.metricLabels}`) });
  });
});
