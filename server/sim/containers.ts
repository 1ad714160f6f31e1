// ~24,000 container sites where people live, each with its operator, containers and a daily route slot. Fill rises
// through the day; operators service sites on their routes (some more reliably than others); a few sites get
// damaged, burn or are found with the lid open. Sites are the same for a seed; their state survives restarts.
import type { Reference } from '../reference/load';
import type { ContainerIn } from '../ingest/schemas';
import type { ContainerSiteRecord } from '../domain/records';
import type { ContainerStatus } from '../protocol/views';
import { statusForFill } from '../ingest/normalize/containers';
import { DAY, HOUR, dayNumber, dayStart } from '../domain/time';
import { rng } from './random';
import type { Places } from './places';

interface Site {
  id: string; municipality: string; operator: string; lon: number; lat: number; containers: number;
  ratePerHour: number; intervalDays: number; slotMs: number; reliability: number;
  /** which day of its interval the site's route comes: its own, so operators' work does not flip on alternate days */
  phase: number;
  fill: number; status: ContainerStatus; servicedAt: number | null; reported: { bucket: number; status: ContainerStatus; servicedAt: number | null };
}

const SPECIAL: { status: ContainerStatus; weight: number }[] = [
  { status: 'damaged', weight: 4 }, { status: 'lidOpen', weight: 3 }, { status: 'dropped', weight: 1 },
  { status: 'vandalized', weight: 1 }, { status: 'moved', weight: 0.5 }, { status: 'burning', weight: 0.5 },
];
const SPECIAL_PER_SITE_HOUR = 0.00004;

export function createContainerSim(seed: number, count: number, reference: Reference, places: Places, timezone: string) {
  const r = rng(seed, 'containers');
  const total = reference.municipalities.reduce((s, m) => s + m.population_estimate, 0);
  const sites: Site[] = [];
  for (const m of reference.municipalities) {
    const n = Math.round((m.population_estimate / total) * count);
    const operator = reference.operatorByMunicipality.get(m.id)!;
    for (let k = 0; k < n; k++) {
      const [lon, lat] = places.pointIn(m.id, r, m.kind === 'city' ? 0.05 : 0.3);
      const intervalDays = m.kind === 'city' ? 1 : r.chance(0.5) ? 1 : 2;
      sites.push({ id: `sim-c-${m.id}-${k + 1}`, municipality: m.id, operator: operator.id, lon, lat,
        containers: m.kind === 'city' ? 2 + r.int(6) : 1 + r.int(3),
        ratePerHour: (100 / (24 * intervalDays)) * r.range(0.6, 1.25), intervalDays, slotMs: (6 + r.next() * 14) * HOUR,
        reliability: operator.sim.reliability, phase: 0, fill: 0, status: 'ok', servicedAt: null, reported: { bucket: -1, status: 'ok', servicedAt: null } });
    }
  }
  // phases from a stream of their own, so the sites' places and sizes stay what they were for a seed
  for (const s of sites) s.phase = rng(seed, 'route-phase', s.id).int(s.intervalDays);
  let last = 0;
  const onRoute = (s: Site, slot: number) => (dayNumber(slot, timezone) + s.phase) % s.intervalDays === 0;

  /** the route slot on the local day of t; the site is due when its interval has passed since the last service */
  const slotOf = (s: Site, t: number) => dayStart(t, timezone) + s.slotMs;
  const serviced = (s: Site, slot: number) =>
    rng(seed, 'service', s.id, dayNumber(slot, timezone)).chance(s.reliability);

  function lastService(s: Site, now: number): number | null {
    for (let d = 0; d < 6; d++) {
      const slot = slotOf(s, now - d * DAY);
      if (slot <= now && onRoute(s, slot) && serviced(s, slot)) return slot;
    }
    return null;
  }

  /** The time the server was down: the services on the site's route since `since` happened, and it filled meanwhile.
   *  Returns whether the site changed. */
  function catchUp(s: Site, since: number, now: number): boolean {
    if (now - since < 10 * 60_000) return false;
    const missed = lastService(s, now);
    const wasServiced = missed !== null && missed > since && (s.servicedAt === null || missed > s.servicedAt);
    if (wasServiced) { s.servicedAt = missed; s.fill = 0; }
    s.fill = Math.min(100, s.fill + ((now - (wasServiced ? missed : since)) / HOUR) * s.ratePerHour);
    if (['ok', 'full', 'overflowing'].includes(s.status)) s.status = statusForFill(s.fill);
    return true;
  }

  function item(s: Site, now: number, full: boolean): ContainerIn {
    s.reported = { bucket: Math.floor(s.fill / 10), status: s.status, servicedAt: s.servicedAt };
    const state = { id: s.id, at: now, fill: Math.round(s.fill), status: s.status, ...(s.servicedAt ? { servicedAt: s.servicedAt } : {}) };
    return full ? { ...state, operator: s.operator, municipality: s.municipality, lon: s.lon, lat: s.lat, containers: s.containers, volumeM3: 1.1 } : state;
  }

  return {
    count: sites.length,
    /** registrations for sites the store lacks; state restored for those it has */
    init(known: Map<string, ContainerSiteRecord>, now: number): ContainerIn[] {
      last = now;
      const out: ContainerIn[] = [];
      for (const s of sites) {
        const k = known.get(s.id);
        if (k) {
          s.fill = k.fill; s.status = k.status; s.servicedAt = k.servicedAt;
          s.reported = { bucket: Math.floor(k.fill / 10), status: k.status, servicedAt: k.servicedAt };
          if (catchUp(s, k.updatedAt, now)) out.push(item(s, now, false));
          continue;
        }
        s.servicedAt = lastService(s, now);
        s.fill = Math.min(100, s.servicedAt === null ? 100 : ((now - s.servicedAt) / HOUR) * s.ratePerHour);
        s.status = statusForFill(s.fill);
        out.push(item(s, now, true));
      }
      return out;
    },
    /** advances every site to `now`; returns the sites whose status, service or fill (in 10 % steps) changed */
    step(now: number): ContainerIn[] {
      const dtH = Math.max(0, (now - last) / HOUR);
      const prev = last;
      last = now;
      const out: ContainerIn[] = [];
      // one local midnight for all sites (time-zone arithmetic per site per step was the sim's hot spot)
      const midnight = dayStart(now, timezone);
      for (const s of sites) {
        const slot = midnight + s.slotMs;
        if (slot > prev && slot <= now && onRoute(s, slot) && serviced(s, slot)) {
          s.servicedAt = slot; s.fill = 0; s.status = 'ok';
        }
        s.fill = Math.min(100, s.fill + dtH * s.ratePerHour);
        const special = !['ok', 'full', 'overflowing'].includes(s.status);
        if (!special && r.chance(dtH * SPECIAL_PER_SITE_HOUR)) s.status = SPECIAL[r.weighted(SPECIAL.map((x) => x.weight))]!.status;
        else if (!special) s.status = statusForFill(s.fill);
        const rep = s.reported;
        if (rep.status !== s.status || rep.servicedAt !== s.servicedAt || rep.bucket !== Math.floor(s.fill / 10)) out.push(item(s, now, false));
      }
      return out;
    },
  };
}
export type ContainerSim = ReturnType<typeof createContainerSim>;
