// Hostile values, item 6 of issue 14: ids without control characters, times within 2000-01-01..2100-01-01, XML
// answers that drop what XML forbids. A U+0000 in an id used to be stored and then broke the whole public XML feed;
// year 0000 was accepted (Open311 then printed 1901-01-01T04:02:33+16663828:03), CAP `sent` in year 0000 too.
import Database from 'better-sqlite3';
import path from 'node:path';
import { SaxesParser } from 'saxes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authHeaders, startApp, type TestApp } from '../helpers/app';

let t: TestApp;
beforeAll(async () => { t = await startApp({ env: { SITROOM_OPEN311_PUBLIC: 'all' } }); });
afterAll(async () => { await t.close(); });

const appeal = (over: Record<string, unknown>) => t.app.inject({ method: 'POST', url: '/api/ingest/appeals', headers: authHeaders(),
  payload: { appeals: [{ id: 'a-1', channel: 'pos', category: 'roads', municipality: 'ufa', receivedAt: new Date(t.clock.now()).toISOString(), ...over }] } });
const wellFormed = (xml: string) => { const p = new SaxesParser(); p.write(xml).close(); return true; };

describe('ids', () => {
  it('refuses an id holding U+0000 or another control character, naming the field; nothing is stored', async () => {
    for (const id of ['bad\u0000id', 'tab\tid', 'c1\u0085id']) {
      const res = await appeal({ id });
      expect(res.statusCode, JSON.stringify(id)).toBe(400);
      expect(res.json().field).toBe('body/appeals/0/id');
      expect(t.app.sitroom.store.appeals.get(id)).toBeNull();
    }
    const vehicle = await t.app.inject({ method: 'POST', url: '/api/ingest/positions', headers: authHeaders(),
      payload: { positions: [{ vehicle: 'v\u0000', at: new Date(t.clock.now()).toISOString(), lon: 55.9, lat: 54.7 }] } });
    expect(vehicle.json().field).toBe('body/positions/0/vehicle');
  });

  it('keeps the public XML feed well-formed even over a U+0000 an older database holds', async () => {
    expect((await appeal({ id: 'clean' })).statusCode).toBe(200);
    const db = new Database(path.join(t.dir, 'sitroom.db'));
    // an Open311 request's id is shown as it is: the U+0000 reaches the feed unless the XML writer drops it
    db.prepare("UPDATE appeals SET id = 'old' || char(0) || 'id', source = 'open311:city-app' WHERE id = 'clean'").run();
    db.close();
    const res = await t.app.inject({ url: '/open311/v2/requests.xml' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<service_request_id>oldid</service_request_id>');
    expect(wellFormed(res.body)).toBe(true);
  });
});

describe('times', () => {
  it('refuses year 0000 and year 9999 in ingest, naming the field and the range', async () => {
    for (const receivedAt of ['0000-01-01T00:00:00Z', '9999-12-31T00:00:00Z', -62167219200000]) {
      const res = await appeal({ id: 'old-times', receivedAt });
      expect(res.statusCode, String(receivedAt)).toBe(400);
      expect(res.json().message).toMatch(/appeals\/0\/receivedAt: .*from 2000-01-01 to 2100-01-01/);
    }
    expect(t.app.sitroom.store.appeals.get('old-times')).toBeNull();
  });

  it('refuses year 0000 in an Open311 query and in a CAP alert\'s sent', async () => {
    const q = await t.app.inject({ url: '/open311/v2/requests.json?start_date=0000-01-01T00:00:00Z' });
    expect(q.statusCode).toBe(400);
    expect(q.json()[0].description).toMatch(/start_date: .*2000-01-01/);
    const cap = `<?xml version="1.0" encoding="UTF-8"?><alert xmlns="urn:oasis:names:tc:emergency:cap:1.2"><identifier>X1</identifier>
      <sender>test@example.ru</sender><sent>0000-06-17T14:57:00+05:00</sent><status>Actual</status><msgType>Alert</msgType><scope>Public</scope>
      <info><category>Fire</category><event>Пожар</event><urgency>Immediate</urgency><severity>Severe</severity><certainty>Observed</certainty>
      <area><areaDesc>Уфа</areaDesc></area></info></alert>`;
    const res = await t.app.inject({ method: 'POST', url: '/cap', headers: { ...authHeaders(), 'content-type': 'application/cap+xml' }, payload: cap });
    expect(res.statusCode).toBe(400);
    expect(res.body).toMatch(/alert\/sent/);
  });

  it('refuses an OsmAnd timestamp far out of range instead of failing inside (a 500 before)', async () => {
    const own = await startApp({ listen: false, env: { SITROOM_OSMAND_DEVICES: 'k3v9-team-12-phone=team-12' } });
    try {
      const res = await own.app.inject({ url: '/osmand?id=k3v9-team-12-phone&lat=54.7&lon=55.9&timestamp=99999999999999999' });
      expect(res.statusCode).toBe(400);
      expect(res.json().field).toBe('timestamp');
    } finally { await own.close(); }
  });
});
