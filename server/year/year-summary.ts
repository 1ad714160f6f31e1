// The year against the last, from the daily figures: the same dates of both years (1 January to yesterday; on
// 1 January, the whole of last year against the year before), sums of counts, shares as sums over sums, averages of
// days. A group without a record in a period is null there, never zero.
import type { Store } from '../store';
import type { YearCompared, YearSummary } from '../protocol/year';
import { DAY, dayKey, dayStart, localParts } from '../domain/time';
import { round, share } from '../domain/stats';
import { FIGURE_GROUPS, FIGURES, type FigureGroup } from './figures';

interface Period { from: string; to: string; days: number }
const pad = (n: number) => String(n).padStart(2, '0');
const daysIn = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / DAY) + 1;
const period = (from: string, to: string): Period => ({ from, to, days: daysIn(from, to) });

/** this year's period and last year's same dates */
export function yearPeriods(now: number, timezone: string): { thisYear: Period; lastYear: Period } {
  const p = localParts(now, timezone);
  if (p.month === 1 && p.day === 1) return { thisYear: period(`${p.year - 1}-01-01`, `${p.year - 1}-12-31`), lastYear: period(`${p.year - 2}-01-01`, `${p.year - 2}-12-31`) };
  const y = dayKey(dayStart(now, timezone) - DAY / 2, timezone);
  // 29 February has no twin last year: the 28th stands for it
  const twin = y.slice(5) === '02-29' ? `${p.year - 1}-02-28` : `${p.year - 1}-${y.slice(5)}`;
  return { thisYear: period(`${p.year}-01-01`, y), lastYear: period(`${p.year - 1}-01-01`, twin) };
}

export function yearSummary(store: Store, now: number, timezone: string): YearSummary {
  const { thisYear, lastYear } = yearPeriods(now, timezone);
  const f = store.dailyFigures;
  const coverageOf = (p: Period) => {
    const c = Object.fromEntries(FIGURE_GROUPS.map((g) => [g, { computed: 0, imported: 0 }])) as Record<FigureGroup, { computed: number; imported: number }>;
    for (const r of f.coverage(p.from, p.to)) if (r.key in c) c[r.key as FigureGroup][r.origin as 'computed' | 'imported'] += r.n;
    return c;
  };
  const cover = { thisYear: coverageOf(thisYear), lastYear: coverageOf(lastYear) };
  const has = (g: FigureGroup, which: 'thisYear' | 'lastYear') => cover[which][g].computed + cover[which][g].imported > 0;
  /** a figure in both periods: `of` turns a period into the value, for a group with a record there */
  const both = (g: FigureGroup, of: (p: Period) => number | null): YearCompared => ({
    value: has(g, 'thisYear') ? of(thisYear) : null, lastYear: has(g, 'lastYear') ? of(lastYear) : null });
  const total = (figure: string) => (p: Period) => f.sums(figure, p.from, p.to).reduce((a, r) => a + r.sum, 0);
  const ratio = (part: string, whole: string) => (p: Period) => round(share(total(part)(p), total(whole)(p)), 4);
  const keyed = (g: FigureGroup, figure: string) => {
    const a = new Map(f.sums(figure, thisYear.from, thisYear.to).map((r) => [r.key, r.sum]));
    const b = new Map(f.sums(figure, lastYear.from, lastYear.to).map((r) => [r.key, r.sum]));
    return [...new Set([...a.keys(), ...b.keys()])].map((id) => ({ id,
      value: has(g, 'thisYear') ? a.get(id) ?? 0 : null, lastYear: has(g, 'lastYear') ? b.get(id) ?? 0 : null }))
      .sort((x, y) => (y.value ?? 0) - (x.value ?? 0) || (y.lastYear ?? 0) - (x.lastYear ?? 0) || x.id.localeCompare(y.id));
  };
  const average = (rows: { value: number }[]) => (rows.length ? round(rows.reduce((a, r) => a + r.value, 0) / rows.length, 1) : null);
  const onDuty = (p: Period) => f.byDay(FIGURES.onDuty, p.from, p.to);
  const newest = (figure: string) => (p: Period) => f.byDay(figure, p.from, p.to).at(-1)?.value ?? null;
  const days = (g: FigureGroup, p: Period) => { const c = p === thisYear ? cover.thisYear[g] : cover.lastYear[g]; return c.computed + c.imported; };
  const registered = store.containers.registeredBy(now + 1);
  const months = Number(thisYear.to.slice(5, 7));
  const sumOf = (rows: { value: number }[]) => (rows.length ? rows.reduce((a, r) => a + r.value, 0) : null);
  return {
    time: now, timezone, period: thisYear, lastYearPeriod: lastYear, coverage: cover,
    appeals: { total: both('appeals', total(FIGURES.received)), byChannel: keyed('appeals', FIGURES.received),
      byMonth: monthsOf(f.byDay(FIGURES.received, thisYear.from, thisYear.to), f.byDay(FIGURES.received, lastYear.from, lastYear.to), sumOf, months),
      due: both('appeals', total(FIGURES.due)), dueOnTime: both('appeals', total(FIGURES.dueOnTime)), onTimeShare: both('appeals', ratio(FIGURES.dueOnTime, FIGURES.due)) },
    fleet: { onDutyPerDay: both('fleet', (p) => average(onDuty(p))), byMonth: monthsOf(onDuty(thisYear), onDuty(lastYear), average, months),
      callsPerDay: both('calls', (p) => round(share(total(FIGURES.calls)(p), days('calls', p)), 1)),
      arrivals: both('calls', total(FIGURES.arrivals)), within20Share: both('calls', ratio(FIGURES.within20, FIGURES.arrivals)) },
    // a stock, not a flow: the sites registered now, against those by the same date last year
    sites: { monitored: { value: registered > 0 ? registered : null, lastYear: has('sites', 'lastYear') ? newest(FIGURES.monitored)(lastYear) : null },
      services: both('sites', total(FIGURES.services)),
      onTimeShare: both('sites', ratio(FIGURES.servicesOnTime, FIGURES.services)) },
    incidents: { total: both('incidents', total(FIGURES.incidents)), byType: keyed('incidents', FIGURES.incidents) },
    producers: { producers: both('producers', (p) => f.distinctKeys(FIGURES.producers, p.from, p.to)),
      feeds: both('producers', (p) => f.distinctKeys(FIGURES.feeds, p.from, p.to)) },
  };
}

/** a figure per day gathered by month in both years (an average, or a sum), for the months this year's period reaches */
function monthsOf(a: { day: string; value: number }[], b: { day: string; value: number }[], average: (r: { value: number }[]) => number | null,
  months: number) {
  const inMonth = (rows: { day: string; value: number }[], m: number) => rows.filter((r) => r.day.slice(5, 7) === pad(m));
  return Array.from({ length: months }, (_, i) => ({ month: i + 1, value: average(inMonth(a, i + 1)), lastYear: average(inMonth(b, i + 1)) }));
}
