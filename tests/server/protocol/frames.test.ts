import type { ContainerChange } from '../../../server/protocol/views';
import { containerChangesList, decodeContainerChanges, encodeContainerChanges } from '../../../server/protocol/container-columns';
import { describe, expect, it } from 'vitest';
import { decodeFleetFrame, encodeFleetFrame, FLEET_FRAME_BYTES_PER_VEHICLE, type FleetFix } from '../../../server/protocol/fleet-frame';
import { decodeContainerColumns, encodeContainerColumns } from '../../../server/protocol/container-columns';
import type { ContainerSiteView } from '../../../server/protocol/views';

describe('fleet frame', () => {
  it('round-trips 2,000 vehicles in at most 16 bytes each', () => {
    const time = Date.parse('2026-11-23T09:00:00Z');
    const fixes: FleetFix[] = Array.from({ length: 2000 }, (_, i) => ({
      index: i, lon: 53.2 + i * 0.0031, lat: 51.6 + i * 0.0023, speedKmh: i % 3 === 0 ? null : i % 120,
      heading: i % 4 === 0 ? null : (i * 7) % 360, status: (['free', 'en_route', 'on_scene', null] as const)[i % 4]!, fixAt: time - (i % 300) * 1000,
    }));
    const bytes = encodeFleetFrame(fixes, 42, time);
    expect(FLEET_FRAME_BYTES_PER_VEHICLE).toBeLessThanOrEqual(12);
    // the whole fleet in index order: the index column is left out
    expect(bytes.byteLength).toBe(32 + 2000 * (FLEET_FRAME_BYTES_PER_VEHICLE - 2));
    const sparse = encodeFleetFrame(fixes.slice(1), 1, 1);
    expect(sparse.byteLength).toBe(32 + 1999 * FLEET_FRAME_BYTES_PER_VEHICLE);
    expect(decodeFleetFrame(sparse).index[0]).toBe(1);
    const f = decodeFleetFrame(bytes);
    expect(f.seq).toBe(42);
    expect(f.time).toBe(time);
    for (const i of [0, 1, 2, 3, 999, 1999]) {
      const x = fixes[i]!;
      expect(f.index[i]).toBe(x.index);
      expect(f.lon[i]).toBeCloseTo(x.lon, 6);
      expect(f.lat[i]).toBeCloseTo(x.lat, 6);
      expect(f.speedKmh[i]).toBe(x.speedKmh === null ? 255 : x.speedKmh);
      if (x.heading === null) expect(Number.isNaN(f.heading[i])).toBe(true);
      else expect(Math.abs(f.heading[i]! - x.heading)).toBeLessThan(1.5);
      expect(f.fixAgeS[i]).toBe(Math.min(254, i % 300));
    }
  });
  it('falls back to whole coordinates for a fleet wider than 16.7° (a federal view)', () => {
    const fixes: FleetFix[] = [
      { index: 0, lon: 37.62, lat: 55.75, speedKmh: 10, heading: 0, status: 'free', fixAt: 1000 },
      { index: 1, lon: 135.07, lat: 48.48, speedKmh: 20, heading: 90, status: 'en_route', fixAt: 1000 },
    ];
    const bytes = encodeFleetFrame(fixes, 1, 2000);
    expect(bytes[1]).toBe(1);
    const f = decodeFleetFrame(bytes);
    expect(f.lon[1]).toBeCloseTo(135.07, 6);
    expect(f.lat[0]).toBeCloseTo(55.75, 6);
  });

  it('refuses what is not a fleet frame', () => {
    expect(() => decodeFleetFrame(new Uint8Array(30))).toThrow(/fleet frame/);
  });
});

describe('container columns', () => {
  it('round-trips sites', () => {
    const sites: ContainerSiteView[] = [
      { index: 0, id: 'a', operator: 'east', municipality: 'ufa', lon: 55.96, lat: 54.74, containers: 3, fill: 81, status: 'full', servicedAt: 1795400000000 },
      { index: 1, id: 'b', operator: 'central', municipality: 'sibay', lon: 58.66, lat: 52.72, containers: 1, fill: 0, status: 'burning', servicedAt: null },
    ];
    const operators = ['central', 'east'];
    const municipalities = ['sibay', 'ufa'];
    const columns = encodeContainerColumns({ sites, operators, municipalities });
    expect(decodeContainerColumns({ count: 2, operators, municipalities, columns })).toEqual(sites.map(({ id: _id, ...s }) => s));
  });

  it('round-trips status changes in ~5 bytes each, in index order, and refuses a cut block', () => {
    const t = 1795400000000;
    const changes: ContainerChange[] = [
      { index: 70_000, fill: 100, status: 'overflowing', servicedAt: null },
      { index: 3, fill: 0, status: 'ok', servicedAt: t - 90_000 },
      { index: 200, fill: 55, status: 'burning', servicedAt: t - 40 * 86_400_000 },
    ];
    const block = encodeContainerChanges(changes, t);
    expect(block.byteLength).toBeLessThanOrEqual(16 + changes.length * 8);
    expect(containerChangesList(decodeContainerChanges(block))).toEqual([...changes].sort((a, b) => a.index - b.index));
    expect(() => decodeContainerChanges(block.subarray(0, block.byteLength - 2))).toThrow(/cut short/);
    expect(() => decodeContainerChanges(new Uint8Array(4))).toThrow(/not a container changes block/);
  });
});
