// The wall's fleet buffers (client/src/live/fleet-motion.ts), fed real frames: slots by vehicle index, and each
// vehicle's trail as a ring read oldest first from trailStart.
import { describe, expect, it } from 'vitest';
import { createFleetMotion, TRAIL_POINTS } from '../../client/src/live/fleet-motion';
import { encodeFleetFrame, type FleetFix } from '../../server/protocol/fleet-frame';

const T0 = Date.UTC(2026, 10, 24, 9);
const fix = (index: number, lon: number, lat: number, at: number): FleetFix =>
  ({ index, lon, lat, speedKmh: 40, heading: 90, status: 'en_route', fixAt: at });

/** the trail of a slot, oldest first, as the map reads it */
function trail(m: ReturnType<typeof createFleetMotion>, slot: number): [number, number][] {
  const base = slot * TRAIL_POINTS * 2, start = m.trailStart[slot]!;
  return Array.from({ length: m.trailLength[slot]! }, (_, i) => {
    const at = base + ((start + i) % TRAIL_POINTS) * 2;
    return [m.trail[at]!, m.trail[at + 1]!];
  });
}

describe('fleet motion', () => {
  it('keeps the last fixes of each vehicle oldest first, skips standing still, and restarts after a jump', () => {
    const m = createFleetMotion(1000);
    const lonAt = (k: number) => 55.9 + k * 0.001;
    // vehicle 7 moves 20 times; vehicle 3 stands still
    for (let k = 0; k < 20; k++) m.apply(encodeFleetFrame([fix(3, 56, 54.5, T0), fix(7, lonAt(k), 54.7, T0 + k * 1000)], k + 1, T0 + k * 1000), k * 1000);
    expect(m.count).toBe(2);
    expect(m.frames).toBe(20);
    const moving = trail(m, 1);
    expect(moving).toHaveLength(TRAIL_POINTS);
    expect(moving.map(([x]) => x)).toEqual(Array.from({ length: TRAIL_POINTS }, (_, i) => Math.fround(lonAt(20 - TRAIL_POINTS + i))));
    expect(trail(m, 0)).toHaveLength(1);
    // 0.1° in one second is a relocation: the trail starts again from the new place
    m.apply(encodeFleetFrame([fix(3, 56, 54.5, T0), fix(7, lonAt(19) + 0.1, 54.7, T0 + 20_000)], 21, T0 + 20_000), 20_000);
    expect(trail(m, 1)).toEqual([[Math.fround(lonAt(19) + 0.1), Math.fround(54.7)]]);
  });

  it('glides a vehicle from where it is drawn to its new fix', () => {
    const m = createFleetMotion(1000);
    m.apply(encodeFleetFrame([fix(0, 56, 54, T0)], 1, T0), 0);
    m.apply(encodeFleetFrame([fix(0, 56.01, 54, T0 + 1000)], 2, T0 + 1000), 1000);
    expect(m.advance(1500)).toBe(true);
    expect(m.position[0]!).toBeCloseTo(56.005, 4);
    expect(m.advance(2000)).toBe(false);
    expect(m.position[0]!).toBeCloseTo(56.01, 4);
  });
});
