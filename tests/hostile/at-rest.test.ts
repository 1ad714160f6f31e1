// Secrets and personal data at rest, item 7 of issue 14: the database (residents' texts, authors, contacts; password
// hashes) used to be created world-readable (0644), and a screen's token stayed in plain text in the database and its
// WAL after pairing. Now every file the server creates is owner-only, older ones are narrowed, tokens are kept as
// hashes only, and SQLite's secure_delete overwrites what is removed.
import Database from 'better-sqlite3';
import { chmodSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, tempDir, type TestApp } from '../helpers/app';

const FILES = ['sitroom.db', 'sitroom.db-wal', 'sitroom.db-shm', 'sitroom.db.lock', 'ingest-key', 'admin-token', 'admin-password'];
const modeOf = (file: string) => statSync(file).mode & 0o777;

describe('files at rest', () => {
  let dir: ReturnType<typeof tempDir>;
  let t: TestApp;
  // no configured keys: the server draws an ingest key and an admin token and keeps them beside the database
  beforeAll(async () => { dir = tempDir(); t = await startApp({ dir: dir.dir, env: { SITROOM_INGEST_KEYS: '', SITROOM_ADMIN_TOKEN: '' } }); });
  afterAll(async () => { await t.close(); dir.remove(); });

  it('creates the database, its WAL, shared memory, lock and the secrets beside it readable by the owner only', () => {
    for (const name of FILES) {
      const file = path.join(dir.dir, name);
      expect(existsSync(file), name).toBe(true);
      expect(modeOf(file).toString(8), name).toBe('600');
    }
  });

  it('turns secure_delete on', () => {
    expect(t.app.sitroom.store.settings()).toMatchObject({ journalMode: 'wal', secureDelete: true });
  });

  it('keeps a paired screen\'s token only as a hash: not in the database nor its WAL, before or after it is fetched', async () => {
    const started = (await t.app.inject({ method: 'POST', url: '/api/pairing' })).json() as { code: string; ticket: string };
    const admin = { authorization: `Bearer ${t.app.sitroom.admin.token}` };
    const approved = await t.app.inject({ method: 'POST', url: '/api/pairing/approve', headers: admin, payload: { code: started.code, wall: 'main', screen: '1' } });
    expect(approved.statusCode, approved.body).toBe(201);
    const polled = (await t.app.inject({ method: 'POST', url: '/api/pairing/poll', payload: { ticket: started.ticket } })).json() as { status: string; token: string };
    expect(polled.status).toBe('paired');
    expect((await t.app.inject({ url: '/api/auth/me', headers: { authorization: `Bearer ${polled.token}` } })).json()).toMatchObject({ via: 'screen' });
    for (const name of ['sitroom.db', 'sitroom.db-wal']) {
      expect(readFileSync(path.join(dir.dir, name)).includes(Buffer.from(polled.token)), name).toBe(false);
    }
    // the ticket is the screen's own secret: only its hash was ever stored
    expect(readFileSync(path.join(dir.dir, 'sitroom.db-wal')).includes(Buffer.from(started.ticket))).toBe(false);
  });
});

describe('files from before', () => {
  it('narrows a world-readable database and secret file at the next start', async () => {
    const dir = tempDir();
    try {
      const db = path.join(dir.dir, 'sitroom.db');
      new Database(db).close();
      chmodSync(db, 0o644);
      writeFileSync(path.join(dir.dir, 'admin-token'), 'an-admin-token-from-before-0123\n', { mode: 0o644 });
      const t = await startApp({ dir: dir.dir, env: { SITROOM_ADMIN_TOKEN: '' } });
      try {
        expect(modeOf(db).toString(8)).toBe('600');
        expect(modeOf(path.join(dir.dir, 'admin-token')).toString(8)).toBe('600');
        expect((await t.app.inject({ url: '/api/admin/users', headers: { authorization: 'Bearer an-admin-token-from-before-0123' } })).statusCode).toBe(200);
      } finally { await t.close(); }
    } finally { dir.remove(); }
  });
});
