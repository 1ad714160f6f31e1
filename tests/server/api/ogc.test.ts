// OGC API – Features at /ogc, read by GDAL's OAPIF driver (Debian's gdal-bin, as QGIS reads it) and checked against
// the store: every collection opens as a layer of one geometry type with fixed field types, pages add up to what the
// store holds, bbox and datetime narrow as the standard says, roles are those of the HTTP API, and a layer exports to
// a Shapefile. Also the GIS hygiene of /api: application/geo+json, a geometry choice, real numbers written as reals.
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, adminHeaders, startApp, tempDir, type TestApp } from '../../helpers/app';

const run = promisify(execFile);
let t: TestApp;
const scratch = tempDir();
const headerFile = path.join(scratch.dir, 'headers.txt');
beforeAll(async () => {
  t = await startApp();
  writeFileSync(headerFile, `Authorization: Bearer ${ADMIN}\n`);
  seed();
});
afterAll(async () => { await t.close(); scratch.remove(); });

const HOUR = 3_600_000;
const at = (hoursAgo: number) => new Date(t.clock.now() - hoursAgo * HOUR).toISOString();
const square = (lon: number, lat: number) => ({ type: 'Polygon' as const, coordinates: [[[lon, lat], [lon + 0.05, lat], [lon + 0.05, lat + 0.05], [lon, lat + 0.05], [lon, lat]]] });

function seed(): void {
  const s = t.app.sitroom;
  s.ingest.incidents(Array.from({ length: 7 }, (_, i) => ({
    id: `inc-${i}`, type: 'fire', severity: 'moderate' as const, lon: 55.9 + i * 0.05, lat: 54.7, title: `Пожар ${i}`,
    reportedAt: at(10 - i), ...(i < 2 ? { status: 'resolved' as const, resolvedAt: at(9 - i) } : {}),
    ...(i % 3 === 0 ? { area: square(55.9 + i * 0.05, 54.7) } : {}),
  })), 'test');
  // every speed whole: a tool guessing from values alone would call the column an integer
  s.hub.applyVehicles(Array.from({ length: 5 }, (_, i) => ({ id: `amb-${i}`, callsign: `${100 + i}`, substation: null, lon: 55.9 + i * 0.1,
    lat: 54.7, speedKmh: 40 + i, heading: 90, status: 'en_route' as const, fixAt: t.clock.now() - i * 1000, updatedAt: t.clock.now() })), t.clock.now());
  s.ingest.appeals(Array.from({ length: 25 }, (_, i) => ({ id: `ap-${i}`, channel: 'portal', category: 'roads', lon: 55.95 + (i % 5) * 0.01, lat: 54.73,
    receivedAt: at(i), text: `a resident's text ${i}`, author: 'Иванов Иван' })), 'test');
}

async function ogr(args: string[]): Promise<string> {
  const { stdout } = await run('ogrinfo', ['-ro', ...args], { env: { ...process.env, GDAL_HTTP_HEADER_FILE: headerFile }, timeout: 60_000 });
  return stdout;
}
const get = (url: string, headers: Record<string, string> = adminHeaders()) => t.app.inject({ url, headers });

describe('OGC API – Features through GDAL', () => {
  it('opens every collection as a layer of one geometry type', async () => {
    const out = await ogr([`OAPIF:${t.url}/ogc`]);
    for (const layer of ['incidents', 'incident-areas', 'vehicles', 'container-sites', 'appeals', 'municipalities']) expect(out).toContain(`: ${layer} (`);
    const areas = await ogr(['-so', `OAPIF:${t.url}/ogc`, 'incident-areas']);
    expect(areas).toMatch(/Geometry: Multi Polygon/);
    expect(areas).toMatch(/Feature Count: 3/); // inc-0, inc-3, inc-6
    const points = await ogr(['-so', `OAPIF:${t.url}/ogc`, 'incidents']);
    expect(points).toMatch(/Geometry: Point/);
  });

  it('reads every feature through pages of two, and real fields as reals even when every value is whole', async () => {
    const out = await ogr(['-al', '-oo', 'PAGE_SIZE=2', `OAPIF:${t.url}/ogc`, 'vehicles']);
    expect(out.match(/OGRFeature\(vehicles\)/g)).toHaveLength(5);
    expect(out).toMatch(/speedKmh: Real/);
    expect(out).toMatch(/heading: Real/);
    expect(out).toMatch(/fixAt: DateTime/);
    const incidents = await ogr(['-al', '-oo', 'PAGE_SIZE=3', `OAPIF:${t.url}/ogc`, 'incidents']);
    expect(incidents.match(/OGRFeature\(incidents\)/g)).toHaveLength(t.app.sitroom.store.incidents.live(0).length);
  });

  it('follows the appeals\' cursor pages to every appeal with a point, and never shows text or names', async () => {
    const out = await ogr(['-al', '-oo', 'PAGE_SIZE=10', `OAPIF:${t.url}/ogc`, 'appeals']);
    expect(out.match(/OGRFeature\(appeals\)/g)).toHaveLength(25);
    expect(out).not.toContain('Иванов');
    expect(out).not.toContain("a resident's text");
  });

  it('passes bbox on to the server and exports a layer to a Shapefile', async () => {
    const out = await ogr(['-al', '-spat', '55.85', '54.6', '56.01', '54.8', `OAPIF:${t.url}/ogc`, 'vehicles']);
    expect(out.match(/OGRFeature\(vehicles\)/g)).toHaveLength(2); // amb-0 at 55.9, amb-1 at 56.0
    const shp = path.join(scratch.dir, 'incidents.shp');
    await run('ogr2ogr', ['-f', 'ESRI Shapefile', shp, `OAPIF:${t.url}/ogc`, 'incidents'], { env: { ...process.env, GDAL_HTTP_HEADER_FILE: headerFile } });
    const exported = await ogr(['-so', '-al', shp]);
    expect(exported, exported).toMatch(/Feature Count: 7/);
  });
});

