// Sequence numbers count within one server run. A client that resumes after a restart with a "since" below the new
// run's own count must get a snapshot (the new run's deltas on top of the old run's state would be a wrong wall).
import { afterAll, describe, expect, it } from 'vitest';
import type { Snapshots } from '../../server/protocol/live';
import { KEY, connect, subscribe, tempDir } from '../helpers/app';
import { freePort, startServer, stopServer } from '../helpers/server-process';

const dir = tempDir();
afterAll(() => dir.remove());

describe('the server run in the protocol', () => {
  it('answers "since" from another run with a snapshot, never with deltas', async () => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const post = (id: string) => fetch(`${url}/api/ingest/appeals`, { method: 'POST', headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify({ appeals: [{ id, channel: 'social', category: 'roads', municipality: 'ufa', receivedAt: new Date(Date.now() - 1000).toISOString() }] }) });
    let server = await startServer(dir.dir, port);
    const s1 = await connect(url);
    const first = await subscribe(s1, [{ topic: 'appeals' }]);
    if (!first.ok) throw new Error(first.error);
    for (let i = 0; i < 3; i++) expect((await post(`old-${i}`)).status).toBe(200);
    const mySeq = first.results[0]!.seq + 3;
    s1.close();
    await stopServer(server, 'SIGTERM');

    server = await startServer(dir.dir, port);
    try {
      // the new run passes the old client's number: the same "since" now names other changes
      for (let i = 0; i < 6; i++) expect((await post(`new-${i}`)).status).toBe(200);
      const s2 = await connect(url);
      const again = await subscribe(s2, [{ topic: 'appeals', since: mySeq }], first.run);
      if (!again.ok) throw new Error(again.error);
      expect(again.run).not.toBe(first.run);
      expect(again.results[0]!.seq).toBeGreaterThan(mySeq);
      expect(again.results[0]!.mode).toBe('snapshot');
      const ids = (again.results[0] as { snapshot: Snapshots['appeals'] }).snapshot.items.map((a) => a.id);
      expect(ids).toEqual(expect.arrayContaining(['old-0', 'old-2', 'new-0', 'new-5']));
      // within the same run the same request replays
      const same = await subscribe(s2, [{ topic: 'appeals', since: again.results[0]!.seq - 1 }], again.run);
      expect(same.ok && same.results[0]!.mode).toBe('replay');
      s2.close();
    } finally {
      await stopServer(server);
    }
  });
});
