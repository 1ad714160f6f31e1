// Periodic work of a running server: indicators (at most once a second when data changed, else every 10 s), the 1 Hz
// fleet frame, the teams-on-duty record, window pruning and the retention policy. Every timer stops on close.
import type { Store } from '../store';
import type { Hub } from '../hub/hub';
import type { Ingest } from '../ingest/pipeline';
import { INTERNAL_SOURCE } from '../ingest/sources';
import type { Config } from '../config/config';
import type { Summary } from '../protocol/summary';
import { METRICS } from '../domain/metric-names';
import { DAY, HOUR, MINUTE, dayKey } from '../domain/time';
import { closeDays } from '../year/close-days';
import { buildCheckpoints, thinCheckpoints } from '../history/site-states';

export interface JobDeps {
  store: Store;
  hub: Hub;
  ingest: Ingest;
  config: Config;
  now: () => number;
  computeSummary: (now: number) => Summary;
  log: (msg: string, extra?: Record<string, unknown>) => void;
}

export const TEAMS_SAMPLE_EVERY = 10 * MINUTE;

export function createJobs(d: JobDeps) {
  let dirty = true;
  let last: Summary | null = null;
  let lastAt = 0;
  let lastTeamsSlot = -1;
  const timers: NodeJS.Timeout[] = [];

  const jobs = {
    markDirty(): void { dirty = true; },
    /** the current indicators: recomputed when stale, shared by the kpi topic and GET /api/summary */
    summary(maxAgeMs = 1000): Summary {
      const now = d.now();
      if (!last || now - lastAt > maxAgeMs) jobs.refreshKpi(true);
      return last!;
    },
    refreshKpi(force = false): void {
      const now = d.now();
      if (!force && !dirty && now - lastAt < 10_000) return;
      dirty = false;
      last = d.computeSummary(now);
      lastAt = now;
      d.hub.setKpi(last);
    },
    tickFleet(): void { d.hub.tickFleet(d.now()); },
    /** records teams on duty every 10 minutes, so next year's "same day last year" is real */
    recordTeams(): void {
      const now = d.now();
      const slot = Math.floor(now / TEAMS_SAMPLE_EVERY);
      const vehicles = d.hub.vehicles();
      if (slot === lastTeamsSlot || vehicles.length === 0) return;
      lastTeamsSlot = slot;
      const onDuty = vehicles.filter((v) => v.status !== null && v.status !== 'off_duty').length;
      d.ingest.metrics([{ key: METRICS.emsTeamsOnDuty, at: slot * TEAMS_SAMPLE_EVERY, value: onDuty, id: `sitroom:teams:${slot}` }], INTERNAL_SOURCE);
    },
    prune(): Record<string, number> {
      const now = d.now();
      const r = d.config.retention;
      d.hub.prune(now);
      const deleted = d.store.prune({
        appealsBefore: now - r.appealsDays * DAY, appealDaysBefore: dayKey(now - 3 * 365 * DAY, d.config.timezone),
        incidentsBefore: now - r.incidentsDays * DAY, positionsBefore: now - r.positionsHours * HOUR, tracksBefore: now - Math.max(r.tracksDays * DAY, r.positionsHours * HOUR),
        containerEventsBefore: now - r.containerEventsDays * DAY, metricsBefore: now - r.metricsDays * DAY,
      });
      if (Object.values(deleted).some((n) => n > 0)) d.log('retention', deleted);
      return deleted;
    },
    /** the year's figures of each closed day not yet counted (server/year/), 300 ms of work at a time */
    closeDays: (): number => closeDays(d.store, d.config.timezone, d.now(), 300),
    /** the container sites' daily checkpoints for past moments: the missing ones, 100 ms of work at a time */
    checkpoints(): number {
      const built = buildCheckpoints(d.store, d.config.timezone, d.now(), 100);
      thinCheckpoints(d.store, d.config.timezone, d.now());
      return built;
    },
    start(): void {
      const every = (ms: number, fn: () => void) => timers.push(setInterval(() => {
        try { fn(); } catch (e) { d.log('job failed', { error: (e as Error).stack }); }
      }, ms));
      every(1000, () => jobs.refreshKpi());
      every(1000, () => jobs.tickFleet());
      every(30_000, () => jobs.recordTeams());
      every(60_000, () => jobs.prune());
      every(5_000, () => jobs.checkpoints());
      every(2_000, () => jobs.closeDays());
    },
    stop(): void { timers.splice(0).forEach(clearInterval); },
  };
  return jobs;
}
export type Jobs = ReturnType<typeof createJobs>;
