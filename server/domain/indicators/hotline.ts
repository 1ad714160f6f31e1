// The hotline today: calls against their usual value for this weekday and time (and yesterday, last week), the missed
// share and the median wait.
import type { Summary } from '../../protocol/summary';
import { METRICS } from '../metric-names';
import { median, round, share } from '../stats';
import { sameTimeWindows, usualFor, type IndicatorContext } from './context';

export function hotlineIndicators(c: IndicatorContext): Summary['hotline'] {
  const w = sameTimeWindows(c);
  const calls = c.store.metrics.samples(METRICS.hotlineCall, w.today[0], w.today[1] + 1);
  const missed = calls.filter((s) => s.labels?.outcome === 'missed').length;
  const waits = calls.filter((s) => s.labels?.outcome !== 'missed').map((s) => s.value);
  return {
    calls: {
      today: calls.length,
      yesterdaySameTime: c.store.metrics.stats(METRICS.hotlineCall, ...w.yesterday).n,
      lastWeekSameTime: c.store.metrics.stats(METRICS.hotlineCall, ...w.lastWeek).n,
      usual: usualFor(c, calls.length, c.store.metrics.oldestAt(METRICS.hotlineCall), (from, to) => c.store.metrics.stats(METRICS.hotlineCall, from, to).n),
    },
    answered: calls.length - missed,
    missed,
    missedShare: round(share(missed, calls.length), 4),
    medianWaitSeconds: round(median(waits), 0),
    newestAt: calls.length ? calls[calls.length - 1]!.at : null,
  };
}
