// Realistic payloads for the benchmarks: a fleet of 2,000 vehicles and 24,000 container sites, shaped like the
// simulator's (ids, municipalities, four operators), from a fixed seed so every run measures the same data.
import type { ContainerChange, ContainerSiteView, VehicleView } from '../server/protocol/views';
import { CONTAINER_STATUSES, VEHICLE_STATUSES } from '../server/protocol/views';
import type { FleetFix } from '../server/protocol/fleet-frame';

export const OPERATORS = ['ecologiya', 'ekoservis', 'ekotrans', 'spetstrans'];
export const MUNICIPALITIES = Array.from({ length: 63 }, (_, i) => (i === 0 ? 'ufa' : `municipality-${String(i).padStart(2, '0')}`));

export function rng(seed = 42): () => number {
  let s = seed >>> 0;
  return () => { s = (s * 1664525 + 1013904223) >>> 0; return s / 2 ** 32; };
}

/** positions as a GPS receiver or a registry gives them: six decimals (~0.1 m) */
const gps = (x: number) => Math.round(x * 1e6) / 1e6;

export function vehicles(n = 2000, now = Date.UTC(2026, 10, 23, 9), seed = 1): VehicleView[] {
  const r = rng(seed);
  return Array.from({ length: n }, (_, i) => ({
    index: i, id: `amb-${String(i + 1).padStart(4, '0')}`, callsign: `${100 + (i % 900)}-${1 + (i % 9)}`,
    substation: `ss-${1 + (i % 40)}`, status: VEHICLE_STATUSES[Math.floor(r() * 5)]!,
    lon: gps(53.2 + r() * 6.5), lat: gps(51.6 + r() * 4.4), speedKmh: Math.round(r() * 90), heading: Math.round(r() * 359),
    fixAt: now - Math.floor(r() * 5000),
  }));
}

export const fixesOf = (vs: readonly VehicleView[]): FleetFix[] =>
  vs.map((v) => ({ index: v.index, lon: v.lon!, lat: v.lat!, speedKmh: v.speedKmh, heading: v.heading, status: v.status, fixAt: v.fixAt! }));

export function sites(n = 24_000, now = Date.UTC(2026, 10, 23, 9), seed = 2): ContainerSiteView[] {
  const r = rng(seed);
  return Array.from({ length: n }, (_, i) => {
    const m = MUNICIPALITIES[Math.floor((i / n) * MUNICIPALITIES.length)]!;
    return { index: i, id: `sim-c-${m}-${(i % 400) + 1}`, operator: OPERATORS[i % 4]!, municipality: m,
      lon: gps(53.2 + r() * 6.5), lat: gps(51.6 + r() * 4.4), containers: 1 + Math.floor(r() * 6), fill: Math.round(r() * 100),
      status: CONTAINER_STATUSES[r() < 0.9 ? 0 : Math.floor(r() * 4)]!, servicedAt: r() < 0.05 ? null : now - Math.floor(r() * 86_400_000) };
  });
}

/** 1 % of the sites changed status or fill, in index order (as the hub sends them). */
export function siteChanges(all: readonly ContainerSiteView[], share = 0.01, now = Date.UTC(2026, 10, 23, 9), seed = 3): ContainerChange[] {
  const r = rng(seed);
  const out: ContainerChange[] = [];
  for (const s of all) {
    if (r() >= share) continue;
    const serviced = r() < 0.3;
    out.push({ index: s.index, fill: serviced ? 0 : Math.min(100, s.fill + 7), status: serviced ? 'ok' : 'full',
      servicedAt: serviced ? now - Math.floor(r() * 60_000) : s.servicedAt });
  }
  return out;
}
