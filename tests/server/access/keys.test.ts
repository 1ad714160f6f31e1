// Producers' keys (configured, created by an admin, revoked), the admin token, the per-key rate limit and body limits,
// against the real app on a real SQLite file.
import Database from 'better-sqlite3';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KEY, startApp, type TestApp } from '../../helpers/app';

const ADMIN = 'test-admin-token-0123456789';
let t: TestApp;
beforeAll(async () => {
  t = await startApp({ listen: false, env: { SITROOM_ADMIN_TOKEN: ADMIN, SITROOM_INGEST_KEYS: `city-portal=${KEY}`,
    SITROOM_RATE_LIMIT: '5', SITROOM_BODY_LIMIT_MB: '0.1' } });
});
afterAll(async () => { await t.close(); });

const appeal = (id: string) => ({ id, channel: 'social', category: 'roads', municipality: 'ufa',
  receivedAt: new Date(t.clock.now() - 60_000).toISOString() });
const post = (key: string | null, ids: string[]) => t.app.inject({ method: 'POST', url: '/api/ingest/appeals',
  headers: key ? { authorization: `Bearer ${key}` } : {}, payload: { appeals: ids.map(appeal) } });
const admin = (method: 'GET' | 'POST' | 'DELETE', url: string, payload?: object, token = ADMIN) =>
  t.app.inject({ method, url, headers: { authorization: `Bearer ${token}` }, ...(payload ? { payload } : {}) });

describe("producers' keys", () => {
  it('keeps only hashes: neither the configured key nor a created one is in the database file', async () => {
    const created = await admin('POST', '/api/admin/keys', { name: 'fire-service CAP' });
    expect(created.statusCode).toBe(201);
    const { key } = created.json() as { key: string };
    const db = new Database(path.join(t.dir, 'sitroom.db'), { readonly: true });
    const dump = JSON.stringify(db.prepare('SELECT * FROM producer_keys').all());
    db.close();
    expect(dump).toContain('city-portal');
    expect(dump).toContain('fire-service CAP');
    expect(dump).not.toContain(KEY);
    expect(dump).not.toContain(key);
  });

  it('refuses admin calls without the admin token, and ingest keys are not admin tokens', async () => {
    expect((await admin('GET', '/api/admin/keys', undefined, 'wrong-token-wrong-token')).statusCode).toBe(401);
    expect((await admin('GET', '/api/admin/keys', undefined, KEY)).statusCode).toBe(401);
    // without a token a local request is a trusted screen (SITROOM_TRUST_LOOPBACK), which is not an admin
    const res = await t.app.inject({ method: 'GET', url: '/api/admin/keys' });
    expect(res.statusCode).toBe(403);
  });

  it('accepts a created key, names its producer as the source, and refuses it once revoked', async () => {
    const created = (await admin('POST', '/api/admin/keys', { name: 'hotline' })).json() as { id: string; key: string };
    expect((await post(created.key, ['h1'])).statusCode).toBe(200);
    expect(t.app.sitroom.store.appeals.get('h1')?.source).toBe('api:hotline');
    const list = (await admin('GET', '/api/admin/keys')).json() as { id: string; name: string; usedAt: number | null; key?: string }[];
    const entry = list.find((k) => k.id === created.id)!;
    expect(entry.usedAt).not.toBeNull();
    expect(list.every((k) => k.key === undefined)).toBe(true);
    const revoked = await admin('DELETE', `/api/admin/keys/${created.id}`);
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json().revokedAt).not.toBeNull();
    const refused = await post(created.key, ['h2']);
    expect(refused.statusCode).toBe(401);
    expect(t.app.sitroom.store.appeals.get('h2')).toBeNull();
    expect((await admin('DELETE', '/api/admin/keys/no-such-key')).statusCode).toBe(404);
  });

  it('revokes a configured key too, and it stays revoked across a restart', async () => {
    const cfg = ((await admin('GET', '/api/admin/keys')).json() as { id: string; name: string }[]).find((k) => k.name === 'city-portal')!;
    expect((await admin('DELETE', `/api/admin/keys/${cfg.id}`)).statusCode).toBe(200);
    expect((await post(KEY, ['c1'])).statusCode).toBe(401);
    await t.app.close();
    const again = await startApp({ listen: false, dir: t.dir, env: { SITROOM_ADMIN_TOKEN: ADMIN, SITROOM_INGEST_KEYS: `city-portal=${KEY}` } });
    const res = await again.app.inject({ method: 'POST', url: '/api/ingest/appeals', headers: { authorization: `Bearer ${KEY}` },
      payload: { appeals: [appeal('c2')] } });
    expect(res.statusCode).toBe(401);
    await again.close();
    t = await startApp({ listen: false, env: { SITROOM_ADMIN_TOKEN: ADMIN, SITROOM_INGEST_KEYS: `city-portal=${KEY}`,
      SITROOM_RATE_LIMIT: '5', SITROOM_BODY_LIMIT_MB: '0.1' } });
  });

  it('limits each key to SITROOM_RATE_LIMIT requests a minute, other keys unaffected', async () => {
    const other = (await admin('POST', '/api/admin/keys', { name: 'other' })).json() as { key: string };
    const codes: number[] = [];
    for (let i = 0; i < 7; i++) codes.push((await post(KEY, [`r${i}`])).statusCode);
    expect(codes.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
    expect(codes.slice(5)).toEqual([429, 429]);
    const limited = await post(KEY, ['r9']);
    expect(limited.json().message).toMatch(/rate limit/);
    expect(t.app.sitroom.store.appeals.get('r6')).toBeNull();
    expect((await post(other.key, ['o1'])).statusCode).toBe(200);
  });

  it('refuses a body over the limit with 413 naming the body, and stores nothing', async () => {
    const other = (await admin('POST', '/api/admin/keys', { name: 'bulk' })).json() as { key: string };
    const ids = Array.from({ length: 2000 }, (_, i) => `big-${i}`);
    const res = await post(other.key, ids);
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ field: 'body' });
    expect(t.app.sitroom.store.appeals.get('big-0')).toBeNull();
    const bad = await t.app.inject({ method: 'POST', url: '/api/ingest/appeals', payload: '{"appeals": [',
      headers: { authorization: `Bearer ${other.key}`, 'content-type': 'application/json' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ field: 'body' });
  });
});
