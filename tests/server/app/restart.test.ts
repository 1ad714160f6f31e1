// Nothing acknowledged is lost: across a clean restart, and across a crash (SIGKILL) of the real server process.
import { afterAll, describe, expect, it } from 'vitest';
import { KEY, manualClock, startApp, tempDir, adminHeaders } from '../../helpers/app';
import { freePort, startServer } from '../../helpers/server-process';

const dirs: ReturnType<typeof tempDir>[] = [];
afterAll(() => dirs.forEach((d) => d.remove()));

describe('durability', () => {
  it('keeps everything across a clean restart on the same file', async () => {
    const d = tempDir();
    dirs.push(d);
    const clock = manualClock(Date.parse('2026-11-23T09:00:00Z'));
    const first = await startApp({ dir: d.dir, listen: false, clock });
    const res = await first.app.inject({ method: 'POST', url: '/api/ingest/appeals', headers: { authorization: `Bearer ${KEY}` },
      payload: { appeals: [{ id: 'r-1', channel: 'pos', category: 'roads', municipality: 'birsky', receivedAt: clock.now() - 5000 }] } });
    expect(res.statusCode).toBe(200);
    await first.app.inject({ method: 'POST', url: '/api/ingest/positions', headers: { authorization: `Bearer ${KEY}` },
      payload: { positions: [{ vehicle: 'v-1', at: clock.now() - 1000, lon: 55.5, lat: 55.4, status: 'free' }] } });
    await first.close();
    const second = await startApp({ dir: d.dir, listen: false, clock });
    expect(second.app.sitroom.store.appeals.get('r-1')?.municipality).toBe('birsky');
    expect(second.app.sitroom.hub.snapshot('appeals')!.items.map((a) => a.id)).toContain('r-1');
    expect(second.app.sitroom.hub.vehicles().map((v) => v.id)).toEqual(['v-1']);
    await second.close();
  });

  it('keeps every acknowledged batch when the server process is killed', async () => {
    const d = tempDir();
    dirs.push(d);
    const port = await freePort();
    let server = await startServer(d.dir, port);
    const acknowledged: string[] = [];
    for (let b = 0; b < 20; b++) {
      const appeals = Array.from({ length: 50 }, (_, i) => ({ id: `crash-${b}-${i}`, channel: 'social', category: 'waste',
        municipality: 'ufa', receivedAt: new Date(Date.now() - 60_000).toISOString() }));
      const r = await fetch(`http://127.0.0.1:${port}/api/ingest/appeals`, { method: 'POST',
        headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' }, body: JSON.stringify({ appeals }) });
      if (r.ok) acknowledged.push(...appeals.map((a) => a.id));
    }
    const killed = server.pid!;
    server.kill('SIGKILL');
    await new Promise((r) => server.once('exit', r));
    expect(() => process.kill(killed, 0)).toThrow(); // really gone
    await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();
    server = await startServer(d.dir, port);
    expect(server.pid).not.toBe(killed);
    try {
      const ids = new Set<string>();
      let cursor: string | null = null;
      do {
        const page: { items: { id: string }[]; next: string | null } =
          await (await fetch(`http://127.0.0.1:${port}/api/appeals?limit=1000${cursor ? `&cursor=${cursor}` : ''}`, { headers: adminHeaders() })).json();
        page.items.forEach((a) => ids.add(a.id));
        cursor = page.next;
      } while (cursor);
      expect(acknowledged).toHaveLength(1000);
      expect(acknowledged.filter((id) => !ids.has(id))).toEqual([]);
    } finally {
      server.kill('SIGTERM');
      await new Promise((r) => server.once('exit', r));
    }
  });
});
