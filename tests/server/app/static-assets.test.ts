// The wall's files as a browser gets them: brotli or gzip copies made at build time (client/build/precompress.ts),
// hashed assets cached for good, pages always revalidated, the map's code in a chunk of its own; with
// SITROOM_STATIC_COMPRESSION=off, plain files and no-cache (the cold-start benchmark's baseline). Real app, real HTTP.
import { get as httpGet, type IncomingHttpHeaders } from 'node:http';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type TestApp } from '../../helpers/app';
import { root } from '../../helpers/server-process';

let t: TestApp;
let plain: TestApp;
beforeAll(async () => { t = await startApp(); plain = await startApp({ env: { SITROOM_STATIC_COMPRESSION: 'off' } }); });
afterAll(async () => { await t.close(); await plain.close(); });

function fetchRaw(url: string, encoding: string): Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    httpGet(url, { headers: { 'accept-encoding': encoding } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    }).on('error', reject);
  });
}
const decode = (r: { headers: IncomingHttpHeaders; body: Buffer }) =>
  (r.headers['content-encoding'] === 'br' ? brotliDecompressSync(r.body) : r.headers['content-encoding'] === 'gzip' ? gunzipSync(r.body) : r.body);
const entryScript = (html: string) => /<script[^>]+src="([^"]+\.js)"/.exec(html)![1]!;

describe('static files', () => {
  it('sends the pre-compressed copy the browser accepts, cached for good, the same bytes once decoded', async () => {
    const page = await fetchRaw(`${t.url}/`, 'br, gzip');
    expect(page.headers['cache-control']).toBe('no-cache');
    const script = entryScript(decode(page).toString());
    const original = readFileSync(path.join(root, 'client/dist', script));
    for (const [accept, encoding] of [['br, gzip, deflate', 'br'], ['gzip', 'gzip'], ['identity', undefined]] as const) {
      const r = await fetchRaw(`${t.url}${script}`, accept);
      expect(r.status).toBe(200);
      expect(r.headers['content-encoding'], accept).toBe(encoding);
      expect(r.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(r.headers['vary']).toMatch(/accept-encoding/i);
      expect(decode(r).equals(original), accept).toBe(true);
      if (encoding) expect(r.body.length).toBeLessThan(original.length / 2.5);
    }
  });

  it('keeps MapLibre and deck.gl out of the entry chunk: the numbers come first', async () => {
    const html = decode(await fetchRaw(`${t.url}/`, 'identity')).toString();
    const entry = readFileSync(path.join(root, 'client/dist', entryScript(html)), 'utf8');
    expect(entry).not.toContain('MapLibreOverlay');
    expect(entry).toMatch(/map-controller-[A-Za-z0-9_-]+\.js/); // loaded on demand
  });

  it('serves plain files with no-cache when compression is off', async () => {
    const html = decode(await fetchRaw(`${plain.url}/`, 'br')).toString();
    const r = await fetchRaw(`${plain.url}${entryScript(html)}`, 'br, gzip');
    expect(r.headers['content-encoding']).toBeUndefined();
    expect(r.headers['cache-control']).toBe('no-cache');
  });
});
