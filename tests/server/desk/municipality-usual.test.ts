// A municipality card's appeals by channel and category against their usual range, recomputed here from what was
// stored: the same weekday, up to this time of day, in this municipality only. Appeals later in those days and in
// another municipality must not count; today's spike in one channel and one category is marked, the rest is not.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminHeaders, startApp, type TestApp } from '../../helpers/app';

let t: TestApp;
beforeAll(async () => { t = await startApp(); seed(); });
afterAll(async () => { await t.close(); });

const HOUR = 3_600_000, WEEK = 7 * 24 * HOUR;
// the test clock is Monday 2026-11-23 09:00Z, 14:00 in Ufa (UTC+5): local 10:00 is 4 hours back, 16:00 2 hours ahead
const localTen = () => t.clock.now() - 4 * HOUR;

function seed(): void {
  const appeal = (id: string, at: number, channel: string, category: string, municipality = 'ufa') =>
    ({ id, channel, category, municipality, lon: 55.96, lat: 54.74, receivedAt: new Date(at).toISOString(), text: 'x' });
  const items = [];
  for (let k = 1; k <= 10; k++) {
    const ten = localTen() - k * WEEK;
    for (let i = 0; i < 4; i++) items.push(appeal(`w${k}-portal-${i}`, ten + i * 60_000, 'portal', 'roads'));
    for (let i = 0; i < 2; i++) items.push(appeal(`w${k}-social-${i}`, ten + HOUR + i * 60_000, 'social', 'housing_utilities'));
    // after this time of day: not in the usual stretch
    for (let i = 0; i < 3; i++) items.push(appeal(`w${k}-late-${i}`, ten + 6 * HOUR + i * 60_000, 'portal', 'roads'));
    // another municipality
    for (let i = 0; i < 5; i++) items.push(appeal(`w${k}-sibay-${i}`, ten + i * 60_000, 'portal', 'roads', 'sibay'));
  }
  for (let i = 0; i < 12; i++) items.push(appeal(`today-portal-${i}`, localTen() + i * 60_000, 'portal', 'roads'));
  for (let i = 0; i < 2; i++) items.push(appeal(`today-social-${i}`, localTen() + HOUR + i * 60_000, 'social', 'housing_utilities'));
  t.app.sitroom.ingest.appeals(items, 'test');
}

interface Row { id: string; today: number; usual: { usual: number; low: number; high: number; weeks: number; flag: string | null } | null }

describe("a municipality's appeals against their usual range", () => {
  it('counts today and the usual stretch of ordinary same weekdays, in this municipality only, and marks the spike', async () => {
    const r = await t.app.inject({ url: '/api/cards/municipality/ufa', headers: adminHeaders() });
    expect(r.statusCode, r.body).toBe(200);
    const { byChannel, byCategory } = r.json().appeals as { byChannel: Row[]; byCategory: Row[] };
    const of = (rows: Row[], id: string) => rows.find((x) => x.id === id)!;
    // every channel is listed, the quiet ones with zero
    expect(byChannel.length).toBeGreaterThanOrEqual(4);
    expect(of(byChannel, 'portal')).toMatchObject({ today: 12, usual: { usual: 4, low: 4, high: 4, flag: 'above' } });
    expect(of(byChannel, 'social')).toMatchObject({ today: 2, usual: { usual: 2, low: 2, high: 2, flag: null } });
    expect(of(byChannel, 'portal').usual!.weeks).toBeGreaterThanOrEqual(3);
    expect(of(byChannel, 'portal').usual!.weeks).toBeLessThanOrEqual(6);
    // categories: those with appeals today or usually, most today first
    expect(byCategory.map((x) => x.id)).toEqual(['roads', 'housing_utilities']);
    expect(of(byCategory, 'roads')).toMatchObject({ today: 12, usual: { usual: 4, flag: 'above' } });
    // a municipality with no appeals today: its usual is there, nothing is marked below noise
    const sibay = (await t.app.inject({ url: '/api/cards/municipality/sibay', headers: adminHeaders() })).json().appeals as { byChannel: Row[] };
    expect(of(sibay.byChannel, 'portal')).toMatchObject({ today: 0, usual: { usual: 5, flag: 'below' } });
  });
});
