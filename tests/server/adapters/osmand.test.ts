// OsmAnd / Traccar Client: both shapes of the protocol, known and unknown devices, the separate port, and a device
// taking its team over from the simulator.
import Database from 'better-sqlite3';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, tempDir, type TestApp, adminHeaders } from '../../helpers/app';
import { freePort, startServer, stopServer } from '../../helpers/server-process';

let t: TestApp;
beforeAll(async () => { t = await startApp({ env: { SITROOM_OSMAND_DEVICES: 'amb-17-tracker=amb-17,amb-18-tracker=amb-18:kmh,amb-19-tracker=amb-19,team-7-tracker=team-7' } }); });
afterAll(async () => { await t.close(); });

const vehicle = (id: string) => t.app.sitroom.hub.vehicle(id);
const nowS = () => Math.floor(t.clock.now() / 1000);

describe('OsmAnd protocol', () => {
  it('has its own listener app for Traccar Client\'s port, which a test can inject into without a socket', async () => {
    const own = await startApp({ listen: false, env: { SITROOM_OSMAND_PORT: '5999', SITROOM_OSMAND_DEVICES: 'amb-55-tracker=amb-55' } });
    try {
      const listener = own.app.sitroom.osmand!;
      expect(listener).not.toBeNull();
      const res = await listener.inject({ url: `/?id=amb-55-tracker&lat=54.7&lon=55.9&timestamp=${Math.floor(own.clock.now() / 1000) - 1}` });
      expect(res.statusCode).toBe(200);
      expect(own.app.sitroom.hub.vehicle('amb-55')).toMatchObject({ lat: 54.7, lon: 55.9 });
      expect((await listener.inject({ url: '/?id=nobody&lat=54.7&lon=55.9' })).statusCode).toBe(400);
    } finally {
      await own.close();
    }
  });

  it('takes the query variant Traccar documents (id, lat, lon, timestamp, speed in knots, bearing)', async () => {
    // the OsmAnd request shape of the Traccar documentation (https://www.traccar.org/osmand/):
    // /?id=123456&lat={0}&lon={1}&timestamp={2}&hdop={3}&altitude={4}&speed={5}, with a device of ours and a point in Ufa
    const res = await t.app.inject({ url: `/osmand?id=amb-17-tracker&lat=54.7355&lon=55.9587&timestamp=${nowS() - 2}&hdop=0.9&altitude=150&speed=10&bearing=90` });
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe('');
    expect(vehicle('amb-17')).toMatchObject({ lat: 54.7355, lon: 55.9587, heading: 90, fixAt: (nowS() - 2) * 1000 });
    expect(vehicle('amb-17')!.speedKmh).toBeCloseTo(18.52, 2);
  });

  it('reads every timestamp form, location=lat,lon, form bodies and a per-device speed unit', async () => {
    const ms = t.clock.now() - 1000;
    const forms = [String(ms), new Date(ms).toISOString(), new Date(ms).toISOString().replace('T', ' ').slice(0, 19)];
    for (const ts of forms) {
      const res = await t.app.inject({ url: `/osmand?deviceid=amb-18-tracker&location=54.70,55.90&timestamp=${encodeURIComponent(ts)}&speed=36` });
      expect(res.statusCode, ts).toBe(200);
      expect(vehicle('amb-18')!.fixAt, ts).toBe(Math.floor(ms / 1000) * 1000 + (ts === String(ms) ? ms % 1000 : 0));
    }
    expect(vehicle('amb-18')).toMatchObject({ lat: 54.7, lon: 55.9, speedKmh: 36 }); // amb-18 reports km/h
    const form = await t.app.inject({ method: 'POST', url: '/osmand', headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: `id=amb-19-tracker&lat=54.6&lon=55.8&timestamp=${nowS()}&heading=45` });
    expect(form.statusCode).toBe(200);
    expect(vehicle('amb-19')).toMatchObject({ lat: 54.6, lon: 55.8, heading: 45 });
  });

  it('takes the JSON of Traccar Client 9+, negative values meaning unknown', async () => {
    // the location object Traccar Client 9 posts (its transistorsoft background-geolocation shape), trimmed
    const body = { device_id: 'amb-17-tracker', location: { timestamp: new Date(t.clock.now()).toISOString(), is_moving: true, event: 'motionchange',
      coords: { latitude: 54.74, longitude: 55.97, speed: -1, heading: -1, accuracy: 4.8, altitude: 160 }, battery: { level: 0.62, is_charging: false },
      extras: {} } };
    const res = await t.app.inject({ method: 'POST', url: '/osmand', payload: body });
    expect(res.statusCode).toBe(200);
    expect(vehicle('amb-17')).toMatchObject({ lat: 54.74, lon: 55.97, speedKmh: null });
    const moving = { ...body, location: { ...body.location, coords: { ...body.location.coords, speed: 10, heading: 180 } } };
    expect((await t.app.inject({ method: 'POST', url: '/osmand', payload: moving })).statusCode).toBe(200);
    expect(vehicle('amb-17')).toMatchObject({ speedKmh: 36, heading: 180 });
  });

  it('keeps everything else a device reports as the position\'s attributes', async () => {
    const attributes = () => {
      const db = new Database(path.join(t.dir, 'sitroom.db'), { readonly: true });
      const row = db.prepare("SELECT attributes FROM positions WHERE vehicle = 'amb-19' ORDER BY rowid DESC LIMIT 1").get() as { attributes: string | null };
      db.close();
      return JSON.parse(row.attributes ?? 'null') as Record<string, unknown> | null;
    };
    await t.app.inject({ url: `/osmand?id=amb-19-tracker&lat=54.6&lon=55.8&timestamp=${nowS()}&batt=87&charge=true&hdop=1.2&driverUniqueId=D-42&altitude=150` });
    expect(attributes()).toEqual({ batt: 87, charge: true, hdop: 1.2, driverUniqueId: 'D-42', altitude: 150 });
    const json = { device_id: 'amb-19-tracker', location: { timestamp: new Date(t.clock.now()).toISOString(), is_moving: false, event: 'heartbeat',
      coords: { latitude: 54.6, longitude: 55.8, altitude: -1 }, battery: { level: 0.5, is_charging: true }, extras: { shift: 'night' } } };
    await t.app.inject({ method: 'POST', url: '/osmand', payload: json });
    expect(attributes()).toEqual({ batt: 50, charge: true, motion: false, event: 'heartbeat', shift: 'night' });
  });

  it('stores a re-sent fix (same device, same time) once', async () => {
    const rows = () => {
      const db = new Database(path.join(t.dir, 'sitroom.db'), { readonly: true });
      const n = (db.prepare("SELECT count(*) AS n FROM positions WHERE vehicle = 'amb-18'").get() as { n: number }).n;
      db.close();
      return n;
    };
    const before = rows();
    const fix = `/osmand?id=amb-18-tracker&lat=54.71&lon=55.91&timestamp=${nowS() - 30}`;
    for (let k = 0; k < 3; k++) expect((await t.app.inject({ url: fix })).statusCode).toBe(200);
    expect(rows()).toBe(before + 1);
  });

  it('refuses unknown devices and bad fixes naming the field, storing nothing', async () => {
    const q = await t.app.inject({ url: `/osmand?id=stranger&lat=54.7&lon=55.9&timestamp=${nowS()}` });
    expect(q.statusCode).toBe(400);
    expect(q.json()).toMatchObject({ field: 'id', message: expect.stringMatching(/not registered/) });
    const j = await t.app.inject({ method: 'POST', url: '/osmand', payload: { device_id: 'stranger', location: { timestamp: t.clock.now(), coords: { latitude: 54.7, longitude: 55.9 } } } });
    expect(j.statusCode).toBe(404);
    expect(vehicle('stranger')).toBeUndefined();
    const cases: [string, string][] = [
      ['/osmand?lat=54.7&lon=55.9', 'id'], ['/osmand?id=amb-17-tracker&lat=954.7&lon=55.9', 'lat'], ['/osmand?id=amb-17-tracker&lat=54.7', 'lon'],
      ['/osmand?id=amb-17-tracker&lat=54.7&lon=55.9&timestamp=yesterday', 'timestamp'], ['/osmand?id=amb-17-tracker&lat=abc&lon=55.9', 'lat'],
    ];
    const before = vehicle('amb-17')!.fixAt;
    for (const [url, field] of cases) {
      const res = await t.app.inject({ url });
      expect(res.statusCode, url).toBe(400);
      expect(res.json().field, url).toBe(field);
    }
    expect(vehicle('amb-17')!.fixAt).toBe(before);
  });

  it('accepts a report without a position (cell towers or Wi-Fi only) as heard: the place and fix time stay', async () => {
    t.clock.advance(60_000); // after every fix the other tests sent
    const fixAt = (nowS() - 30) * 1000;
    expect((await t.app.inject({ url: `/osmand?id=amb-19-tracker&lat=54.61&lon=55.81&timestamp=${fixAt / 1000}` })).statusCode).toBe(200);
    const heardQuery = nowS() - 10;
    // the OsmAnd query shape a tracker sends with network data only: no lat, no lon
    const q = await t.app.inject({ url: `/osmand?id=amb-19-tracker&timestamp=${heardQuery}&cell=250,1,7701,12345&wifi=aa:bb:cc:dd:ee:ff,-60&batt=71` });
    expect(q.statusCode).toBe(200);
    expect(vehicle('amb-19')).toMatchObject({ lat: 54.61, lon: 55.81, fixAt });
    const heardAt = () => new Database(path.join(t.dir, 'sitroom.db'), { readonly: true })
      .prepare<[string], { heard_at: number; fix_at: number }>('SELECT heard_at, fix_at FROM vehicles WHERE id = ?').get('amb-19');
    expect(heardAt()).toEqual({ heard_at: heardQuery * 1000, fix_at: fixAt });
    // Traccar Client's JSON with a location object but no coordinates
    const jsonAt = t.clock.now() - 5000;
    const j = await t.app.inject({ method: 'POST', url: '/osmand', payload: { device_id: 'amb-19-tracker', location: { timestamp: new Date(jsonAt).toISOString(), battery: { level: 0.7 } } } });
    expect(j.statusCode).toBe(200);
    expect(heardAt()).toEqual({ heard_at: jsonAt, fix_at: fixAt });
    const listed = (await t.app.inject({ url: '/api/vehicles', headers: adminHeaders() })).json() as { features: { id: string; properties: { heardAt: string; fixAt: string } }[] };
    expect(listed.features.find((f) => f.id === 'amb-19')!.properties).toMatchObject({ heardAt: new Date(jsonAt).toISOString(), fixAt: new Date(fixAt).toISOString() });
    // an older fix arriving late does not move the heard time back
    expect((await t.app.inject({ url: `/osmand?id=amb-19-tracker&lat=54.62&lon=55.82&timestamp=${fixAt / 1000 + 1}` })).statusCode).toBe(200);
    expect(heardAt()!.heard_at).toBe(jsonAt);
    const devices = (await t.app.inject({ url: '/api/admin/devices', headers: adminHeaders() })).json() as { vehicle: string; lastHeardAt: number | null }[];
    expect(devices.find((d) => d.vehicle === 'amb-19')!.lastHeardAt).not.toBeNull();
    // half a position is still refused
    expect((await t.app.inject({ url: `/osmand?id=amb-19-tracker&lat=54.6&timestamp=${nowS()}` })).json().field).toBe('lon');
  });

  it('takes a team over from the simulator once its device reports', async () => {
    const at = new Date(t.clock.now()).toISOString();
    t.app.sitroom.ingest.positions([{ vehicle: 'team-7', at, lon: 56.0, lat: 54.8, status: 'free' }], 'simulator');
    expect((await t.app.inject({ url: `/osmand?id=team-7-tracker&lat=54.75&lon=55.95&timestamp=${nowS()}` })).statusCode).toBe(200);
    t.clock.advance(5000);
    t.app.sitroom.ingest.positions([{ vehicle: 'team-7', at: new Date(t.clock.now()).toISOString(), lon: 56.1, lat: 54.9, status: 'en_route' }], 'simulator');
    expect(vehicle('team-7')).toMatchObject({ lat: 54.75, lon: 55.95 });
  });
});

describe('the OsmAnd port Traccar Client expects', () => {
  it('serves / on SITROOM_OSMAND_PORT, auto-registering devices when asked', async () => {
    const dir = tempDir();
    const [port, osmandPort] = [await freePort(), await freePort()];
    const server = await startServer(dir.dir, port, { SITROOM_OSMAND_PORT: String(osmandPort), SITROOM_OSMAND_AUTOREGISTER: 'on' });
    try {
      const res = await fetch(`http://127.0.0.1:${osmandPort}/?id=phone-1&lat=54.73&lon=55.95&timestamp=${Math.floor(Date.now() / 1000)}`);
      expect(res.status).toBe(200);
      const vehicles = await (await fetch(`http://127.0.0.1:${port}/api/vehicles`, { headers: adminHeaders() })).json() as { features: { id: string }[] };
      // a vehicle of its own, named after the device id's hash: the id (its credential) is never shown
      expect(vehicles.features.filter((f) => f.id.startsWith('trk-'))).toHaveLength(1);
      expect(JSON.stringify(vehicles)).not.toContain('phone-1');
    } finally {
      await stopServer(server);
      dir.remove();
    }
  });
});
