// A replaying wall's socket asks for a past moment: every topic's snapshot and the fleet's frame as they stood then,
// equal to what the live hub held at that moment (teams at their places and statuses, incidents, appeals, sites),
// with no live deltas following; a bad request is refused naming its field.
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, manualClock, startApp, type TestApp } from '../../helpers/app';
import { EVENTS, type MomentReply, type Snapshots, type TopicSync } from '../../../server/protocol/live';
import { decodeFleetFrame } from '../../../server/protocol/fleet-frame';
import { decodeContainerColumns } from '../../../server/protocol/container-columns';
import type { VehicleView } from '../../../server/protocol/views';

const env = { SITROOM_SIM: 'on', SITROOM_SIM_SEED: '3', SITROOM_SIM_BACKFILL_DAYS: '2', SITROOM_SIM_SITES: '800', SITROOM_SIM_TEAMS: '30' };
let t: TestApp;
let socket: Socket;
let at = 0;
let live: { vehicles: VehicleView[]; incidents: Snapshots['incidents']; appeals: Snapshots['appeals']; statuses: string[] };

beforeAll(async () => {
  t = await startApp({ listen: true, env, autoStart: true, clock: manualClock(Date.parse('2026-11-23T07:00:00Z')) });
  const s = t.app.sitroom;
  for (let k = 0; k < 5; k++) { t.clock.advance(60_000); s.sim!.tick(); }
  at = t.clock.now();
  s.hub.prune(at); // the live hub drops what left its windows once a minute; the moment holds exactly its windows
  const sites = decodeContainerColumns(s.hub.snapshot('containers'));
  live = { vehicles: JSON.parse(JSON.stringify(s.hub.vehicles())) as VehicleView[], incidents: JSON.parse(JSON.stringify(s.hub.snapshot('incidents'))),
    appeals: JSON.parse(JSON.stringify(s.hub.snapshot('appeals'))), statuses: sites.map((x) => x.status) };
  for (let k = 0; k < 5; k++) { t.clock.advance(60_000); s.sim!.tick(); }
  socket = await connect(t.url);
}, 120_000);
afterAll(async () => { socket?.close(); await t?.close(); });

const ask = (req: unknown) => socket.timeout(10_000).emitWithAck(EVENTS.moment, req) as Promise<MomentReply>;
const snapshotOf = <T extends keyof Snapshots>(r: { results: TopicSync[] }, topic: T) =>
  (r.results.find((x) => x.topic === topic) as { snapshot: Snapshots[T] } | undefined)!.snapshot;

describe('a past moment over the live socket', () => {
  it('gives every topic and the fleet frame as the live hub held them then', async () => {
    const r = await ask({ at });
    if (!r.ok) throw new Error(r.error);
    expect(r.at).toBe(at);
    expect(r.results.map((x) => x.topic).sort()).toEqual(['appeals', 'containers', 'fleet', 'incidents', 'kpi']);
    const frame = decodeFleetFrame(r.frame as Uint8Array);
    const names = snapshotOf(r, 'fleet').vehicles;
    const byIndex = new Map(names.map((v) => [v.index, v.id]));
    const fixes = new Map(Array.from({ length: frame.count }, (_, i) => [byIndex.get(frame.index[i]!)!, [frame.lon[i], frame.lat[i]]]));
    expect(fixes.size).toBe(live.vehicles.filter((v) => v.lon !== null).length);
    for (const v of live.vehicles) {
      expect(fixes.get(v.id)![0], v.id).toBeCloseTo(v.lon!, 5);
      expect(fixes.get(v.id)![1], v.id).toBeCloseTo(v.lat!, 5);
      expect(names.find((x) => x.id === v.id)!.status, v.id).toBe(v.status);
    }
    expect(snapshotOf(r, 'incidents')).toEqual(live.incidents);
    expect(snapshotOf(r, 'appeals')).toEqual(live.appeals);
    expect(decodeContainerColumns(snapshotOf(r, 'containers')).map((x) => x.status)).toEqual(live.statuses);
    expect(snapshotOf(r, 'kpi')?.time).toBe(at);
    expect(r.missing).toEqual([]);
  });

  it('refuses a moment in the future, an unknown topic or field', async () => {
    for (const [req, field] of [[{ at: t.clock.now() + 3_600_000 }, 'at'], [{ at: 'noon' }, 'at'], [{ at, topics: ['weather'] }, 'topics'], [{ at, when: 1 }, 'when']] as const) {
      const r = await ask(req);
      expect(r.ok).toBe(false);
      expect((r as { error: string }).error.startsWith(`${field}:`), JSON.stringify(r)).toBe(true);
    }
  });
});
