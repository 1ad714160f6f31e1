// Past moments on demand: each computed from the store (moment.ts), the last few kept so a replaying wall's screens
// and reads of the same moment share one computation, and how far back each kind of history reaches under the
// retention settings (a moment older than a kind's reach is shown without it, and says so).
import type { Store } from '../store';
import type { Reference } from '../reference/load';
import type { Config } from '../config/config';
import { DAY, HOUR } from '../domain/time';
import { fleetAt, momentAt, type Moment } from './moment';

const KEPT = 16;
/** the kinds of history a moment is made of (a team's place: its replay track, which outlasts the raw fixes) */
export const HISTORY_KINDS = ['appeals', 'incidents', 'tracks', 'containerEvents', 'metrics'] as const;
export type HistoryKind = (typeof HISTORY_KINDS)[number];

/** the earliest moment each kind of history still covers at `now` */
export function reach(retention: Config['retention'], now: number): Record<HistoryKind, number> {
  return {
    appeals: now - retention.appealsDays * DAY, incidents: now - retention.incidentsDays * DAY,
    tracks: now - Math.max(retention.tracksDays * DAY, retention.positionsHours * HOUR),
    containerEvents: now - retention.containerEventsDays * DAY, metrics: now - retention.metricsDays * DAY,
  };
}

export function createMoments(store: Store, reference: Reference, config: Config) {
  const kept = new Map<number, Moment & { computedAt: number }>();
  return {
    /** the wall at t (kept for the next request of the same moment; a new write makes no difference to the past
     *  except late data, so a kept moment is dropped after a minute) */
    at(t: number, now: number): Moment {
      const hit = kept.get(t);
      if (hit && now - hit.computedAt < 60_000) return hit;
      const m = { ...momentAt(store, reference, t, config.timezone, { deadlineWindowDays: config.deadlineWindowDays }), computedAt: now };
      kept.delete(t);
      kept.set(t, m);
      if (kept.size > KEPT) kept.delete(kept.keys().next().value!);
      return m;
    },
    /** the fleet alone at t: a replay's frames between two full moments */
    fleetAt: (t: number) => fleetAt(store, reference, t),
    /** the kinds of history that no longer reach back to t (the fleet older than the kept tracks, and so on) */
    missingAt(t: number, now: number): HistoryKind[] {
      const r = reach(config.retention, now);
      return HISTORY_KINDS.filter((k) => t < r[k]);
    },
  };
}
export type Moments = ReturnType<typeof createMoments>;