describe('OGC API – Features over HTTP', () => {
  it('has a landing page, conformance, and shows an anonymous caller only the public collection', async () => {
    const landing = (await get('/ogc', {})).json() as { links: { rel: string; href: string }[] };
    expect(landing.links.map((l) => l.rel)).toEqual(expect.arrayContaining(['self', 'service-desc', 'conformance', 'data']));
    expect((await get('/ogc/conformance', {})).json().conformsTo).toContain('http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson');
    const anonymous = (await get('/ogc/collections', {})).json() as { collections: { id: string }[] };
    expect(anonymous.collections.map((c) => c.id)).toEqual(['municipalities']);
    expect((await get('/ogc/collections/vehicles/items', {})).statusCode).toBe(403); // this computer without a token is a screen
    const municipalities = await get('/ogc/collections/municipalities/items?limit=100', {});
    expect(municipalities.headers['content-type']).toMatch(/^application\/geo\+json/);
    expect(municipalities.json().numberReturned).toBe(t.app.sitroom.reference.municipalities.length);
  });

  it('filters by datetime (an interval meets [reportedAt, resolvedAt]) and names a bad parameter', async () => {
    // inc-0 was active from 10 h to 9 h ago, inc-1 from 9 h to 8 h ago; the others are still active
    const window = encodeURIComponent(`${at(9.5)}/${at(9.2)}`);
    const hit = (await get(`/ogc/collections/incidents/items?datetime=${window}`)).json() as { features: { id: string }[] };
    expect(hit.features.map((f) => f.id)).toEqual(['inc-0']);
    const open = (await get(`/ogc/collections/incidents/items?datetime=${encodeURIComponent(`${at(4.5)}/..`)}`)).json() as { numberMatched: number };
    expect(open.numberMatched).toBe(5); // inc-2 … inc-6 are active
    const bad = await get('/ogc/collections/incidents/items?bbox=55,54,56');
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'InvalidParameterValue', field: 'querystring/bbox' });
    expect((await get('/ogc/collections/incidents/items?datetime=yesterday')).json().field).toBe('querystring/datetime');
    expect((await get('/ogc/collections/incidents/items/nope')).statusCode).toBe(404);
    expect((await get('/ogc/collections/weather')).statusCode).toBe(404);
  });
});

describe('GIS hygiene of /api', () => {
  it('serves GeoJSON as application/geo+json, real fields with a decimal point, incidents with one geometry type on request', async () => {
    const vehicles = await get('/api/vehicles');
    expect(vehicles.headers['content-type']).toMatch(/^application\/geo\+json/);
    expect(vehicles.body).toContain('"speedKmh":40.0');
    const points = (await get('/api/incidents?geometry=point')).json() as { features: { geometry: { type: string } }[] };
    expect(new Set(points.features.map((f) => f.geometry.type))).toEqual(new Set(['Point']));
    const areas = (await get('/api/incidents?geometry=area')).json() as { features: { id: string; geometry: { type: string } }[] };
    expect(areas.features.map((f) => f.id).sort()).toEqual(['inc-0', 'inc-3', 'inc-6']);
    expect(new Set(areas.features.map((f) => f.geometry.type))).toEqual(new Set(['Polygon']));
  });
});
