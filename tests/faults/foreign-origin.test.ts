// The live socket accepts only the app's own origin (and SITROOM_ORIGINS); loopback trust holds only for programs and
// for pages this server served under a loopback name. A page of another site, open in real Chromium on the server's
// own computer, can neither read the live topics nor send anything; a name that merely resolves here (DNS
// rebinding) is not trusted either.
import { createServer, type Server } from 'node:http';
import { io } from 'socket.io-client';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { liveSocketOptions } from '../../server/protocol/socket-parser';
import { UNPAIRED } from '../../server/protocol/walls';
import { ADMIN, startApp, type TestApp } from '../helpers/app';
import { launchBrowser } from '../helpers/browser';
import { freePort } from '../helpers/server-process';

let t: TestApp;
let foreign: Server;
let foreignUrl: string;
let browser: Browser;

beforeAll(async () => {
  t = await startApp({ env: { SITROOM_ORIGINS: 'http://wall.example:8080' } });
  const port = await freePort();
  foreignUrl = `http://127.0.0.1:${port}`;
  const target = t.url.replace('http://', 'ws://');
  // another site's page: it tries the live socket of the server on this computer with the browser's own WebSocket
  foreign = createServer((_req, res) => {
    res.setHeader('content-type', 'text/html');
    res.end(`<!doctype html><script>
      window.result = new Promise((resolve) => {
        const ws = new WebSocket('${target}/socket.io/?EIO=4&transport=websocket');
        const got = [];
        ws.onmessage = (m) => { got.push(String(m.data)); if (String(m.data).startsWith('0')) ws.send('40'); if (got.length >= 2) resolve({ opened: true, got }); };
        ws.onerror = () => resolve({ opened: false, got });
        ws.onclose = () => resolve({ opened: got.length > 0, got });
        setTimeout(() => resolve({ opened: got.length > 0, got }), 5000);
      });
    </script>`);
  }).listen(port, '127.0.0.1');
  browser = await launchBrowser({ turn: false }); // one blank page, no timings: it need not wait for the walls
}, 240_000);
afterAll(async () => {
  await browser?.close();
  foreign?.close();
  await t?.close();
});

function tryConnect(headers: Record<string, string>, token?: string): Promise<'connected' | string> {
  const s = io(t.url, { transports: ['websocket'], forceNew: true, reconnection: false, extraHeaders: headers,
    ...liveSocketOptions(token ? { token } : {}) });
  return new Promise((resolve) => {
    s.once('connect', () => { s.close(); resolve('connected'); });
    s.once('connect_error', (e: Error) => { s.close(); resolve(e.message); });
  });
}

describe('origins', () => {
  it('refuses a page of another site in Chromium on this computer: no live data, nothing sent', async () => {
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    await page.goto(foreignUrl);
    const r = (await page.evaluate(() => (window as unknown as { result: Promise<{ opened: boolean; got: string[] }> }).result));
    expect(r.opened).toBe(false);
    expect(r.got).toEqual([]);
    await ctx.close();
  });

  it('refuses a foreign Origin from any client, even with a valid token', async () => {
    expect(await tryConnect({ Origin: 'http://evil.example' })).not.toBe('connected');
    expect(await tryConnect({ Origin: 'http://evil.example' }, ADMIN)).not.toBe('connected');
  });

  it('trusts a loopback page of its own origin and a program without an Origin; not a rebound name', async () => {
    const host = new URL(t.url).host;
    expect(await tryConnect({ Origin: t.url })).toBe('connected');
    expect(await tryConnect({})).toBe('connected');
    // DNS rebinding: the page's origin and the Host agree, but the name is not this computer's: a token is needed
    expect(await tryConnect({ Origin: 'http://attacker.example:9', Host: 'attacker.example:9' })).toBe(UNPAIRED);
    expect(await tryConnect({ Origin: 'http://attacker.example:9', Host: 'attacker.example:9' }, ADMIN)).toBe('connected');
    expect(host).toMatch(/^127\.0\.0\.1:/);
  });

  it('lets a configured origin in (SITROOM_ORIGINS), without loopback trust: it pairs like any screen', async () => {
    expect(await tryConnect({ Origin: 'http://wall.example:8080' })).toBe(UNPAIRED);
    expect(await tryConnect({ Origin: 'http://wall.example:8080' }, ADMIN)).toBe('connected');
  });
});
