// Open311 GeoReport v2: the spec's examples accepted and visible through /api and live; refusals in the spec's
// error format with nothing stored.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KEY, connect, startApp, subscribe, type TestApp, adminHeaders } from '../../helpers/app';
import { EVENTS, type Delta } from '../../../server/protocol/live';

// The POST example of the GeoReport v2 specification (http://wiki.open311.org/GeoReport_v2, "POST Service Request"),
// with our key, a service code of ours and a point in Ufa instead of San Francisco (37.76524078,-122.4212043).
const SPEC_POST = 'api_key=KEY&service_code=roads&lat=54.7388&long=55.9721&address_string=1234+5th+street' +
  '&email=smit222%40sfgov.edu&device_id=tt222111&account_id=123456&first_name=john&last_name=smith&phone=111111111' +
  '&description=A+large+sinkhole+is+destroying+the+street&media_url=http%3A%2F%2Fsomewebsite.com%2Fimage.jpeg';
const form = { 'content-type': 'application/x-www-form-urlencoded' };

let t: TestApp;
beforeAll(async () => { t = await startApp(); });
afterAll(async () => { await t.close(); });

const count = () => t.app.sitroom.store.appeals.list({ since: 0, municipality: null, category: null, limit: 100_000, cursor: null }).length;
const post = (payload: string | object, format = 'json', headers: Record<string, string> = form) =>
  t.app.inject({ method: 'POST', url: `/open311/v2/requests.${format}`, headers, payload });

