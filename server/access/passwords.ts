// Password hashing with Node's scrypt (no dependency): "scrypt$<salt>$<hash>", compared in constant time.
import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';

const KEYLEN = 32;

export function hashPassword(password: string): string {
  const salt = randomBytes(16);
  return `scrypt$${salt.toString('base64url')}$${scryptSync(password, salt, KEYLEN).toString('base64url')}`;
}

export function checkPassword(password: string, stored: string): boolean {
  const [scheme, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const given = scryptSync(password, Buffer.from(salt, 'base64url'), expected.length);
  return timingSafeEqual(given, expected);
}
