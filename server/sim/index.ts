// The simulator of the republic: an ordinary producer. It plans each day from (seed, day), backfills history on first
// start (and fills any gap after a stop), then reports changes as they happen, all through the ingest pipeline.
import { SIMULATOR_SOURCE } from '../ingest/sources';
import { guardedIngest } from './guarded-ingest';
import type { Config } from '../config/config';
import type { Reference } from '../reference/load';
import type { Ingest } from '../ingest/pipeline';
import type { Store } from '../store';
import type { AppealIn, ContainerIn, IncidentIn, MetricIn } from '../ingest/schemas';
import { DAY, HOUR, MINUTE, dayNumber, dayStart, localParts } from '../domain/time';
import { HISTORY_SINCE, METRICS } from '../domain/metric-names';
import { fillArchive } from './archive';
import { TimeHeap } from './heap';
import { createPlaces } from './places';
import { appealAt, appealLagDays, appealTransitions, municipalitySlowness, planAppeals, type AppealPlan } from './appeals';
import { incidentAt, planIncidents, type IncidentPlan } from './incidents';
import { planHotline } from './hotline';
import { createFleetSim, type FleetSim } from './fleet';
import { modelledArrivalMs, planCalls, type PlannedCall } from './calls';
import { createContainerSim } from './containers';
import { rng } from './random';
import { DEPARTMENT_STEP, departmentSamples } from './departments';
import { generationTag, planGeneration, planSettings } from './generation';

const SOURCE = SIMULATOR_SOURCE;
const HOTLINE_CALLS_PER_DAY = 75;
const CHUNK = 5000;

type Planned = { kind: 'appeal'; plan: AppealPlan } | { kind: 'incident'; plan: IncidentPlan } | { kind: 'hotline'; item: MetricIn };

export interface SimulatorDeps {
  config: Config;
  reference: Reference;
  ingest: Ingest;
  store: Store;
  now: () => number;
  log: (msg: string, extra?: Record<string, unknown>) => void;
}

const transitionsOf = (p: Planned): number[] =>
  p.kind === 'appeal' ? appealTransitions(p.plan) : p.kind === 'incident' ? [p.plan.reportedAt, p.plan.resolvedAt] : [Number(p.item.at)];

