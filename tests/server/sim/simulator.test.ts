// The simulator: the same seed replays the same day; volumes, places and the fleet are plausible.
import path from 'node:path';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadReference } from '../../../server/reference/load';
import { createPlaces } from '../../../server/sim/places';
import { municipalitySlowness, planAppeals } from '../../../server/sim/appeals';
import { planIncidents } from '../../../server/sim/incidents';
import { createContainerSim } from '../../../server/sim/containers';
import { createFleetSim } from '../../../server/sim/fleet';
import { planCalls } from '../../../server/sim/calls';
import { createRouter } from '../../../server/sim/roads';
import { dayNumber, dayStart, DAY, HOUR } from '../../../server/domain/time';

const TZ = 'Asia/Yekaterinburg';
const reference = loadReference(path.resolve(__dirname, '../../../data'), null, {});
const places = createPlaces(reference);
const t0 = Date.parse('2026-11-23T09:00:00Z');
const day = dayNumber(t0, TZ);
const start = dayStart(t0, TZ);
const plan = (seed: number, d = day, s = start) => planAppeals(seed, d, s, TZ, reference, places, municipalitySlowness(seed, places.ids));

describe('simulator', () => {
  it('plans the same appeals for the same seed and day, and other ones for another seed', () => {
    expect(plan(7)).toEqual(plan(7));
    expect(plan(8).map((a) => a.id + a.municipality)).not.toEqual(plan(7).map((a) => a.id + a.municipality));
  });

  it('plans about a thousand appeals a weekday, per channel as in the seeds, inside the day, with a night lull', () => {
    const appeals = plan(1);
    expect(appeals.length).toBeGreaterThan(850);
    expect(appeals.length).toBeLessThan(1400);
    const by = (ch: string) => appeals.filter((a) => a.channel === ch).length;
    expect(by('pos')).toBeGreaterThan(by('social') * 0.8);
    expect(by('hotline')).toBeLessThan(by('portal'));
    expect(appeals.filter((a) => a.channel === 'portal').every((a) => a.municipality === 'ufa')).toBe(true);
    expect(appeals.every((a) => a.receivedAt >= start && a.receivedAt < start + DAY)).toBe(true);
    const hour = (a: { receivedAt: number }) => Math.floor((a.receivedAt - start) / HOUR);
    expect(appeals.filter((a) => hour(a) === 10).length).toBeGreaterThan(5 * appeals.filter((a) => hour(a) === 3).length);
    for (const a of appeals.slice(0, 200)) expect(reference.geo.municipalityAt(a.lon, a.lat)).toBe(a.municipality);
  });

  it('answers most appeals on time, some late, and some municipalities slower than others', () => {
    const appeals = Array.from({ length: 10 }, (_, k) => plan(3, day - k, start - k * DAY)).flat();
    const answered = appeals.filter((a) => a.answeredAt !== null);
    const due = (a: (typeof appeals)[number]) => a.receivedAt + reference.channelById.get(a.channel)!.deadlineHours * HOUR;
    const late = answered.filter((a) => a.answeredAt! > due(a)).length / answered.length;
    expect(late).toBeGreaterThan(0.005);
    expect(late).toBeLessThan(0.2);
    expect(answered.length / appeals.length).toBeGreaterThan(0.95);
    const slowness = [...municipalitySlowness(3, places.ids).values()];
    expect(Math.max(...slowness) / Math.min(...slowness)).toBeGreaterThan(2);
  });

  it('plans winter incidents (heat outages, no forest fires) and spring floods', () => {
    const winter = Array.from({ length: 7 }, (_, k) => planIncidents(5, day - k, start - k * DAY, TZ, places, reference)).flat();
    expect(winter.length).toBeGreaterThan(7 * 25);
    expect(winter.some((i) => i.item.type === 'outage_heat')).toBe(true);
    expect(winter.some((i) => i.item.type === 'forest_fire')).toBe(false);
    const april = Date.parse('2026-04-15T09:00:00Z');
    const spring = Array.from({ length: 7 }, (_, k) => planIncidents(5, dayNumber(april, TZ) + k, dayStart(april, TZ) + k * DAY, TZ, places, reference)).flat();
    expect(spring.some((i) => i.item.type === 'flood' && i.item.area)).toBe(true);
  });

  it('places ~24,000 container sites inside the republic and inside their own municipality', () => {
    const sim = createContainerSim(11, 24_000, reference, places, TZ);
    const sites = sim.init(new Map(), t0);
    expect(sites.length).toBeGreaterThan(23_800);
    expect(sites.length).toBeLessThan(24_200);
    for (const s of sites.filter((_, i) => i % 40 === 0)) {
      expect(reference.geo.municipalityAt(s.lon!, s.lat!)).toBe(s.municipality);
    }
    const ufa = sites.filter((s) => s.municipality === 'ufa').length;
    expect(ufa / sites.length).toBeGreaterThan(0.2); // more where more people live
    const changed = sim.step(t0 + 2 * HOUR);
    expect(changed.length).toBeGreaterThan(100);
  });

  it('runs ~300 teams from substations, dispatches calls, records arrivals and keeps inside the republic', () => {
    const fleet = createFleetSim(2, 300, reference, places, TZ, t0);
    expect(fleet.teamCount).toBe(300);
    const population = reference.municipalities.reduce((s, m) => s + m.population_estimate, 0);
    const day = dayNumber(t0, TZ);
    const plan = [...planCalls(2, day, dayStart(t0, TZ), population, places), ...planCalls(2, day + 1, dayStart(t0 + DAY, TZ), population, places)];
    let prev = t0;
    let arrivals = 0;
    let calls = 0;
    const last = new Map<string, [number, number, string]>();
    for (let k = 1; k <= 3600; k += 5) {
      const now = t0 + k * 1000;
      const { positions, metrics } = fleet.step(now, plan.filter((c) => c.at > prev && c.at <= now));
      prev = now;
      calls += metrics.filter((m) => m.key === 'ems.call').length;
      arrivals += metrics.filter((m) => m.key === 'ems.arrival_s').length;
      for (const p of positions) last.set(p.vehicle, [p.lon, p.lat, p.status!]);
    }
    expect(calls).toBeGreaterThan(50);
    expect(arrivals).toBeGreaterThan(20);
    const statuses = new Set([...last.values()].map((v) => v[2]));
    expect(statuses.has('free')).toBe(true);
    expect([...statuses].some((s) => s !== 'free' && s !== 'off_duty')).toBe(true);
    for (const [lon, lat] of last.values()) expect(reference.geo.insideRepublic(lon, lat)).toBe(true);
  });
});

