// The hub hears of a change only after the transaction holding it commits: a failure after the pipeline step (an
// adapter's own records written in the same transaction, then something throws) leaves neither rows nor a delta.
import { afterEach, describe, expect, it } from 'vitest';
import type { Delta } from '../../../server/protocol/live';
import { authHeaders, startApp, type TestApp } from '../../helpers/app';

let t: TestApp | null = null;
afterEach(async () => { await t?.close(); t = null; });

const appeal = (id: string, at: number) => ({ id, channel: 'social', category: 'roads', municipality: 'ufa', receivedAt: at - 1000 });

describe('commit, then publish', () => {
  it('a transaction that fails after the pipeline step leaves no rows and sends no delta', async () => {
    t = await startApp({ listen: false });
    const { store, hub, ingest } = t.app.sitroom;
    const deltas: Delta[] = [];
    hub.listen({ delta: (d) => deltas.push(d), fleetFrame: () => undefined });
    expect(() => store.transaction(() => {
      ingest.appeals([appeal('rolled-back', t!.clock.now())], 'test');
      ingest.incidents([{ id: 'rolled-back-i', type: 'fire', severity: 'minor', status: 'active', reportedAt: t!.clock.now() - 1000, lon: 55.9, lat: 54.7 }], 'test');
      throw new Error('the adapter failed after the pipeline step');
    })).toThrow('after the pipeline step');
    expect(store.appeals.get('rolled-back')).toBeNull();
    expect(store.incidents.get('rolled-back-i')).toBeNull();
    expect(deltas).toEqual([]);
    expect(hub.snapshot('appeals').items).toEqual([]);

    // committed: told once, after the commit
    store.transaction(() => {
      ingest.appeals([appeal('kept', t!.clock.now())], 'test');
      expect(deltas).toEqual([]); // not yet: the outer transaction has not committed
    });
    expect(deltas.map((d) => d.topic)).toEqual(['appeals']);
    expect(store.appeals.get('kept')).not.toBeNull();
  });

  it('a refused CAP alert (its incident fails after the alert row was written) leaves nothing either', async () => {
    t = await startApp({ listen: false });
    const deltas: Delta[] = [];
    t.app.sitroom.hub.listen({ delta: (d) => deltas.push(d), fleetFrame: () => undefined });
    // the polygon is outside any coordinate range: the incident step refuses it after the alert row was put
    const xml = `<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2"><identifier>X-1</identifier><sender>s@example.ru</sender>
      <sent>2026-11-23T08:00:00+05:00</sent><status>Actual</status><msgType>Alert</msgType><scope>Public</scope>
      <info><category>Met</category><event>Паводок</event><urgency>Expected</urgency><severity>Severe</severity><certainty>Likely</certainty>
      <area><areaDesc>x</areaDesc><polygon>95,55.9 95,56.0 96,56.0 95,55.9</polygon></area></info></alert>`;
    const res = await t.app.inject({ method: 'POST', url: '/cap', headers: { ...authHeaders(), 'content-type': 'application/cap+xml' }, payload: xml });
    expect(res.statusCode).toBe(400);
    expect(t.app.sitroom.store.capAlerts.get('s@example.ru', 'X-1')).toBeNull();
    expect(deltas).toEqual([]);
  });
});
