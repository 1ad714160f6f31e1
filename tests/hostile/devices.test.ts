// Hostile input, item 2 of issue 14: only a registered device moves a vehicle, and only the one it is bound to. A fix
// for a known vehicle without a credential used to move it (a simulator team jumped from Agidel to Ufa) and held off
// its real source for 30 minutes; the "unknown device" answer told which ids existed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminHeaders, startApp, type TestApp } from '../helpers/app';
import { loadConfig } from '../../server/config/config';
import { LIMITS } from '../../server/ingest/limits';

let t: TestApp;
beforeAll(async () => { t = await startApp({ env: { SITROOM_OSMAND_DEVICES: 'k3v9-team-12-phone=team-12' } }); });
afterAll(async () => { await t.close(); });

const nowS = () => Math.floor(t.clock.now() / 1000);
const vehicle = (id: string) => t.app.sitroom.hub.vehicle(id);
const fix = (id: string, lat = 54.74, lon = 55.97) => t.app.inject({ url: `/osmand?id=${encodeURIComponent(id)}&lat=${lat}&lon=${lon}&timestamp=${nowS()}` });
const simulate = (id: string, lat: number, lon: number) =>
  t.app.sitroom.ingest.positions([{ vehicle: id, at: new Date(t.clock.now()).toISOString(), lon, lat, status: 'free' }], 'simulator');

describe('positions only from devices that may send them', () => {
  it('refuses a fix without a credential for a vehicle the system knows; the simulator keeps moving it', async () => {
    simulate('team-3', 55.7, 54.4); // Agidel
    const res = await fix('team-3');
    expect(res.statusCode).toBe(400);
    expect(vehicle('team-3')).toMatchObject({ lat: 55.7, lon: 54.4 });
    t.clock.advance(1000);
    simulate('team-3', 55.71, 54.41);
    expect(vehicle('team-3')).toMatchObject({ lat: 55.71 });
  });

  it('answers the same for an id that names a vehicle and for one that names nothing', async () => {
    const known = await fix('team-3'), unknown = await fix('no-such-thing');
    expect(known.statusCode).toBe(unknown.statusCode);
    expect(known.json().message).toBe(unknown.json().message);
    expect(known.json().message).not.toContain('team-3');
  });

  it('moves the bound vehicle for a registered device, and only that vehicle', async () => {
    simulate('team-12', 54.5, 56.1);
    expect((await fix('k3v9-team-12-phone', 54.74, 55.97)).statusCode).toBe(200);
    expect(vehicle('team-12')).toMatchObject({ lat: 54.74, lon: 55.97 });
    // the device id is not a vehicle: nothing was created under it
    expect(vehicle('k3v9-team-12-phone')).toBeUndefined();
  });

  it('lets an admin register a device (its id drawn by the server, shown once) and revoke it', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/admin/devices', headers: adminHeaders(), payload: { vehicle: 'team-40', label: 'tablet of team 40' } });
    expect(res.statusCode, res.body).toBe(201);
    const { device, id } = res.json() as { device: string; id: string };
    expect(device.length).toBeGreaterThanOrEqual(20);
    expect((await fix(device)).statusCode).toBe(200);
    expect(vehicle('team-40')).toMatchObject({ lat: 54.74 });
    const list = await t.app.inject({ url: '/api/admin/devices', headers: adminHeaders() });
    expect(list.body).not.toContain(device);
    expect(list.body).not.toContain('k3v9-team-12-phone');
    expect((await t.app.inject({ method: 'DELETE', url: `/api/admin/devices/${id}`, headers: adminHeaders() })).statusCode).toBe(200);
    expect((await fix(device)).statusCode).toBe(400);
    const short = await t.app.inject({ method: 'POST', url: '/api/admin/devices', headers: adminHeaders(), payload: { vehicle: 'team-41', device: '123456' } });
    expect(short.statusCode).toBe(400);
    expect(short.json().field).toBe('body/device');
  });

  it('never shows a device id on public or screen endpoints', async () => {
    for (const url of ['/api/vehicles', '/api/summary']) {
      const res = await t.app.inject({ url, headers: adminHeaders() });
      expect(res.body, url).not.toContain('k3v9-team-12-phone');
    }
  });

  it('refuses SITROOM_OSMAND_DEVICES entries that would make the vehicle id the credential', () => {
    expect(() => loadConfig({ SITROOM_OSMAND_DEVICES: 'amb-17' })).toThrow(/SITROOM_OSMAND_DEVICES: "amb-17" names no vehicle/);
    expect(() => loadConfig({ SITROOM_OSMAND_DEVICES: 'short=amb-17' })).toThrow(/SITROOM_OSMAND_DEVICES/);
  });
});

describe('auto-registration and networks', () => {
  it(`registers new devices onto vehicles of their own, at most ${LIMITS.autoRegisteredDevices}, never onto one that exists`, async () => {
    const own = await startApp({ listen: false, env: { SITROOM_OSMAND_AUTOREGISTER: 'on' } });
    try {
      own.app.sitroom.ingest.positions([{ vehicle: 'team-7', at: new Date(own.clock.now()).toISOString(), lon: 54.4, lat: 55.7 }], 'simulator');
      const send = (id: string) => own.app.inject({ url: `/osmand?id=${id}&lat=54.74&lon=55.97&timestamp=${Math.floor(own.clock.now() / 1000)}` });
      expect((await send('team-7')).statusCode).toBe(200);
      expect(own.app.sitroom.hub.vehicle('team-7')).toMatchObject({ lat: 55.7 });
      for (let k = 1; k < LIMITS.autoRegisteredDevices; k++) expect((await send(`phone-${k}`)).statusCode).toBe(200);
      expect((await send('one-too-many')).statusCode).toBe(400);
      const trackers = own.app.sitroom.hub.vehicles().filter((v) => v.id.startsWith('trk-'));
      expect(trackers).toHaveLength(LIMITS.autoRegisteredDevices);
    } finally { await own.close(); }
  });

  it('refuses fixes from outside SITROOM_OSMAND_NETWORKS', async () => {
    const own = await startApp({ listen: false, env: { SITROOM_OSMAND_DEVICES: 'k3v9-team-12-phone=team-12', SITROOM_OSMAND_NETWORKS: '10.0.0.0/8' } });
    try {
      const url = `/osmand?id=k3v9-team-12-phone&lat=54.74&lon=55.97&timestamp=${Math.floor(own.clock.now() / 1000)}`;
      expect((await own.app.inject({ url, remoteAddress: '192.168.1.5' })).statusCode).toBe(403);
      expect((await own.app.inject({ url, remoteAddress: '10.1.2.3' })).statusCode).toBe(200);
    } finally { await own.close(); }
  });
});
