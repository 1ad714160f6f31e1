// Hostile reading, item 3 of issue 14: the key-less Open311 list publishes what a city would publish. It used to list
// appeals of every channel with exact points and producers' ids (a phone number used as an id came back as the id).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authHeaders, startApp, type TestApp } from '../helpers/app';

const PHONE_ID = '+79001234567';
const at = (t: TestApp) => new Date(t.clock.now() - 3_600_000).toISOString();

async function seed(t: TestApp): Promise<string> {
  const res = await t.app.inject({ method: 'POST', url: '/api/ingest/appeals', headers: authHeaders(), payload: { appeals: [
    { id: PHONE_ID, channel: 'hotline', category: 'roads', lon: 55.97213, lat: 54.73881, receivedAt: at(t), author: 'Иванов', contact: PHONE_ID },
  ] } });
  expect(res.statusCode, res.body).toBe(200);
  const posted = await t.app.inject({ method: 'POST', url: '/open311/v2/requests.json', headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: 'api_key=test-ingest-key-0123456789&service_code=roads&lat=54.73881&long=55.97213&first_name=Ivan&phone=%2B79005554433' });
  expect(posted.statusCode, posted.body).toBe(200);
  return (posted.json() as { service_request_id: string }[])[0]!.service_request_id;
}
const list = async (t: TestApp) => (await t.app.inject({ url: '/open311/v2/requests.json' }));

describe('the public Open311 list', () => {
  let t: TestApp;
  beforeAll(async () => { t = await startApp(); });
  afterAll(async () => { await t.close(); });

  it('by default lists only requests that came in through Open311, points rounded, no personal data', async () => {
    const id = await seed(t);
    const res = await list(t);
    const rows = res.json() as Record<string, unknown>[];
    expect(rows.map((r) => r['service_request_id'])).toEqual([id]);
    expect(rows[0]).toMatchObject({ lat: 54.739, long: 55.972 });
    expect(res.body).not.toContain(PHONE_ID);
    expect(res.body).not.toContain('5554433');
    expect(res.body).not.toMatch(/Ivan|Иванов/);
  });

  it('does not confirm that another channel\'s appeal exists, by its id or in the id filter', async () => {
    expect((await t.app.inject({ url: `/open311/v2/requests/${encodeURIComponent(PHONE_ID)}.json` })).statusCode).toBe(404);
    const filtered = await t.app.inject({ url: `/open311/v2/requests.json?service_request_id=${encodeURIComponent(PHONE_ID)}` });
    expect(filtered.json()).toEqual([]);
  });
});

describe('SITROOM_OPEN311_PUBLIC', () => {
  it('all: every channel, under ids that say nothing about the resident and can be looked up again', async () => {
    const t = await startApp({ env: { SITROOM_OPEN311_PUBLIC: 'all' } });
    try {
      await seed(t);
      const res = await list(t);
      expect(res.body).not.toContain('79001234567');
      const rows = res.json() as { service_request_id: string; lat: number }[];
      expect(rows).toHaveLength(2);
      const hidden = rows.find((r) => r.service_request_id.startsWith('r-'))!;
      const again = await t.app.inject({ url: `/open311/v2/requests/${hidden.service_request_id}.json` });
      expect(again.statusCode).toBe(200);
      expect(again.json()[0].service_request_id).toBe(hidden.service_request_id);
      // a tampered id finds nothing
      const forged = hidden.service_request_id.slice(0, -2) + (hidden.service_request_id.endsWith('A') ? 'BB' : 'AA');
      expect((await t.app.inject({ url: `/open311/v2/requests/${forged}.json` })).statusCode).toBe(404);
    } finally { await t.close(); }
  });

  it('off: the list and single requests answer 403 in the spec\'s error format; posting still works', async () => {
    const t = await startApp({ env: { SITROOM_OPEN311_PUBLIC: 'off' } });
    try {
      await seed(t);
      const res = await list(t);
      expect(res.statusCode).toBe(403);
      expect(res.json()).toEqual([{ code: 403, description: expect.stringContaining('SITROOM_OPEN311_PUBLIC=off') }]);
    } finally { await t.close(); }
  });
});
