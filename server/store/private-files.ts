// Files at rest readable by the server's own user only: the database holds residents' texts, authors and contacts,
// and password hashes; the files beside it hold the ingest key, the admin token and the first admin's password.
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, statSync } from 'node:fs';
import path from 'node:path';

export const OWNER_ONLY = 0o600;

/** The folder a private file goes in: created owner-only when it does not exist (an existing one is the admin's). */
export function privateFolder(file: string): void {
  const dir = path.dirname(file);
  if (!existsSync(dir)) mkdirSync(dir, { recursive: true, mode: 0o700 });
}

/** Creates the file owner-only when it does not exist, and narrows an existing one that others could read. */
export function privateFile(file: string): void {
  privateFolder(file);
  if (!existsSync(file)) closeSync(openSync(file, 'a', OWNER_ONLY));
  narrow(file);
}

/** Narrows a file to owner-only if it exists (SQLite's -wal and -shm, created by SQLite itself). */
export function narrow(file: string): void {
  if (!existsSync(file)) return;
  if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, OWNER_ONLY);
}

/** The database and its companions: the WAL, the shared-memory index and the writer lock. */
export const databaseFiles = (file: string): string[] => [file, `${file}-wal`, `${file}-shm`, `${file}-journal`, `${file}.lock`];
