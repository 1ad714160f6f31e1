// Appeals today: totals, by channel, category and municipality, each against the same time yesterday and last week.
import type { KeyedCompared, Summary } from '../../protocol/summary';
import { HOUR } from '../time';
import { sameTimeWindows, type IndicatorContext } from './context';
import { APPEAL_WINDOW } from '../../hub/hub';

const sum = (m: Map<string, number>): number => [...m.values()].reduce((a, b) => a + b, 0);

export function appealIndicators(c: IndicatorContext): Summary['appeals'] {
  const w = sameTimeWindows(c);
  const a = c.store.appeals;
  const dims = ['channel', 'category', 'municipality'] as const;
  const counts = Object.fromEntries(dims.map((dim) => [dim, {
    today: a.countBy(dim, ...w.today), yesterday: a.countBy(dim, ...w.yesterday), lastWeek: a.countBy(dim, ...w.lastWeek),
  }])) as Record<(typeof dims)[number], { today: Map<string, number>; yesterday: Map<string, number>; lastWeek: Map<string, number> }>;
  const keyed = (dim: (typeof dims)[number], ids: string[]): KeyedCompared[] => ids.map((id) => ({
    id, today: counts[dim].today.get(id) ?? 0, yesterdaySameTime: counts[dim].yesterday.get(id) ?? 0,
    lastWeekSameTime: counts[dim].lastWeek.get(id) ?? 0,
  }));
  const byCategory = keyed('category', c.reference.categories.map((x) => x.id));
  const byMunicipality = keyed('municipality', c.reference.municipalities.map((m) => m.id)).map((k) => ({
    ...k, per10k: Number(((k.today * 10_000) / c.reference.municipalityById.get(k.id)!.population_estimate).toFixed(2)),
  }));
  return {
    total: {
      today: sum(counts.channel.today), yesterdaySameTime: sum(counts.channel.yesterday), lastWeekSameTime: sum(counts.channel.lastWeek),
    },
    byChannel: keyed('channel', c.reference.channels.map((x) => x.id)),
    byCategory,
    byMunicipality,
    top5: [...byCategory].filter((k) => k.today > 0).sort((x, y) => y.today - x.today || x.id.localeCompare(y.id)).slice(0, 5)
      .map((k) => ({ id: k.id, count: k.today })),
    hourly: {
      today: a.hourly(c.todayStart, c.now),
      yesterday: a.hourly(c.yesterdayStart, c.todayStart),
      lastWeek: a.hourly(c.lastWeekStart, c.lastWeekStart + 24 * HOUR),
    },
    open: a.openSince(c.now - APPEAL_WINDOW),
    newestAt: a.newestAt(),
  };
}
