import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminHeaders, authHeaders, startApp, type TestApp } from '../../helpers/app';

let t: TestApp;
beforeAll(async () => { t = await startApp({ listen: false }); });
afterAll(async () => { await t.close(); });

const appeal = (id: string, extra: Record<string, unknown> = {}) => ({
  id, channel: 'social', category: 'roads', municipality: 'ufa', receivedAt: new Date(t.clock.now() - 60_000).toISOString(), ...extra,
});
const count = () => t.app.sitroom.store.appeals.countBy('channel', 0, Number.MAX_SAFE_INTEGER).get('social') ?? 0;

describe('native ingest API', () => {
  it('refuses a missing or wrong key with 401 and stores nothing', async () => {
    for (const headers of [{}, { authorization: 'Bearer nope' }]) {
      const res = await t.app.inject({ method: 'POST', url: '/api/ingest/appeals', headers, payload: { appeals: [appeal('k1')] } });
      expect(res.statusCode).toBe(401);
    }
    expect(count()).toBe(0);
  });

  it('accepts a batch and reports what it created', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/ingest/appeals', headers: authHeaders(),
      payload: { appeals: [appeal('a1'), appeal('a2', { municipality: undefined, lon: 55.96, lat: 54.74 })] } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ accepted: 2, created: 2, updated: 0 });
    expect(t.app.sitroom.store.appeals.get('a2')?.municipality).toBe('ufa');
    const again = await t.app.inject({ method: 'POST', url: '/api/ingest/appeals', headers: authHeaders(),
      payload: { appeals: [{ id: 'a1', status: 'answered' }] } });
    expect(again.json()).toMatchObject({ accepted: 1, created: 0, updated: 1 });
    const a1 = t.app.sitroom.store.appeals.get('a1')!;
    expect(a1.status).toBe('answered');
    expect(a1.answeredAt).toBe(t.clock.now());
    expect(a1.channel).toBe('social');
  });

  it('names a field that breaks the schema, and stores nothing of the batch', async () => {
    const before = count();
    const res = await t.app.inject({ method: 'POST', url: '/api/ingest/appeals', headers: authHeaders(),
      payload: { appeals: [appeal('b1'), appeal('b2', { lon: 'east' })] } });
    expect(res.statusCode).toBe(400);
    expect(res.json().field).toBe('body/appeals/1/lon');
    expect(res.json().message).toContain('body/appeals/1/lon');
    expect(count()).toBe(before);
  });

  it('names a field that the schema cannot check (unknown channel, bad time, missing category), storing nothing', async () => {
    const before = count();
    const cases: [Record<string, unknown>, string][] = [
      [appeal('c2', { channel: 'pigeon' }), 'appeals/1/channel'],
      [appeal('c2', { receivedAt: '2026-11-23 10:00' }), 'appeals/1/receivedAt'],
      [{ id: 'c2', channel: 'social', municipality: 'ufa', receivedAt: Date.now() - 1000 }, 'appeals/1/category'],
    ];
    for (const [bad, field] of cases) {
      const res = await t.app.inject({ method: 'POST', url: '/api/ingest/appeals', headers: authHeaders(), payload: { appeals: [appeal('c1'), bad] } });
      expect(res.statusCode, field).toBe(400);
      expect(res.json().field).toBe(field);
    }
    expect(count()).toBe(before);
    expect(t.app.sitroom.store.appeals.get('c1')).toBeNull();
  });

  it('refuses unknown fields by name', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/ingest/incidents', headers: authHeaders(),
      payload: { incidents: [{ id: 'i1', type: 'fire', severity: 'minor', municipality: 'ufa', reportedAt: Date.now() - 5000, colour: 'red' }] } });
    expect(res.statusCode).toBe(400);
    expect(res.json().field).toBe('body/incidents/0/colour');
  });

  it('ingests every kind and serves them back as GeoJSON and pages', async () => {
    const now = t.clock.now();
    const post = (kind: string, items: unknown[]) =>
      t.app.inject({ method: 'POST', url: `/api/ingest/${kind}`, headers: authHeaders(), payload: { [kind]: items } });
    expect((await post('incidents', [{ id: 'i2', type: 'flood', severity: 'severe', reportedAt: now - 1000,
      area: { type: 'Polygon', coordinates: [[[55.9, 54.7], [56.0, 54.7], [56.0, 54.8], [55.9, 54.7]]] } }])).statusCode).toBe(200);
    expect((await post('positions', [{ vehicle: 'amb-1', at: now - 500, lon: 55.97, lat: 54.73, speedKmh: 40, status: 'en_route' }])).statusCode).toBe(200);
    expect((await post('containers', [{ id: 'site-1', at: now - 500, lon: 55.97, lat: 54.73, fill: 85 }])).statusCode).toBe(200);
    expect((await post('metrics', [{ key: 'hotline.call_wait_s', at: now - 100, value: 30, labels: { outcome: 'answered' } }])).statusCode).toBe(200);
    const inc = (await t.app.inject({ url: '/api/incidents', headers: adminHeaders() })).json();
    expect(inc.features.find((f: { id: string }) => f.id === 'i2').geometry.type).toBe('Polygon');
    const veh = (await t.app.inject({ url: '/api/vehicles', headers: adminHeaders() })).json();
    expect(veh.features[0].properties).toMatchObject({ id: 'amb-1', status: 'en_route' });
    const full = (await t.app.inject({ url: '/api/containers?status=full&operator=central', headers: adminHeaders() })).json();
    expect(full.features.map((f: { id: string }) => f.id)).toEqual(['site-1']);
    expect((await t.app.inject({ url: '/api/containers?status=melted', headers: adminHeaders() })).statusCode).toBe(400);
    const page1 = (await t.app.inject({ url: '/api/appeals?limit=1&municipality=ufa', headers: adminHeaders() })).json();
    expect(page1.items).toHaveLength(1);
    expect(page1.items[0].author).toBeUndefined();
    const page2 = (await t.app.inject({ url: `/api/appeals?limit=1&municipality=ufa&cursor=${page1.next}`, headers: adminHeaders() })).json();
    expect(page2.items[0].id).not.toBe(page1.items[0].id);
    const summary = (await t.app.inject('/api/summary')).json();
    expect(summary.hotline.calls.today).toBe(1);
    expect(summary.containers.byStatus.full).toBe(1);
    expect(summary.incidents.byType.flood).toBe(1);
  });
});
