// One failing listener of the hub (an alarm rule, the cluster relay) never keeps a delta from the others (the
// gateway, so the screens) and never reaches the process: it is reported and the hub goes on.
import { describe, expect, it } from 'vitest';
import { createHub } from '../../../server/hub/hub';
import type { Delta } from '../../../server/protocol/live';
import type { AppealRecord, VehicleRecord } from '../../../server/domain/records';

describe('the hub\'s listeners', () => {
  it('tells every listener even when one throws, and reports the failure', () => {
    const errors: string[] = [];
    const hub = createHub(['ufa'], ['east'], (msg) => errors.push(msg));
    const got: Delta[] = [];
    hub.listen({ delta: () => { throw new Error('an alarm rule failed'); }, fleetFrame: () => { throw new Error('relay down'); } });
    const frames: Uint8Array[] = [];
    hub.listen({ delta: (d) => got.push(d), fleetFrame: (b) => frames.push(b) });
    const t = Date.parse('2026-11-23T09:00:00Z');
    const appeal: AppealRecord = { id: 'a-1', source: 'test', channel: 'social', category: 'roads', municipality: 'ufa', lon: 55.9, lat: 54.7,
      address: null, text: null, author: null, contact: null, status: 'received', receivedAt: t - 1000, inWorkAt: null, answeredAt: null,
      closedAt: null, dueAt: t + 8 * 3_600_000, ceilingAt: t + 24 * 3_600_000, updatedAt: t };
    const vehicle: VehicleRecord = { id: 'v-1', callsign: 'v-1', substation: null, status: 'free', lon: 55.9, lat: 54.7, speedKmh: 0, heading: 0,
      fixAt: t - 500, updatedAt: t };
    hub.applyAppeals([appeal], t);
    hub.applyVehicles([vehicle], t);
    hub.tickFleet(t);
    expect(got.map((d) => d.topic)).toEqual(['appeals', 'fleet']);
    expect(frames).toHaveLength(1);
    expect(errors).toEqual(['hub: a listener failed', 'hub: a listener failed', 'hub: a listener failed']);
  });
});
