// Departmental indicators through the native metrics endpoint: described once (title, unit, thresholds), listed in the
// summary with their newest value and the value 24 hours earlier, idempotent by sample id, inconsistent thresholds refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authHeaders, startApp, type TestApp } from '../../helpers/app';
import type { Summary } from '../../../server/protocol/summary';

let t: TestApp;
beforeAll(async () => { t = await startApp({ listen: false }); });
afterAll(async () => { await t.close(); });

const HOUR = 3600_000;
const post = (metrics: object[]) => t.app.inject({ method: 'POST', url: '/api/ingest/metrics', headers: authHeaders(), payload: { metrics } });
const departmental = async () => {
  t.app.sitroom.jobs.refreshKpi(true);
  return ((await t.app.inject({ url: '/api/summary' })).json() as Summary).departmental;
};

describe('departmental indicators', () => {
  it('lists a pushed indicator with its description, newest value and the value a day earlier', async () => {
    const now = t.clock.now();
    expect((await post([{ key: 'water.pressure_bar', at: now - 25 * HOUR, value: 4.1, unit: 'bar', title_ru: 'Давление в водопроводе',
      title_en: 'Water main pressure', thresholds: { warn: 3, critical: 2, direction: 'below' }, id: 'vodokanal:1' }])).statusCode).toBe(200);
    // later samples need not repeat the description
    expect((await post([{ key: 'water.pressure_bar', at: now - HOUR, value: 2.6, id: 'vodokanal:2' }])).statusCode).toBe(200);
    const [m] = (await departmental()).filter((d) => d.key === 'water.pressure_bar');
    expect(m).toMatchObject({ value: 2.6, at: now - HOUR, unit: 'bar', title_en: 'Water main pressure', warn: 3, critical: 2,
      direction: 'below', dayAgo: { value: 4.1, at: now - 25 * HOUR }, source: 'api:configured-1' });
  });

  it('ignores a re-sent sample id, and keeps the built-in panels\' inputs off the departmental list', async () => {
    const res = await post([{ key: 'water.pressure_bar', at: t.clock.now() - HOUR, value: 9, id: 'vodokanal:2' }]);
    expect(res.json()).toMatchObject({ accepted: 1, created: 0 });
    expect((await departmental()).find((d) => d.key === 'water.pressure_bar')!.value).toBe(2.6);
    await post([{ key: 'hotline.call_wait_s', at: t.clock.now() - HOUR, value: 30, labels: { outcome: 'answered' } }]);
    expect((await departmental()).map((d) => d.key)).toEqual(['water.pressure_bar']);
  });

  it('refuses thresholds the wrong way round and a bad key, naming the field', async () => {
    const wrong = await post([{ key: 'power.load_mw', at: t.clock.now(), value: 10, thresholds: { warn: 100, critical: 50 } }]);
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().field).toBe('metrics/0/thresholds/critical');
    const key = await post([{ key: 'Power Load', at: t.clock.now(), value: 10 }]);
    expect(key.statusCode).toBe(400);
    expect(key.json().field).toBe('body/metrics/0/key');
    expect((await departmental()).some((d) => d.key === 'power.load_mw')).toBe(false);
  });
});
