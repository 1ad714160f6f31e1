// Hostile pairing, item 4 of issue 14: the 100 pending codes used to be one global cap while the rate limit was per
// address, so one client filling it at a slow pace left every new screen with 409; behind a reverse proxy every
// client shared one address (X-Forwarded-For was not read). Codes are now limited per address, the address is read
// through trusted proxies only, and a forwarded request never counts as this computer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminHeaders, startApp, type TestApp } from '../helpers/app';
import { LIMITS } from '../../server/ingest/limits';

const pair = (t: TestApp, remoteAddress: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url: '/api/pairing', remoteAddress, headers });
const pending = async (t: TestApp) =>
  (await t.app.inject({ url: '/api/pairing/pending', headers: adminHeaders() })).json() as { code: string; address: string }[];

describe('pending codes', () => {
  let t: TestApp;
  beforeAll(async () => { t = await startApp(); });
  afterAll(async () => { await t.close(); });

  it('one address holds at most its share: its oldest codes make room, and other screens still get codes', async () => {
    const first = (await pair(t, '10.0.0.66')).json() as { code: string };
    for (let k = 0; k < 25; k++) expect((await pair(t, '10.0.0.66')).statusCode).toBe(201);
    const mine = (await pending(t)).filter((p) => p.address === '10.0.0.66');
    expect(mine).toHaveLength(LIMITS.pendingPairingsPerAddress);
    expect(mine.map((p) => p.code)).not.toContain(first.code);
    const other = await pair(t, '10.0.0.77');
    expect(other.statusCode).toBe(201);
  });

  it('reads X-Forwarded-For only from a trusted proxy: an untrusted client cannot pose as many addresses', async () => {
    for (let k = 0; k < 3; k++) await pair(t, '10.0.0.88', { 'x-forwarded-for': `192.0.2.${k}` });
    const addresses = (await pending(t)).map((p) => p.address);
    expect(addresses).toContain('10.0.0.88');
    expect(addresses.some((a) => a.startsWith('192.0.2.'))).toBe(false);
  });
});

describe('behind a reverse proxy (SITROOM_TRUST_PROXY)', () => {
  it('counts each client by its own address', async () => {
    const t = await startApp({ env: { SITROOM_TRUST_PROXY: '127.0.0.1' } });
    try {
      for (let k = 0; k < 3; k++) expect((await pair(t, '127.0.0.1', { 'x-forwarded-for': `192.0.2.${k}` })).statusCode).toBe(201);
      expect((await pending(t)).map((p) => p.address).sort()).toEqual(['192.0.2.0', '192.0.2.1', '192.0.2.2']);
    } finally { await t.close(); }
  });

  it('never takes a forwarded request for a browser on this computer', async () => {
    const t = await startApp();
    try {
      const direct = await t.app.inject({ url: '/api/auth/me', remoteAddress: '127.0.0.1' });
      expect(direct.json()).toMatchObject({ via: 'loopback' });
      // a reverse proxy on this host that is not declared: its clients are not trusted as local screens
      const forwarded = await t.app.inject({ url: '/api/auth/me', remoteAddress: '127.0.0.1', headers: { 'x-forwarded-for': '203.0.113.9' } });
      expect(forwarded.statusCode).toBe(401);
    } finally { await t.close(); }
  });
});
