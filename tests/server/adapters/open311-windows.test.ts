// Open311 date windows (issue 16, item 1): requests.json?start_date=&end_date= used to take the 1,000 newest requests
// since start_date and filter by end_date afterwards, so a window in the past came back empty (a day with 721 requests
// in the database answered []). Now every window and filter is answered in full, newest first, 1,000 a page; the same
// window works for /api/appeals. Counted against the store.
import Database from 'better-sqlite3';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminHeaders, authHeaders, startApp, type TestApp } from '../../helpers/app';

const HOUR = 3_600_000;
let t: TestApp;
let day1: number; // the start of a past window: 24 hours holding 1,800 requests
beforeAll(async () => {
  t = await startApp({ listen: false, env: { SITROOM_OPEN311_PUBLIC: 'all' } });
  day1 = t.clock.now() - 5 * 24 * HOUR;
  // 3,000 requests spread over 4.5 days from six days ago, a quarter of them closed, a third about waste
  const spread = Array.from({ length: 3000 }, (_, k) => ({ id: `w-${k}`, channel: 'pos', category: k % 3 ? 'roads' : 'waste', municipality: 'ufa',
    receivedAt: new Date(day1 - 24 * HOUR + Math.floor((k * 4.5 * 24 * HOUR) / 3000)).toISOString(), ...(k % 4 === 0 ? { status: 'closed' as const } : {}) }));
  const res = await t.app.inject({ method: 'POST', url: '/api/ingest/appeals', headers: authHeaders(), payload: { appeals: spread } });
  expect(res.statusCode, res.body).toBe(200);
});
afterAll(async () => { await t.close(); });

const count = (from: number, to: number, extra = '') => {
  const db = new Database(path.join(t.dir, 'sitroom.db'), { readonly: true });
  const n = (db.prepare(`SELECT count(*) AS n FROM appeals WHERE received_at >= ? AND received_at <= ? ${extra}`).get(from, to) as { n: number }).n;
  db.close();
  return n;
};
const iso = (ms: number) => new Date(ms).toISOString();
const get = async (q: string) => (await t.app.inject({ url: `/open311/v2/requests.json?${q}` })).json() as { service_request_id: string; requested_datetime: string; status: string }[];

describe('Open311 windows', () => {
  it('answers a window in the past in full, page by page, newest first', async () => {
    const [from, to] = [day1, day1 + 24 * HOUR];
    const expected = count(from, to);
    expect(expected).toBeGreaterThan(600);
    const pages: { service_request_id: string; requested_datetime: string }[][] = [];
    for (let page = 1; page <= 3; page++) pages.push(await get(`start_date=${iso(from)}&end_date=${iso(to)}&page=${page}`));
    expect(pages[0]!.length).toBe(Math.min(1000, expected));
    const all = pages.flat();
    expect(all).toHaveLength(expected);
    expect(new Set(all.map((r) => r.service_request_id)).size).toBe(expected);
    const times = all.map((r) => Date.parse(r.requested_datetime));
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it('applies status and service_code inside the window', async () => {
    const [from, to] = [day1, day1 + 24 * HOUR];
    expect((await get(`start_date=${iso(from)}&end_date=${iso(to)}&status=closed`)).length).toBe(count(from, to, "AND status = 'closed'"));
    expect((await get(`start_date=${iso(from)}&end_date=${iso(to)}&service_code=waste`)).length).toBe(count(from, to, "AND category = 'waste'"));
  });

  it('takes the same window at /api/appeals', async () => {
    const [from, to] = [day1, day1 + 6 * HOUR];
    const res = await t.app.inject({ url: `/api/appeals?since=${iso(from)}&until=${iso(to)}&limit=1000`, headers: adminHeaders() });
    expect((res.json() as { items: unknown[] }).items).toHaveLength(count(from, to));
  });
});
