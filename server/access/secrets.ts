// Secrets kept beside the database file (the generated ingest key and admin token), and constant-time comparison.
import { randomBytes, timingSafeEqual, createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { narrow, OWNER_ONLY, privateFolder } from '../store/private-files';
import path from 'node:path';

export const newSecret = (): string => randomBytes(24).toString('base64url');
export const sha256 = (s: string): string => createHash('sha256').update(s).digest('hex');

/** Reads the secret kept in <db dir>/<name>, creating it (mode 600) on the first start. */
export function fileSecret(dbPath: string, name: string): { secret: string; file: string } {
  const file = path.join(path.dirname(dbPath), name);
  if (existsSync(file)) {
    narrow(file); // kept from before files were created owner-only
    const secret = readFileSync(file, 'utf8').trim();
    if (secret.length >= 16) return { secret, file };
  }
  privateFolder(file);
  const secret = newSecret();
  writeFileSync(file, secret + '\n', { mode: OWNER_ONLY });
  return { secret, file };
}

/** The token of an `Authorization: Bearer <token>` header, if there is one. */
export function bearerToken(header: string | undefined): string | undefined {
  return /^Bearer\s+(.+)$/i.exec(header?.trim() ?? '')?.[1]?.trim();
}

/** Compares two secrets without leaking how much of them matched. */
export function sameSecret(given: string | undefined, expected: string): boolean {
  if (!given) return false;
  const a = Buffer.from(sha256(given)), b = Buffer.from(sha256(expected));
  return timingSafeEqual(a, b);
}
