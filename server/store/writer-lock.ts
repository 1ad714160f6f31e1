// One writer per database file: the server that writes holds an OS lock on "<database>.lock" for as long as its
// process lives (SQLite's own file lock, a RESERVED lock taken by a transaction that never ends), so a second server
// started on the same file is refused at once, naming the process that holds it. The lock dies with its process,
// however it stops (SIGKILL and power cuts included): no stale lock file to clean up.
import Database from 'better-sqlite3';
import { hostname } from 'node:os';
import { privateFile } from './private-files';

export class WriterLockError extends Error {}

interface Holder { pid: number; host: string; started_at: number; port: string | null }

function describe(h: Holder | undefined): string {
  if (!h) return 'another process';
  return `the Sitroom server with pid ${h.pid} on ${h.host}${h.port ? ` (port ${h.port})` : ''}, started ${new Date(h.started_at).toISOString()}`;
}

/** Takes the lock or throws WriterLockError naming the database and the holder; waits up to `waitMs` for a
 *  stopping holder to go. */
export async function takeWriterLock(dbFile: string, waitMs = 2000, port: string | null = null): Promise<{ release(): void }> {
  const file = `${dbFile}.lock`;
  privateFile(file); // a first start: var/ does not exist yet
  const db = new Database(file);
  db.pragma('journal_mode = DELETE');
  db.pragma('busy_timeout = 0');
  db.exec('CREATE TABLE IF NOT EXISTS holder (pid INTEGER, host TEXT, started_at INTEGER, port TEXT)');
  const deadline = Date.now() + waitMs;
  const refuse = (): never => {
    const holder = db.prepare('SELECT pid, host, started_at, port FROM holder').get() as Holder | undefined;
    db.close();
    throw new WriterLockError(`SITROOM_DB: ${dbFile} is in use by ${describe(holder)}; ` +
      'two servers must not write one database: stop that one first, give this one another SITROOM_DB, or run both as a cluster (SITROOM_REDIS_URL)');
  };
  const begin = (): boolean => {
    try { db.exec('BEGIN IMMEDIATE'); return true; } catch (e) {
      if ((e as { code?: string }).code !== 'SQLITE_BUSY') { db.close(); throw e; }
      return false;
    }
  };
  while (!begin()) {
    if (Date.now() >= deadline) refuse();
    await new Promise((r) => setTimeout(r, 100));
  }
  // who holds it, committed so the next server can name it (readers may read while the lock below is held)
  db.exec('DELETE FROM holder');
  db.prepare('INSERT INTO holder VALUES (?, ?, ?, ?)').run(process.pid, hostname(), Date.now(), port);
  db.exec('COMMIT');
  // the lock itself: a transaction that never ends; if another server slipped in between, it is the holder
  if (!begin()) refuse();
  return { release: () => { if (db.open) { try { db.exec('ROLLBACK'); } catch { /* already gone */ } db.close(); } } };
}
