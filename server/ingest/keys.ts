// Ingest keys: from SITROOM_INGEST_KEYS, or one generated on first start and kept beside the database file.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export function resolveIngestKeys(configured: string[], dbPath: string): { keys: string[]; generatedFile: string | null } {
  if (configured.length) return { keys: configured, generatedFile: null };
  const file = path.join(path.dirname(dbPath), 'ingest-key');
  if (existsSync(file)) {
    const key = readFileSync(file, 'utf8').trim();
    if (key.length >= 16) return { keys: [key], generatedFile: file };
  }
  mkdirSync(path.dirname(file), { recursive: true });
  const key = randomBytes(24).toString('base64url');
  writeFileSync(file, key + '\n', { mode: 0o600 });
  return { keys: [key], generatedFile: file };
}

/** Checks an Authorization header against the keys without leaking timing. */
export function bearerMatches(header: string | undefined, keys: readonly string[]): boolean {
  const m = /^Bearer\s+(.+)$/i.exec(header?.trim() ?? '');
  return m ? keyMatches(m[1]!, keys) : false;
}

/** Compares a given key with each configured one in constant time. */
export function keyMatches(key: string | undefined, keys: readonly string[]): boolean {
  if (!key) return false;
  const given = Buffer.from(key);
  return keys.some((k) => {
    const key = Buffer.from(k);
    return key.length === given.length && timingSafeEqual(key, given);
  });
}