describe('fleet on roads', () => {
  const sharedGeo = path.resolve(__dirname, '../../../../shared/geo');
  it.runIf(existsSync(sharedGeo))('follows a federal highway between points near it, inside the republic, and goes straight otherwise', () => {
    const real = loadReference(path.resolve(__dirname, '../../../data'), sharedGeo, {});
    const router = createRouter(real.geo.layers.roads, real.geo.insideRepublic);
    expect(router.available).toBe(true);
    // the longest stretch of any road part inside the republic
    const parts = real.geo.layers.roads!.features.flatMap((f) => {
      const g = f.geometry as { type: string; coordinates: unknown };
      return g.type === 'MultiLineString' ? (g.coordinates as [number, number][][]) : [g.coordinates as [number, number][]];
    }).map((part) => part.filter(([lon, lat]) => real.geo.insideRepublic(lon, lat)));
    const line = parts.sort((x, y) => y.length - x.length)[0]!;
    expect(line.length).toBeGreaterThan(20);
    const a = line[Math.floor(line.length * 0.2)]!;
    const b = line[Math.floor(line.length * 0.8)]!;
    const route = router.route([a[0] + 0.02, a[1] + 0.01], b);
    expect(route.length).toBeGreaterThan(3);
    expect(route[route.length - 1]).toEqual(b);
    for (const [lon, lat] of route) expect(real.geo.insideRepublic(lon, lat)).toBe(true);
    expect(router.route([55.9, 54.7], [55.95, 54.72])).toEqual([[55.95, 54.72]]); // a short trip goes straight
  });
});