function chunks<T>(items: T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export function createSimulator({ config, reference, ingest, store, now, log }: SimulatorDeps) {
  const { seed, teams, sites, backfillDays } = config.sim;
  const sink = guardedIngest(ingest, SOURCE, now, log);
  /** the plan's generation: a new one when the seed, the boundaries or the time zone differ from the database's */
  let tag = '';
  let regenerated = false;
  const tz = config.timezone;
  const places = createPlaces(reference);
  const slowness = municipalitySlowness(seed, places.ids);
  const queue = new TimeHeap<Planned>();
  const population = reference.municipalities.reduce((s, m) => s + m.population_estimate, 0);
  let plannedDay = -Infinity;
  let fleet: FleetSim | null = null;
  const containers = createContainerSim(seed, sites, reference, places, tz);
  let lastContainerStep = 0;
  let lastMark = 0;
  let lastDepartmentSlot = -1;
  /** the departmental indicators' samples from one time to another (at most the last two days: the wall compares with 24 h ago) */
  function departments(from: number, to: number): MetricIn[] {
    const out: MetricIn[] = [];
    for (let slot = Math.floor(Math.max(from, to - 2 * DAY) / DEPARTMENT_STEP); slot <= Math.floor(to / DEPARTMENT_STEP); slot++) {
      if (slot <= lastDepartmentSlot) continue;
      const at = slot * DEPARTMENT_STEP;
      out.push(...departmentSamples(seed, at, localParts(at, tz).hour));
      lastDepartmentSlot = slot;
    }
    return out;
  }
  let lastTick = 0;
  let lastFleetStep = 0;
  let timer: NodeJS.Timeout | null = null;

  /** Plans one day; sends what changed in (from, to]; queues what changes later. */
  function planDay(day: number, from: number, to: number): { appeals: AppealIn[]; incidents: IncidentIn[]; metrics: MetricIn[] } {
    const start = dayStart(day * DAY + 12 * HOUR, tz);
    const planned: Planned[] = [
      ...planAppeals(seed, day, start, tz, reference, places, slowness, tag).map((plan) => ({ kind: 'appeal' as const, plan })),
      ...planIncidents(seed, day, start, tz, places, reference, tag).map((plan) => ({ kind: 'incident' as const, plan })),
      ...planHotline(seed, day, start, tz, HOTLINE_CALLS_PER_DAY, tag).map((item) => ({ kind: 'hotline' as const, item })),
    ];
    const out = { appeals: [] as AppealIn[], incidents: [] as IncidentIn[], metrics: [] as MetricIn[] };
    for (const p of planned) {
      const times = transitionsOf(p);
      if (times.some((t) => t > from && t <= to)) emit(p, to, out);
      const next = times.find((t) => t > to);
      if (next !== undefined) queue.push(next, p);
    }
    plannedDay = Math.max(plannedDay, day);
    return out;
  }

  function emit(p: Planned, t: number, out: { appeals: AppealIn[]; incidents: IncidentIn[]; metrics: MetricIn[] }): void {
    if (p.kind === 'appeal') { const a = appealAt(p.plan, t); if (a) out.appeals.push(a); }
    else if (p.kind === 'incident') { const i = incidentAt(p.plan, t); if (i) out.incidents.push(i); }
    else if (Number(p.item.at) <= t) out.metrics.push(p.item);
  }

  function send(out: { appeals: AppealIn[]; incidents: IncidentIn[]; metrics: MetricIn[] }): void {
    for (const c of chunks(out.appeals)) sink.send('appeals', c);
    for (const c of chunks(out.incidents)) sink.send('incidents', c);
    for (const c of chunks(out.metrics)) sink.send('metrics', c);
  }

  /** the planned calls of each local day, kept for the days the live fleet still needs */
  const callPlans = new Map<number, PlannedCall[]>();
  function callsOfDay(day: number, withPoints = true): PlannedCall[] {
    const kept = callPlans.get(day);
    if (kept) return kept;
    const plan = planCalls(seed, day, dayStart(day * DAY + 12 * HOUR, tz), population, places, withPoints, tag);
    if (withPoints) {
      callPlans.set(day, plan);
      for (const d of callPlans.keys()) if (d < day - 1) callPlans.delete(d);
    }
    return plan;
  }
  /** the planned calls that came in (from, to] */
  function callsIn(from: number, to: number): PlannedCall[] {
    const out: PlannedCall[] = [];
    for (let day = dayNumber(from, tz); day <= dayNumber(to, tz); day++) out.push(...callsOfDay(day).filter((c) => c.at > from && c.at <= to));
    return out;
  }

  /** A health ministry's history: teams on duty each hour (about 30 fewer a year ago, as in the seed), the last seven
   *  weeks' calls (the usual value needs six), and the last week's arrivals by the same model the live fleet follows,
   *  all up to `t`. The calls are the live fleet's own plan, under the same ids. */
  function fleetHistory(day: number, today: number, t: number, until: number): MetricIn[] {
    const start = dayStart(day * DAY + 12 * HOUR, tz);
    const daysAgo = today - day;
    const r = rng(seed, 'fleet-history', day);
    const out: MetricIn[] = [];
    for (let h = 0; h < 24 && daysAgo > 0; h++) {
      const at = start + h * HOUR + 30 * MINUTE;
      const onDuty = teams * (h >= 8 && h < 20 ? 0.94 : 0.83) * (1 - (0.1 * daysAgo) / 365) + r.normal() * 2;
      out.push({ key: METRICS.emsTeamsOnDuty, at, value: Math.round(onDuty), id: `sim:teams:${day}:${h}` });
    }
    if (daysAgo > 49) return out;
    for (const c of callsOfDay(day, daysAgo <= 8)) {
      // calls before the last run's end are stored already (under the old generation's ids after a change of plan)
      if (c.at <= t && c.at > until) out.push({ key: METRICS.emsCall, at: c.at, value: 1, municipality: c.municipality, id: `sim:call:${c.id}` });
      // arrivals of calls the last run's fleet took are that run's to record: modelling them here would change the past
      if (daysAgo > 8 || c.at <= until) continue;
      const arrival = Math.round(modelledArrivalMs(c, reference) / 1000);
      if (c.at + arrival * 1000 <= t) out.push({ key: METRICS.emsArrival, at: c.at + arrival * 1000, value: arrival, id: `sim:arr:${c.id}` });
    }
    return out;
  }

  async function backfill(t: number): Promise<void> {
    const until = Number(store.metrics.getMeta('sim.until')) || 0;
    const { generation, changed } = planGeneration(store, planSettings(seed, tz, reference));
    tag = generationTag(generation);
    regenerated = changed.length > 0 && until > 0;
    if (regenerated) log('simulator: its settings changed since this database was made; the stored past stays as it is and the simulator continues from its last run under new ids', { changed });
    const from = Math.max(until, t - backfillDays * DAY);
    // history is complete from the first backfill's start (earlier rows are appeals re-planned for their later changes)
    if (!store.metrics.getMeta(HISTORY_SINCE)) store.metrics.setMeta(HISTORY_SINCE, String(from));
    const first = dayNumber(from, tz);
    const today = dayNumber(t, tz);
    // appeals answered long after they arrive (30-day deadlines): re-plan far enough back to queue all their later changes
    // (not after a change of plan: the old plan's appeals are the old settings' to finish, never rewritten)
    const replanFrom = regenerated ? first : Math.min(first, today - appealLagDays(reference));
    const began = Date.now();
    let count = 0;
    for (let day = replanFrom; day <= today; day++) {
      const out = planDay(day, from, t);
      if (day >= first) out.metrics.push(...fleetHistory(day, today, t, until));
      count += out.appeals.length;
      send(out);
      if (day % 20 === 0) await new Promise((resolve) => setImmediate(resolve));
    }
    for (const c of chunks(departments(from, t))) sink.send('metrics', c);
    store.metrics.setMeta('sim.until', String(t));
    // last year's days before the detailed history, as a centre's archive would give them (./archive.ts)
    const archived = fillArchive(store, reference, { seed, teams, sites, timezone: tz, source: SOURCE }, t);
    log('simulator: history filled', { fromDay: new Date(from).toISOString(), days: today - first + 1, appeals: count, archivedDays: archived,
      seconds: Number(((Date.now() - began) / 1000).toFixed(1)) });
  }

  function tick(): void {
    const t = now();
    // a new local day: plan it, sending anything that already happened since the last tick
    while (dayNumber(t, tz) > plannedDay) send(planDay(plannedDay + 1, lastTick, t));
    lastTick = t;
    const out = { appeals: [] as AppealIn[], incidents: [] as IncidentIn[], metrics: [] as MetricIn[] };
    for (const p of queue.popUntil(t)) {
      emit(p, t, out);
      const next = transitionsOf(p).find((x) => x > t);
      if (next !== undefined) queue.push(next, p);
    }
    send(out);
    if (fleet) {
      const step = fleet.step(t, callsIn(lastFleetStep, t));
      lastFleetStep = t;
      if (step.positions.length) sink.send('positions', step.positions);
      if (step.metrics.length) sink.send('metrics', step.metrics);
    }
    if (t - lastContainerStep >= MINUTE) {
      lastContainerStep = t;
      const changed: ContainerIn[] = containers.step(t);
      for (const c of chunks(changed)) sink.send('containers', c);
    }
    const due = departments(t - DEPARTMENT_STEP, t);
    if (due.length) sink.send('metrics', due);
    if (t - lastMark >= MINUTE) { lastMark = t; store.metrics.setMeta('sim.until', String(t)); }
  }

  return {
    async start(): Promise<void> {
      const t = now();
      await backfill(t);
      lastTick = t;
      const known = new Map(store.containers.all().filter((s) => s.id.startsWith('sim-c-')).map((s) => [s.id, s]));
      const registrations = containers.init(known, t);
      for (const c of chunks(registrations)) sink.send('containers', c);
      lastContainerStep = t;
      fleet = createFleetSim(seed, teams, reference, places, tz, t);
      fleet.warmUp(callsIn);
      lastFleetStep = t;
      const first = fleet.step(t, []);
      sink.send('positions', first.positions);
      log('simulator: live', { sites: containers.count, newSites: registrations.length, teams: fleet.teamCount });
      timer = setInterval(() => {
        try { tick(); } catch (e) { log('simulator tick failed', { error: (e as Error).stack }); }
      }, 1000);
    },
    /** items the pipeline refused (skipped, logged): shown at /healthz */
    refusals: () => sink.stats,
    /** one step by hand (tests drive the simulator with their own clock) */
    tick,
    stop(): void {
      if (timer) clearInterval(timer);
      timer = null;
      store.metrics.setMeta('sim.until', String(now()));
    },
  };
}
export type Simulator = ReturnType<typeof createSimulator>;
