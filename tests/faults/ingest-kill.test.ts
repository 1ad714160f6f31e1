// kill -9 in the middle of large ingest batches: after the restart every acknowledged item is there, and every batch
// that was not acknowledged is there whole or not at all (a batch is one transaction; SITROOM_DB_SYNC=full).
import { afterAll, describe, expect, it } from 'vitest';
import { ADMIN, KEY, tempDir } from '../helpers/app';
import { freePort, startServer, stopServer } from '../helpers/server-process';

const dir = tempDir();
afterAll(() => dir.remove());
const BATCH = 4000;

async function allIds(url: string): Promise<Set<string>> {
  const ids = new Set<string>();
  let cursor: string | null = null;
  do {
    const page = (await (await fetch(`${url}/api/appeals?limit=1000${cursor ? `&cursor=${cursor}` : ''}`, { headers: { authorization: `Bearer ${ADMIN}` } })).json()) as
      { items: { id: string }[]; next: string | null };
    page.items.forEach((a) => ids.add(a.id));
    cursor = page.next;
  } while (cursor);
  return ids;
}

describe('kill -9 during large batches', () => {
  it('keeps every acknowledged batch and never half of one', async () => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    let server = await startServer(dir.dir, port);
    const acknowledged: number[] = [];
    const sent: number[] = [];
    let stop = false;
    const send = async (b: number) => {
      const appeals = Array.from({ length: BATCH }, (_, i) => ({ id: `kill-${b}-${i}`, channel: 'social', category: 'roads', municipality: 'ufa',
        receivedAt: new Date(Date.now() - 60_000).toISOString(), text: 'x'.repeat(200) }));
      sent.push(b);
      try {
        const r = await fetch(`${url}/api/ingest/appeals`, { method: 'POST', headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' },
          body: JSON.stringify({ appeals }) });
        if (r.ok) acknowledged.push(b);
      } catch { /* killed in flight */ }
    };
    // two producers, so a batch is nearly always on its way when the kill comes
    const producer = async (first: number) => { for (let b = first; !stop; b += 2) await send(b); };
    const running = [producer(0), producer(1)];
    await new Promise((r) => setTimeout(r, 2500));
    await stopServer(server, 'SIGKILL');
    stop = true;
    await Promise.all(running);
    server = await startServer(dir.dir, port);
    try {
      const ids = await allIds(url);
      const lost = acknowledged.filter((b) => !ids.has(`kill-${b}-0`) || !ids.has(`kill-${b}-${BATCH - 1}`));
      expect(acknowledged.length).toBeGreaterThan(0);
      expect(lost, 'acknowledged batches missing').toEqual([]);
      const unacknowledged = sent.filter((b) => !acknowledged.includes(b));
      expect(unacknowledged.length, 'a batch was on its way at the kill').toBeGreaterThan(0);
      for (const b of sent) {
        const present = Array.from({ length: BATCH }, (_, i) => ids.has(`kill-${b}-${i}`)).filter(Boolean).length;
        expect([0, BATCH], `batch ${b}: ${present} of ${BATCH} stored`).toContain(present);
      }
      console.log(`${acknowledged.length} batches acknowledged, ${unacknowledged.length} in flight at the kill; ${ids.size} appeals stored`);
    } finally {
      await stopServer(server);
    }
  });
});
