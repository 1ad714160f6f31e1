// The ids the public Open311 list shows for appeals that did not come in through Open311: a producer's id can be
// anything (a phone number used as an id came back as the request id), so it is replaced by a deterministic,
// authenticated encryption of itself (SIV-style: the IV is an HMAC of the id). The same appeal always shows the same
// id, a client can look it up again, and the id says nothing about the resident. The key lives in the database's meta
// table (readable by the owner only, like the rest of the file).
import { createCipheriv, createDecipheriv, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

const PREFIX = 'r-';
const META_KEY = 'open311_public_id_key';

export interface KeyStore { getMeta(key: string): string | null; setMeta(key: string, value: string): void }

export function createPublicIds(meta: KeyStore) {
  let stored = meta.getMeta(META_KEY);
  if (!stored) { stored = randomBytes(32).toString('base64'); meta.setMeta(META_KEY, stored); }
  const master = Buffer.from(stored, 'base64');
  const derive = (label: string) => createHmac('sha256', master).update(label).digest();
  const encKey = derive('encrypt'), macKey = derive('authenticate');
  const ivOf = (id: string) => createHmac('sha256', macKey).update(id, 'utf8').digest().subarray(0, 16);

  return {
    /** the id shown for an appeal of another channel */
    hide(id: string): string {
      const iv = ivOf(id);
      const cipher = createCipheriv('aes-256-cbc', encKey, iv);
      return PREFIX + Buffer.concat([iv, cipher.update(id, 'utf8'), cipher.final()]).toString('base64url');
    },
    /** the appeal id behind a shown id, or null (not one of ours, or tampered with) */
    reveal(shown: string): string | null {
      if (!shown.startsWith(PREFIX)) return null;
      const bytes = Buffer.from(shown.slice(PREFIX.length), 'base64url');
      if (bytes.length < 32 || bytes.length % 16 !== 0) return null;
      try {
        const iv = bytes.subarray(0, 16);
        const decipher = createDecipheriv('aes-256-cbc', encKey, iv);
        const id = Buffer.concat([decipher.update(bytes.subarray(16)), decipher.final()]).toString('utf8');
        return timingSafeEqual(ivOf(id), iv) ? id : null;
      } catch { return null; }
    },
  };
}
export type PublicIds = ReturnType<typeof createPublicIds>;