describe('Open311 GeoReport v2', () => {
  it('describes itself and lists our categories as services, in JSON and XML', async () => {
    const d = await t.app.inject({ url: '/open311/v2/discovery.json' });
    expect(d.json()).toMatchObject({ endpoints: [{ specification: 'http://wiki.open311.org/GeoReport_v2', formats: ['application/json', 'text/xml'] }] });
    expect((await t.app.inject({ url: '/open311/v2/discovery.xml' })).body).toMatch(/<discovery>.*<url>http:\/\/.*\/open311\/v2\/<\/url>/);
    const services = (await t.app.inject({ url: '/open311/v2/services.json' })).json() as { service_code: string; metadata: boolean; type: string }[];
    expect(services.map((s) => s.service_code)).toEqual(t.app.sitroom.reference.categories.map((c) => c.id));
    expect(services[0]).toMatchObject({ metadata: false, type: 'realtime', group: 'appeals' });
    const xml = await t.app.inject({ url: '/open311/v2/services.xml' });
    expect(xml.headers['content-type']).toMatch(/application\/xml/);
    expect(xml.body).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?><services><service><service_code>housing_utilities<\/service_code>/);
  });

  it('takes the spec example as an appeal: visible through /open311, /api and to a live client', async () => {
    const live = await connect(t.url || (await t.app.listen({ port: 0, host: '127.0.0.1' })));
    await subscribe(live, [{ topic: 'appeals' }]);
    const delta = new Promise<Delta<'appeals'>>((resolve) => live.on(EVENTS.delta, (d: Delta) => { if (d.topic === 'appeals') resolve(d as Delta<'appeals'>); }));
    const res = await post(SPEC_POST.replace('KEY', KEY));
    expect(res.statusCode).toBe(200);
    const [created] = res.json() as { service_request_id: string; account_id: string | null }[];
    expect(typeof created!.service_request_id).toBe('string');
    expect(created!.account_id).toBe('123456');
    const id = created!.service_request_id;
    expect((await delta).payload.upsert.map((a) => a.id)).toContain(id);
    live.close();

    const [request] = (await t.app.inject({ url: `/open311/v2/requests/${id}.json` })).json() as Record<string, unknown>[];
    expect(request).toMatchObject({ service_request_id: id, status: 'open', service_code: 'roads', lat: 54.739, long: 55.972 }); // rounded as on the wall
    expect(request!['requested_datetime']).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+05:00$/);
    const stored = t.app.sitroom.store.appeals.get(id)!;
    expect(stored).toMatchObject({ channel: 'pos', category: 'roads', municipality: 'ufa', author: 'john smith',
      contact: 'smit222@sfgov.edu, 111111111', address: '1234 5th street' });
    expect(stored.text).toMatch(/sinkhole[\s\S]*media: http:\/\/somewebsite.com\/image.jpeg/);
    const xml = (await t.app.inject({ url: `/open311/v2/requests/${id}.xml` })).body;
    expect(xml).toMatch(new RegExp(`<service_requests><request><service_request_id>${id}</service_request_id><status>open</status>`));
    const api = (await t.app.inject({ url: '/api/appeals?category=roads', headers: adminHeaders() })).json() as { items: { id: string }[] };
    expect(api.items.map((a) => a.id)).toContain(id);
  });

  it('takes JSON bodies and places an address by the town it names', async () => {
    const res = await post({ api_key: KEY, service_code: 'waste', address_string: 'г. Стерлитамак, ул. Ленина, 1', description: 'Контейнеры переполнены' },
      'xml', { 'content-type': 'application/json' });
    expect(res.statusCode).toBe(200);
    const id = /<service_request_id>([^<]+)<\/service_request_id>/.exec(res.body)![1]!;
    expect(t.app.sitroom.store.appeals.get(id)).toMatchObject({ municipality: 'sterlitamak', category: 'waste', lon: null });
  });

  it('answers a retried POST with the same Idempotency-Key with the same request, not a duplicate', async () => {
    const before = count();
    const send = () => post(SPEC_POST.replace('KEY', KEY), 'json', { ...form, 'idempotency-key': 'retry-7f3a' });
    const first = (await send()).json() as { service_request_id: string }[];
    const second = (await send()).json() as { service_request_id: string }[];
    expect(second[0]!.service_request_id).toBe(first[0]!.service_request_id);
    expect(count()).toBe(before + 1);
  });

  it('filters requests by code, status and dates', async () => {
    const all = (await t.app.inject({ url: '/open311/v2/requests.json' })).json() as { service_code: string }[];
    expect(all.length).toBeGreaterThanOrEqual(2);
    const roads = (await t.app.inject({ url: '/open311/v2/requests.json?service_code=roads' })).json() as { service_code: string }[];
    expect(roads.length).toBeGreaterThanOrEqual(1);
    expect(roads.every((r) => r.service_code === 'roads')).toBe(true);
    expect((await t.app.inject({ url: '/open311/v2/requests.json?status=closed' })).json()).toEqual([]);
    expect((await t.app.inject({ url: '/open311/v2/requests.json?end_date=2020-01-01T00:00:00Z' })).json()).toEqual([]);
    const ids = all.slice(0, 2).map((r) => (r as unknown as { service_request_id: string }).service_request_id);
    const byId = (await t.app.inject({ url: `/open311/v2/requests.json?service_request_id=${ids.join(',')}` })).json() as unknown[];
    expect(byId).toHaveLength(2);
  });

  it('refuses bad requests in the spec error format, naming the field, and stores nothing', async () => {
    const before = count();
    const cases: [string | object, number, RegExp, Record<string, string>?][] = [
      [SPEC_POST.replace('api_key=KEY&', ''), 403, /api_key/],
      [SPEC_POST.replace('KEY', 'wrong-key-0123456789'), 403, /api_key/],
      [SPEC_POST.replace('KEY', KEY).replace('service_code=roads', 'service_code=001'), 400, /service_code: unknown service "001"/],
      [SPEC_POST.replace('KEY', KEY).replace('&long=55.9721', ''), 400, /^long: lat and long come together/],
      [SPEC_POST.replace('KEY', KEY).replace('lat=54.7388', 'lat=954.7'), 400, /^lat: expected a number from -90 to 90/],
      [`api_key=${KEY}&service_code=roads`, 400, /^lat: a location is required/],
      [`api_key=${KEY}&service_code=roads&address_string=somewhere+unknown`, 400, /^address_string: /],
      [`api_key=${KEY}&service_code=roads&address_id=12345`, 400, /^address_id: no address registry/],
      ['{"api_key": "x", ', 400, /^body: /, { 'content-type': 'application/json' }],
    ];
    for (const [payload, status, description, headers] of cases) {
      const res = await post(payload, 'json', headers);
      expect(res.statusCode, JSON.stringify(payload).slice(0, 80)).toBe(status);
      const [error] = res.json() as { code: number; description: string }[];
      expect(error!.description).toMatch(description);
    }
    const xml = await post(SPEC_POST, 'xml');
    expect(xml.statusCode).toBe(403);
    expect(xml.body).toMatch(/<errors><error><code>403<\/code><description>api_key/);
    expect((await t.app.inject({ url: '/open311/v2/requests/nope.json' })).statusCode).toBe(404);
    expect((await t.app.inject({ url: '/open311/v2/services.csv' })).statusCode).toBe(404);
    expect(count()).toBe(before);
  });
});
