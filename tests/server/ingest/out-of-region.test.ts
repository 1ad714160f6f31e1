// Points outside the republic: under SITROOM_OUT_OF_REGION=flag (the default) kept aside, listed and shown as
// "outside the region", never counted; under reject refused naming the field. Coordinates out of range are always refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KEY, authHeaders, startApp, type TestApp, adminHeaders } from '../../helpers/app';

let t: TestApp;
beforeAll(async () => { t = await startApp({ listen: false }); });
afterAll(async () => { await t.close(); });

const MOSCOW = { lon: 37.6173, lat: 55.7558 };
const appeal = (id: string, extra: Record<string, unknown> = {}) => ({ id, channel: 'social', category: 'roads',
  receivedAt: new Date(t.clock.now() - 60_000).toISOString(), text: 'private words', author: 'A. Resident', ...MOSCOW, ...extra });
const ingest = (kind: string, items: object[]) =>
  t.app.inject({ method: 'POST', url: `/api/ingest/${kind}`, headers: authHeaders(), payload: { [kind]: items } });

describe('SITROOM_OUT_OF_REGION=flag (default)', () => {
  it('keeps an appeal placed outside the republic aside: acknowledged, listed, not counted, idempotent', async () => {
    const inside = { ...appeal('in-1'), lon: 55.9721, lat: 54.7388 };
    const res = await ingest('appeals', [inside, appeal('out-1')]);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ accepted: 2, created: 1, outside: 1 });
    expect(t.app.sitroom.store.appeals.get('in-1')?.municipality).toBe('ufa');
    expect(t.app.sitroom.store.appeals.get('out-1')).toBeNull();
    expect(t.app.sitroom.hub.snapshot('appeals')!.items.map((a) => a.id)).toEqual(['in-1']);
    // sent again (a retry): still one item aside
    expect((await ingest('appeals', [appeal('out-1', { category: 'waste' })])).json()).toMatchObject({ outside: 1 });
    const listed = (await t.app.inject({ url: '/api/outside-region', headers: adminHeaders() })).json() as { kind: string; id: string; region: string; item: Record<string, unknown> }[];
    expect(listed.filter((x) => x.id === 'out-1')).toHaveLength(1);
    const entry = listed.find((x) => x.id === 'out-1')!;
    expect(entry).toMatchObject({ kind: 'appeals', region: 'outside', lon: MOSCOW.lon, lat: MOSCOW.lat });
    expect(entry.item).toMatchObject({ category: 'waste', municipality: null });
    expect(JSON.stringify(entry)).not.toMatch(/private words|Resident/);
    t.app.sitroom.jobs.refreshKpi(true);
    const summary = (await t.app.inject({ url: '/api/summary' })).json() as { appeals: { total: { today: number } }; outsideRegion: Record<string, number> };
    expect(summary.outsideRegion).toMatchObject({ appeals: 1, total: 1 });
    expect(summary.appeals.total.today).toBe(1);
  });

  it('still checks every other field of an item outside, and refuses coordinates out of range', async () => {
    const bad = await ingest('appeals', [appeal('out-2b'), appeal('out-2', { channel: 'pigeon' })]);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().field).toBe('appeals/1/channel');
    const range = await ingest('appeals', [appeal('out-3', { lat: 95 })]);
    expect(range.statusCode).toBe(400);
    expect(range.json().field).toBe('body/appeals/0/lat');
    expect(t.app.sitroom.store.outsideRegion.get('appeals', 'out-2')).toBeNull();
    expect(t.app.sitroom.store.outsideRegion.get('appeals', 'out-2b')).toBeNull();
    // the refused batch counted nothing aside for the next one
    const next = await ingest('metrics', [{ key: 'roads.snow_plows_on_line', at: t.clock.now() - 1000, value: 400 }]);
    expect(next.json().outside).toBeUndefined();
    expect(t.app.sitroom.store.outsideRegion.get('appeals', 'out-3')).toBeNull();
  });

  it('answers an Open311 request from the spec example (San Francisco) as outside the region', async () => {
    const spec = `api_key=${KEY}&service_code=roads&lat=37.76524078&long=-122.4212043&address_string=1234+5th+street` +
      '&email=smit222%40sfgov.edu&device_id=tt222111&account_id=123456&first_name=john&last_name=smith&phone=111111111' +
      '&description=A+large+sinkhole+is+destroying+the+street&media_url=http%3A%2F%2Fsomewebsite.com%2Fimage.jpeg';
    const res = await t.app.inject({ method: 'POST', url: '/open311/v2/requests.json', payload: spec,
      headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(res.statusCode).toBe(200);
    const id = (res.json() as { service_request_id: string }[])[0]!.service_request_id;
    const got = (await t.app.inject({ url: `/open311/v2/requests/${id}.json` })).json() as Record<string, unknown>[];
    expect(got[0]).toMatchObject({ service_request_id: id, status: 'open', lat: 37.765, long: -122.421 }); // rounded as on the wall
    expect(String(got[0]!['status_notes'])).toMatch(/outside the region/);
  });
});

describe('SITROOM_OUT_OF_REGION=reject', () => {
  it('refuses a point outside the republic, naming the field, and stores nothing', async () => {
    const r = await startApp({ listen: false, env: { SITROOM_OUT_OF_REGION: 'reject' } });
    try {
      const res = await r.app.inject({ method: 'POST', url: '/api/ingest/incidents', headers: authHeaders(),
        payload: { incidents: [{ id: 'x1', type: 'fire', severity: 'minor', reportedAt: r.clock.now() - 1000, ...MOSCOW }] } });
      expect(res.statusCode).toBe(400);
      expect(res.json().field).toBe('incidents/0/lon');
      expect(res.json().message).toMatch(/outside the republic/);
      expect(r.app.sitroom.store.incidents.get('x1')).toBeNull();
      expect(r.app.sitroom.store.outsideRegion.get('incidents', 'x1')).toBeNull();
    } finally { await r.close(); }
  });
});
