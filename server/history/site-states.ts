// The container sites at a past moment, fast: the newest checkpoint at or before it (server/store/site-checkpoints.ts)
// and the events since, applied in time order; the same answer as the store's per-site query (store.containers.
// sitesAt), which stands in before the first checkpoint. Checkpoints are every CHECKPOINT_MS from local midnight for
// the last RECENT_DAYS (a jump reads at most that much of events), one a day before that (the others are thinned
// out); the job builds them one at a time, each from the one before and the events between, so no step blocks the
// server for long.
import type { Store } from '../store';
import type { ContainerSiteRecord } from '../domain/records';
import type { SiteEvent, SiteStates } from '../store/site-checkpoints';
import { CONTAINER_STATUSES, type ContainerStatus } from '../protocol/views';
import { DAY, HOUR, MINUTE, dayStart } from '../domain/time';

export const CHECKPOINT_MS = 4 * HOUR;
export const RECENT_DAYS = 8;
/** a checkpoint is built once this much time has passed after it (the reports of its last hours are in) */
const SETTLE_MS = 15 * MINUTE;
const status = (s: string): ContainerStatus => ((CONTAINER_STATUSES as readonly string[]).includes(s) ? s as ContainerStatus : 'unknown');

/** every site's fixed attributes and its rowid (a checkpoint's key), read again only when a site is added */
interface SiteIndex { count: number; rows: { r: number; record: ContainerSiteRecord }[]; rowOf: Map<string, number> }
const indexes = new WeakMap<Store, SiteIndex>();
function siteIndex(store: Store): SiteIndex {
  const count = store.containers.count(), known = indexes.get(store);
  if (known && known.count === count) return known;
  const rows = store.containers.allWithRowid();
  const index = { count, rows, rowOf: new Map(rows.map(({ r, record }) => [record.id, r])) };
  indexes.set(store, index);
  return index;
}

export function applyEvents(states: SiteStates, events: readonly SiteEvent[], rowOf: ReadonlyMap<string, number>): void {
  for (const [site, at, kind, st, fill] of events) {
    const r = rowOf.get(site);
    if (r === undefined) continue;
    const s = states.get(r) ?? { registered: false, status: status(st), fill, servicedAt: null };
    s.status = status(st);
    s.fill = fill;
    if (kind === 'registered') s.registered = true;
    if (kind === 'serviced') s.servicedAt = Math.max(s.servicedAt ?? at, at);
    states.set(r, s);
  }
}

/** every site registered by t, as it stood at t */
export function sitesAt(store: Store, t: number): ContainerSiteRecord[] {
  const c = store.containers.checkpoints.latestBefore(t);
  if (!c) return store.containers.sitesAt(t);
  const index = siteIndex(store);
  applyEvents(c.states, store.containers.checkpoints.eventsIn(c.at, t), index.rowOf);
  return index.rows.flatMap(({ r, record }) => {
    const s = c.states.get(r);
    return s?.registered ? [{ ...record, status: s.status, fill: s.fill, servicedAt: s.servicedAt, updatedAt: t }] : [];
  });
}

/** the next checkpoint time after t: every CHECKPOINT_MS from local midnight (a day's last step ends at midnight) */
function nextCheckpoint(t: number, timezone: string): number {
  const midnight = dayStart(t, timezone), next = dayStart(midnight + DAY + DAY / 2, timezone);
  return Math.min(next, midnight + (Math.floor((t - midnight) / CHECKPOINT_MS) + 1) * CHECKPOINT_MS);
}

/** Builds the next missing checkpoints, oldest first: one, then more while within `budgetMs`; returns how many. */
export function buildCheckpoints(store: Store, timezone: string, now: number, budgetMs: number): number {
  const cp = store.containers.checkpoints;
  const started = performance.now();
  let built = 0;
  // at least one step, then as many as the budget allows
  for (let more = true; more; more = performance.now() - started < budgetMs) {
    const last = cp.newestAt();
    const from = last ?? cp.firstEventAt();
    if (from === null) break;
    // always in CHECKPOINT_MS steps (a step reads a few hours of events: no long stall); older days are thinned after
    const at = nextCheckpoint(from, timezone);
    if (at > now - SETTLE_MS) break;
    const states: SiteStates = last === null ? new Map() : cp.latestBefore(last)!.states;
    applyEvents(states, cp.eventsIn(last ?? from - 1, at), siteIndex(store).rowOf);
    cp.put(at, states);
    built++;
  }
  return built;
}

/** Older than RECENT_DAYS, only the midnights' checkpoints are kept. */
export function thinCheckpoints(store: Store, timezone: string, now: number): number {
  return store.containers.checkpoints.thin(now - RECENT_DAYS * DAY, (at) => dayStart(at, timezone) === at);
}
