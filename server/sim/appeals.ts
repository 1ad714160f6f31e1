// A day of residents' appeals, planned whole from (seed, day): when each arrives, where, about what, and when it will
// be taken into work, answered or closed. The same seed and day always give the same appeals.
import type { Reference } from '../reference/load';
import type { AppealIn } from '../ingest/schemas';
import { HOUR, MINUTE, localParts } from '../domain/time';
import { APPEAL_HOURLY, APPEAL_WEEKDAY, HOTLINE_HOURLY, HOTLINE_WEEKDAY, normalised } from './profiles';
import { rng } from './random';
import type { Places } from './places';

export interface AppealPlan {
  id: string;
  channel: string;
  category: string;
  municipality: string;
  lon: number;
  lat: number;
  receivedAt: number;
  inWorkAt: number;
  answeredAt: number | null;
  closedAt: number | null;
}

// online channels around the clock; a channel people phone in the hotline's hours and days, as its calls come
export const SCHEDULES = {
  always: { hourly: normalised(APPEAL_HOURLY), weekday: APPEAL_WEEKDAY },
  hotline: { hourly: normalised(HOTLINE_HOURLY), weekday: HOTLINE_WEEKDAY },
};

/** How slow each municipality answers (1 = typical); fixed per seed so the ranking means something. */
export function municipalitySlowness(seed: number, ids: readonly string[]): Map<string, number> {
  const r = rng(seed, 'slowness');
  return new Map(ids.map((id) => [id, Math.exp(0.45 * r.normal())]));
}

export function planAppeals(seed: number, day: number, dayStart: number, timezone: string, reference: Reference,
  places: Places, slowness: Map<string, number>, tag = ''): AppealPlan[] {
  const r = rng(seed, 'appeals', day);
  const parts = localParts(dayStart + 12 * HOUR, timezone);
  const month = parts.month - 1;
  const categoryWeights = reference.categories.map((c) => c.share * c.season[month]!);
  const plans: AppealPlan[] = [];
  for (const channel of reference.channels) {
    const schedule = SCHEDULES[channel.schedule ?? 'always'];
    const count = r.poisson(channel.dailyVolume * schedule.weekday[parts.weekday]!);
    for (let k = 0; k < count; k++) {
      const receivedAt = dayStart + Math.floor((r.weighted(schedule.hourly) + r.next()) * HOUR);
      const category = reference.categories[r.weighted(categoryWeights)]!;
      const municipality = places.municipality(r, channel.municipalities);
      const [lon, lat] = places.pointIn(municipality, r);
      const deadline = Math.min(channel.deadlineHours, category.deadlineHours ?? Infinity) * HOUR;
      const slow = slowness.get(municipality) ?? 1;
      // most answer well inside the deadline; slow municipalities run late more often; a few are never answered
      // at most three deadlines: every change of a plan stays within appealLagDays, which the simulator re-plans after a stop
      const response = Math.min(3 * deadline, Math.max(10 * MINUTE, deadline * r.lognormal(0.35 * slow, 0.55)));
      const never = r.chance(0.012 * slow);
      const inWorkAt = receivedAt + Math.min(response * r.range(0.05, 0.3), deadline / 2);
      const answeredAt = never ? null : receivedAt + response;
      const closedAt = never ? receivedAt + deadline * r.range(2, 4) : r.chance(0.6) ? answeredAt! + r.range(1, 48) * HOUR : null;
      plans.push({ id: `sim-a-${tag}${day}-${channel.id}-${k}`, channel: channel.id, category: category.id, municipality, lon, lat,
        receivedAt, inWorkAt: Math.round(inWorkAt), answeredAt: answeredAt && Math.round(answeredAt), closedAt: closedAt && Math.round(closedAt) });
    }
  }
  return plans.sort((a, b) => a.receivedAt - b.receivedAt);
}

/** How many days after it arrives a planned appeal may still change: closed unanswered at four deadlines at most, or
 *  answered within three and closed within two days more. A restart re-plans this far back to queue those changes. */
export const appealLagDays = (reference: Reference): number =>
  Math.ceil(Math.max(...reference.channels.map((c) => Math.max(4 * c.deadlineHours, 3 * c.deadlineHours + 48))) / 24) + 1;

/** The times at which a planned appeal changes. */
export const appealTransitions = (p: AppealPlan): number[] =>
  [p.receivedAt, p.inWorkAt, p.answeredAt, p.closedAt].filter((t): t is number => t !== null);

/** The appeal as a producer would report it at time t (null before it arrives). */
export function appealAt(p: AppealPlan, t: number): AppealIn | null {
  if (t < p.receivedAt) return null;
  const item: AppealIn = { id: p.id, channel: p.channel, category: p.category, municipality: p.municipality, lon: p.lon, lat: p.lat,
    receivedAt: p.receivedAt, status: 'received' };
  if (t >= p.inWorkAt) { item.inWorkAt = p.inWorkAt; item.status = 'in_work'; }
  if (p.answeredAt !== null && t >= p.answeredAt) { item.answeredAt = p.answeredAt; item.status = 'answered'; }
  if (p.closedAt !== null && t >= p.closedAt) { item.closedAt = p.closedAt; item.status = 'closed'; }
  return item;
}
