// Opens the SQLite file: WAL, foreign-key-free append-mostly tables, migrations applied in one transaction each.
import Database from 'better-sqlite3';
import { databaseFiles, narrow, privateFile } from './private-files';
import { MIGRATIONS } from './migrations';

export type Db = Database.Database;

export function openDatabase(file: string, sync: 'full' | 'normal'): Db {
  if (file !== ':memory:') privateFile(file);
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  // removed rows (an ended session, a revoked key, a pairing) are overwritten, not left readable in free pages
  db.pragma('secure_delete = ON');
  // FULL: a committed batch survives a power cut, not only a process crash; acknowledged data is never lost.
  db.pragma(`synchronous = ${sync === 'full' ? 'FULL' : 'NORMAL'}`);
  db.pragma('busy_timeout = 5000');
  db.pragma('cache_size = -32000');
  migrate(db);
  // SQLite gives its -wal and -shm the database's mode; files from before this rule are narrowed here
  if (file !== ':memory:') for (const f of databaseFiles(file)) narrow(f);
  return db;
}

function migrate(db: Db): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > MIGRATIONS.length) {
    throw new Error(`database schema version ${current} is newer than this Sitroom (${MIGRATIONS.length}); upgrade Sitroom`);
  }
  for (let v = current; v < MIGRATIONS.length; v++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[v]!);
      db.pragma(`user_version = ${v + 1}`);
    })();
  }
}
