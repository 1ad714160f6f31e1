// All indicators, derived once on the server; clients never recompute them.
import type { Summary } from '../../protocol/summary';
import type { Store } from '../../store';
import type { Reference } from '../../reference/load';
import type { Hub } from '../../hub/hub';
import { indicatorContext } from './context';
import { appealIndicators } from './appeals';
import { DEFAULT_DEADLINE_WINDOW_DAYS, deadlineIndicators } from './deadlines';
import { DEFINITIONS } from './definitions';
import { dayKey } from '../time';
import { fleetIndicators } from './fleet';
import { containerIndicators } from './containers';
import { incidentIndicators } from './incidents';
import { hotlineIndicators } from './hotline';
import { FUTURE_TOLERANCE } from '../time';

export interface FigureOptions { deadlineWindowDays: number }

/** What only the live hub knows; a past moment says it from the store (server/history/moment.ts). */
export interface PastMoment { containersNewestAt: number | null }

export function computeSummary(store: Store, reference: Reference, hub: Hub, now: number, timezone: string,
  options: FigureOptions = { deadlineWindowDays: DEFAULT_DEADLINE_WINDOW_DAYS }, past: PastMoment | null = null): Summary {
  const c = indicatorContext(store, reference, hub, now, timezone, past?.containersNewestAt ?? hub.touched('containers'));
  const { deadlines, ranking } = deadlineIndicators(c, options.deadlineWindowDays);
  return {
    time: now, timezone, day: c.day,
    baseline: { weeks: c.baseline.windows.length, days: c.baseline.starts.map((t) => dayKey(t, timezone)), holiday: c.baseline.holiday },
    definitions: DEFINITIONS,
    appeals: appealIndicators(c), deadlines, ranking,
    fleet: fleetIndicators(c), containers: containerIndicators(c), incidents: incidentIndicators(c), hotline: hotlineIndicators(c),
    outsideRegion: outsideRegion(store, now),
    // live, a department's clock may run ahead by the ingest's tolerance and its newest sample shows all the same; a
    // past moment cannot know which of the samples dated just after it had come by then, and takes none
    departmental: departmental(store, past ? now : now + FUTURE_TOLERANCE),
  };
}

/** the departmental indicators with a sample dated by `horizon` (one described later had not come yet) */
function departmental(store: Store, horizon: number): Summary['departmental'] {
  return store.metrics.defs().flatMap((d) => {
    const latest = store.metrics.latestAt(d.name, horizon);
    if (!latest) return [];
    const dayAgo = store.metrics.latestAt(d.name, latest.at - 24 * 3600_000);
    return [{ key: d.name, title_ru: d.title_ru, title_en: d.title_en, unit: d.unit, value: latest.value, at: latest.at,
      dayAgo, warn: d.warn, critical: d.critical, direction: d.direction ?? 'above', source: d.source }];
  });
}

function outsideRegion(store: Store, now: number): Summary['outsideRegion'] {
  const n = store.outsideRegion.counts(now - 24 * 3600_000, now);
  const [appeals, incidents, containers] = [n['appeals'] ?? 0, n['incidents'] ?? 0, n['containers'] ?? 0];
  return { appeals, incidents, containers, total: appeals + incidents + containers };
}
