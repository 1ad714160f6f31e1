// Appeals today: totals, by channel, category and municipality, each against its usual value for this weekday and
// time of day (server/domain/baseline.ts), and, as secondary comparisons, the same time yesterday and last week.
import type { AppealsHourlyUsual, KeyedCompared, Summary } from '../../protocol/summary';
import { HOUR } from '../time';
import { median } from '../stats';
import { sameTimeWindows, windowsSince, type IndicatorContext } from './context';
import { usualOf } from '../baseline';
import { APPEAL_WINDOW } from '../../hub/hub';

const sum = (m: Map<string, number>): number => [...m.values()].reduce((a, b) => a + b, 0);
const DIMS = ['channel', 'category', 'municipality'] as const;
type Dim = (typeof DIMS)[number];
interface DimCounts { today: Map<string, number>; yesterday: Map<string, number>; lastWeek: Map<string, number>; weeks: Map<string, number>[] }

function countsOf(c: IndicatorContext): Record<Dim, DimCounts> {
  const w = sameTimeWindows(c);
  const a = c.store.appeals;
  return Object.fromEntries(DIMS.map((dim) => [dim, {
    today: a.countBy(dim, ...w.today), yesterday: a.countBy(dim, ...w.yesterday), lastWeek: a.countBy(dim, ...w.lastWeek),
    weeks: windowsSince(c, a.oldestAt()).map(([from, to]) => a.countBy(dim, from, to)),
  }])) as Record<Dim, DimCounts>;
}

/** Per local hour of the baseline weekdays (whole days): the usual count and range, behind today's curve. */
function hourlyUsual(c: IndicatorContext): AppealsHourlyUsual | null {
  const usable = new Set(windowsSince(c, c.store.appeals.oldestAt()).map(([from]) => from));
  const starts = c.baseline.starts.filter((s) => usable.has(s));
  if (starts.length < 3) return null;
  const days = starts.map((start) => c.store.appeals.hourly(start, start + 24 * HOUR));
  const hours = Array.from({ length: 24 }, (_, h) => days.map((d) => d[h]!).sort((x, y) => x - y));
  const trim = (v: number[]) => (v.length >= 5 ? v.slice(1, -1) : v);
  return { usual: hours.map((v) => median(v)!), low: hours.map((v) => trim(v)[0]!), high: hours.map((v) => trim(v).at(-1)!), weeks: days.length };
}

export function appealIndicators(c: IndicatorContext): Summary['appeals'] {
  const counts = countsOf(c);
  const holiday = c.baseline.holiday !== null;
  const compared = (d: DimCounts, get: (m: Map<string, number>) => number) => ({
    today: get(d.today), yesterdaySameTime: get(d.yesterday), lastWeekSameTime: get(d.lastWeek),
    usual: usualOf(d.weeks.map(get), get(d.today), holiday),
  });
  const keyed = (dim: Dim, ids: string[]): KeyedCompared[] => ids.map((id) => ({ id, ...compared(counts[dim], (m) => m.get(id) ?? 0) }));
  const byCategory = keyed('category', c.reference.categories.map((x) => x.id));
  const byMunicipality = keyed('municipality', c.reference.municipalities.map((m) => m.id)).map((k) => ({
    ...k, per10k: Number(((k.today * 10_000) / c.reference.municipalityById.get(k.id)!.population_estimate).toFixed(2)),
  }));
  return {
    total: compared(counts.channel, sum),
    byChannel: keyed('channel', c.reference.channels.map((x) => x.id)),
    byCategory,
    byMunicipality,
    top5: [...byCategory].filter((k) => k.today > 0).sort((x, y) => y.today - x.today || x.id.localeCompare(y.id)).slice(0, 5)
      .map((k) => ({ id: k.id, count: k.today })),
    hourly: {
      today: c.store.appeals.hourly(c.todayStart, c.now),
      yesterday: c.store.appeals.hourly(c.yesterdayStart, c.todayStart),
      lastWeek: c.store.appeals.hourly(c.lastWeekStart, c.lastWeekStart + 24 * HOUR),
      usual: hourlyUsual(c),
    },
    open: c.store.appeals.openSince(c.now - APPEAL_WINDOW, c.now),
    newestAt: c.store.appeals.newestAt(c.now),
  };
}
