// A day of hotline calls (the "one window" line, ~75 a day in the seed), planned from (seed, day): when each call
// came, how long the caller waited, and whether the call was missed. Sent as metric samples.
import type { MetricIn } from '../ingest/schemas';
import { HOUR, localParts } from '../domain/time';
import { METRICS } from '../domain/metric-names';
import { HOTLINE_HOURLY, HOTLINE_WEEKDAY, normalised } from './profiles';
import { rng } from './random';

const hourly = normalised(HOTLINE_HOURLY);

export function planHotline(seed: number, day: number, dayStart: number, timezone: string, callsPerDay: number, tag = ''): MetricIn[] {
  const r = rng(seed, 'hotline', day);
  const weekday = HOTLINE_WEEKDAY[localParts(dayStart + 12 * HOUR, timezone).weekday]!;
  const count = r.poisson(callsPerDay * weekday);
  const calls: MetricIn[] = [];
  for (let k = 0; k < count; k++) {
    const hour = r.weighted(hourly);
    const at = dayStart + Math.floor((hour + r.next()) * HOUR);
    const busy = HOTLINE_HOURLY[hour]! / 1.9;
    const wait = Math.round(r.lognormal(25 + 60 * busy, 0.7));
    const missed = r.chance(Math.min(0.5, 0.01 + wait / 3000));
    calls.push({ key: METRICS.hotlineCall, at, value: wait, labels: { outcome: missed ? 'missed' : 'answered' }, id: `sim:hl:${tag}${day}:${k}` });
  }
  return calls.sort((a, b) => Number(a.at) - Number(b.at));
}
