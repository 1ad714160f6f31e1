// The year's daily figures: their names, the groups a day may cover, and one day computed from the store's own
// records. Each is counted by the wall's own definitions, over one local day:
// - appeals.received per channel: appeals received that day (the per-day counts kept past retention, appeal_daily);
// - appeals.due, appeals.dueOnTime: appeals whose deadline fell that day, and of those answered or closed by it;
// - fleet.onDuty: the average of the day's "teams on duty" samples;
// - fleet.calls: calls received; fleet.arrivals, fleet.within20: arrivals at a call, and of those within the
//   20-minute standard (group `calls`: a day with no call recorded has no record of them);
// - sites.monitored: container sites registered by the day's end (the year compares today's with this on the same
//   date last year); sites.services, sites.servicesOnTime: services
//   that day after an earlier one, and of those within the sanitary limit in force since the one before;
// - incidents.reported per type: incidents reported that day;
// - producers.active per producer and feeds.active per kind and producer: who sent appeals, incidents or teams' calls.
import type { Store } from '../store';
import type { FigureRow } from '../store/daily-figures';
import { ARRIVAL_TARGET_MINUTES, METRICS } from '../domain/metric-names';
import { sanitaryLimitAt } from '../domain/indicators/containers';
import { DAY } from '../domain/time';

export const FIGURE_GROUPS = ['appeals', 'fleet', 'calls', 'sites', 'incidents', 'producers'] as const;
export type FigureGroup = (typeof FIGURE_GROUPS)[number];

export const FIGURES = {
  received: 'appeals.received', due: 'appeals.due', dueOnTime: 'appeals.dueOnTime',
  onDuty: 'fleet.onDuty', calls: 'fleet.calls', arrivals: 'fleet.arrivals', within20: 'fleet.within20',
  monitored: 'sites.monitored', services: 'sites.services', servicesOnTime: 'sites.servicesOnTime',
  incidents: 'incidents.reported', producers: 'producers.active', feeds: 'feeds.active', covered: 'covered',
} as const;

const row = (day: string, figure: string, key: string, value: number): FigureRow => ({ day, figure, key, value });

function appealRows(store: Store, day: string, from: number, to: number): FigureRow[] {
  const rows = store.appeals.daily.all('channel', day, day).map((r) => row(day, FIGURES.received, r.key, r.count));
  const d = store.appeals.dueOnTimeIn(from, to);
  return [...rows, row(day, FIGURES.due, '', d.due), row(day, FIGURES.dueOnTime, '', d.onTime)];
}

function fleetRows(store: Store, day: string, from: number, to: number): FigureRow[] | null {
  const onDuty = store.metrics.stats(METRICS.emsTeamsOnDuty, from, to);
  return onDuty.n === 0 || onDuty.avg === null ? null : [row(day, FIGURES.onDuty, '', onDuty.avg)];
}

/** a day without a single call recorded has no record of calls (a health ministry sends calls every day) */
function callRows(store: Store, day: string, from: number, to: number): FigureRow[] | null {
  const calls = store.metrics.stats(METRICS.emsCall, from, to);
  if (calls.n === 0) return null;
  const arrivals = store.metrics.samples(METRICS.emsArrival, from, to);
  return [row(day, FIGURES.calls, '', calls.sum ?? 0), row(day, FIGURES.arrivals, '', arrivals.length),
    row(day, FIGURES.within20, '', arrivals.filter((a) => a.value <= ARRIVAL_TARGET_MINUTES * 60).length)];
}

function siteRows(store: Store, day: string, from: number, to: number, timezone: string): FigureRow[] | null {
  const monitored = store.containers.registeredBy(to);
  if (monitored === 0) return null;
  const limit = sanitaryLimitAt(store, from, timezone).days * DAY;
  const services = store.containers.servicesIn(from, to).filter((s) => s.previous !== null);
  return [row(day, FIGURES.monitored, '', monitored), row(day, FIGURES.services, '', services.length),
    row(day, FIGURES.servicesOnTime, '', services.filter((s) => s.at - s.previous! <= limit).length)];
}

function incidentAndProducerRows(store: Store, day: string, from: number, to: number): FigureRow[] {
  const incidents = store.incidents.reportedIn(from, to - 1);
  const byType = new Map<string, number>();
  for (const i of incidents) byType.set(i.type, (byType.get(i.type) ?? 0) + 1);
  const feeds = new Set([...store.appeals.sourcesIn(from, to).map((s) => `appeals:${s}`), ...incidents.map((i) => `incidents:${i.source}`),
    ...store.teamCalls.sourcesIn(from, to).map((s) => `calls:${s}`)]);
  const producers = new Set([...feeds].map((f) => f.slice(f.indexOf(':') + 1)));
  return [...[...byType].map(([type, n]) => row(day, FIGURES.incidents, type, n)),
    ...[...producers].map((p) => row(day, FIGURES.producers, p, 1)), ...[...feeds].map((f) => row(day, FIGURES.feeds, f, 1))];
}

/** One local day's figures from the store's own records, with the groups it covers. */
export function computeDay(store: Store, day: string, from: number, to: number, timezone: string): FigureRow[] {
  const fleet = fleetRows(store, day, from, to), calls = callRows(store, day, from, to), sites = siteRows(store, day, from, to, timezone);
  const covered: FigureGroup[] = ['appeals', 'incidents', 'producers', ...(fleet ? ['fleet' as const] : []), ...(calls ? ['calls' as const] : []),
    ...(sites ? ['sites' as const] : [])];
  return [...appealRows(store, day, from, to), ...(fleet ?? []), ...(calls ?? []), ...(sites ?? []), ...incidentAndProducerRows(store, day, from, to),
    ...covered.map((g) => row(day, FIGURES.covered, g, 1))];
}
