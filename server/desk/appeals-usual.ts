// A municipality's appeals today by channel and by category, each against its usual range: the wall's baseline
// (the same weekday and time of day over the last ordinary weeks, server/domain/baseline.ts), counted in this
// municipality only. Today is [local midnight, now), as on the wall.
import type { Usual } from '../protocol/summary';
import type { AppealMix } from '../store/desk';
import { usualOf } from '../domain/baseline';
import { indicatorContext, sameTimeWindows, windowsSince } from '../domain/indicators/context';
import type { CardDeps } from './deps';

export interface AgainstUsual { id: string; today: number; usual: Usual | null }

const countOf = (rows: readonly AppealMix[], dim: 'channel' | 'category', id: string) =>
  rows.reduce((n, r) => n + (r[dim] === id ? r.n : 0), 0);

function compare(today: readonly AppealMix[], weeks: readonly AppealMix[][], holiday: boolean, dim: 'channel' | 'category', id: string): AgainstUsual {
  const n = countOf(today, dim, id);
  return { id, today: n, usual: usualOf(weeks.map((w) => countOf(w, dim, id)), n, holiday) };
}

export function appealsAgainstUsual(d: CardDeps, municipality: string): { byChannel: AgainstUsual[]; byCategory: AgainstUsual[] } {
  const c = indicatorContext(d.store, d.reference, d.hub, d.now(), d.timezone);
  const holiday = c.baseline.holiday !== null;
  const today = d.store.desk.appealMix(municipality, ...sameTimeWindows(c).today);
  const weeks = windowsSince(c, d.store.appeals.oldestAt()).map(([from, to]) => d.store.desk.appealMix(municipality, from, to));
  const byChannel = d.reference.channels.map((x) => compare(today, weeks, holiday, 'channel', x.id));
  // the categories that came today or usually do, most today first
  const byCategory = d.reference.categories.map((x) => compare(today, weeks, holiday, 'category', x.id))
    .filter((x) => x.today > 0 || (x.usual?.high ?? 0) > 0)
    .sort((a, b) => b.today - a.today || (b.usual?.usual ?? 0) - (a.usual?.usual ?? 0) || a.id.localeCompare(b.id));
  return { byChannel, byCategory };
}
