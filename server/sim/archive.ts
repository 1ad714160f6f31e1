// The simulator's archive: the days of last year before its detailed history, as daily figures a centre would import
// from the systems it used before (POST /api/admin/daily-figures; here through the same check, in process). Each day
// is drawn from the same rates the detailed simulation uses (appeals per channel and weekday, calls per resident,
// incidents per type and month, teams on duty), with the year-on-year changes the seeds tell of: about 30 fewer teams
// on the road a day a year ago, fewer container sites monitored, answers and arrivals on time a little less often.
import type { Reference } from '../reference/load';
import type { Store } from '../store';
import type { DailyFiguresBody } from '../year/import';
import { importDailyFigures } from '../year/import';
import { firstOwnDay } from '../year/close-days';
import { DAY, HOUR, dayKey, dayStart, localParts } from '../domain/time';
import { SCHEDULES } from './appeals';
import { CALLS_PER_RESIDENT_DAY } from './calls';
import { incidentsPerDay } from './incidents';
import { rng } from './random';

export interface ArchiveSettings { seed: number; teams: number; sites: number; timezone: string; source: string }
type Day = DailyFiguresBody['days'][number];

function archiveDay(s: ArchiveSettings, reference: Reference, start: number, daysAgo: number): Day {
  const p = localParts(start + 12 * HOUR, s.timezone);
  const r = rng(s.seed, 'archive', p.year, p.month, p.day);
  const received = Object.fromEntries(reference.channels.map((c) => [c.id, r.poisson(c.dailyVolume * SCHEDULES[c.schedule ?? 'always'].weekday[p.weekday]!)]));
  const total = Object.values(received).reduce((a, b) => a + b, 0);
  const due = r.poisson(total), calls = r.poisson(reference.municipalities.reduce((a, m) => a + m.population_estimate, 0) * CALLS_PER_RESIDENT_DAY);
  const arrivals = Math.round(calls * 0.97);
  const year = daysAgo / 365;
  const monitored = Math.round(s.sites * (1 - 0.2 * year));
  const warm = (p.month > 4 || (p.month === 4 && p.day >= 15)) && (p.month < 10 || (p.month === 10 && p.day <= 15));
  const services = r.poisson(monitored * (warm ? 0.95 : 0.34));
  const share = (base: number) => Math.min(1, Math.max(0, base - 0.05 * year + 0.02 * r.normal()));
  return {
    day: dayKey(start, s.timezone),
    appeals: { received, due, dueOnTime: Math.round(due * share(0.95)) },
    fleet: { onDuty: Math.round(s.teams * 0.885 * (1 - 0.1 * year) * 10) / 10, calls, arrivals, within20: Math.round(arrivals * share(0.88)) },
    sites: { monitored, services, servicesOnTime: Math.round(services * share(0.9)) },
    incidents: { reported: Object.fromEntries(incidentsPerDay(p.month - 1).map(([type, mean]) => [type, r.poisson(mean)])) },
    producers: { active: [s.source], feeds: ['appeals', 'incidents'].map((k) => `${k}:${s.source}`) },
  };
}

/** Imports the archive's days from 1 January of last year to the day before the store's own records, those not there
 *  yet; returns how many. */
export function fillArchive(store: Store, reference: Reference, s: ArchiveSettings, now: number): number {
  const first = firstOwnDay(store, s.timezone);
  if (first === null) return 0;
  const days: Day[] = [];
  const today = dayStart(now, s.timezone);
  for (let start = dayStart(Date.parse(`${localParts(now, s.timezone).year - 1}-01-01T12:00:00Z`), s.timezone); ; start = dayStart(start + DAY + DAY / 2, s.timezone)) {
    const day = dayKey(start, s.timezone);
    if (day >= first) break;
    if (store.dailyFigures.originOf(day) === null) days.push(archiveDay(s, reference, start, Math.round((today - start) / DAY)));
  }
  for (let i = 0; i < days.length; i += 1000) importDailyFigures(store, reference, s.timezone, now, { days: days.slice(i, i + 1000) });
  return days.length;
}
