// Deadlines, each defined once (docs/figures.md says the same):
// - on-time share: of the appeals whose deadline fell in the window, those answered (or closed) by it; one still open
//   past it counts as late. Selecting by deadline, not by receipt, is what lets a 30-day channel be late at all.
// - open overdue now, "of which" past the channel's ceiling (the ceiling is never before the deadline: a subset).
// - response, comparable across channels: the share of its deadline an answer used (median per municipality); hours
//   only per channel, where all appeals share a deadline.
import type { ChannelDeadlines, MunicipalityDeadlines, Summary } from '../../protocol/summary';
import type { AnsweredRow, DueRow } from '../../store/appeals';
import { DAY, HOUR } from '../time';
import { median, round, share } from '../stats';
import type { IndicatorContext } from './context';

export const DEFAULT_DEADLINE_WINDOW_DAYS = 30;

interface Tally { due: number; onTime: number; used: number[]; hours: number[] }
const tally = (): Tally => ({ due: 0, onTime: 0, used: [], hours: [] });

function tallies(ids: readonly string[], due: readonly DueRow[], answered: readonly AnsweredRow[], key: 'municipality' | 'channel') {
  const out = new Map(ids.map((id) => [id, tally()]));
  for (const r of due) {
    const t = out.get(r[key]);
    if (!t) continue;
    t.due++;
    if (r.responded_at !== null && r.responded_at <= r.due_at) t.onTime++;
  }
  for (const r of answered) {
    const t = out.get(r[key]);
    if (!t || r.due_at <= r.received_at) continue;
    t.used.push((r.answered_at - r.received_at) / (r.due_at - r.received_at));
    t.hours.push((r.answered_at - r.received_at) / HOUR);
  }
  return out;
}

export function deadlineIndicators(c: IndicatorContext, windowDays = DEFAULT_DEADLINE_WINDOW_DAYS): { deadlines: Summary['deadlines']; ranking: Summary['ranking'] } {
  const from = c.now - windowDays * DAY;
  const due = c.store.appeals.dueIn(from, c.now, c.now);
  const answered = c.store.appeals.answeredIn(from, c.now);
  const overdue = c.store.appeals.openOverdue(c.now);
  const perMunicipality = tallies(c.reference.municipalities.map((m) => m.id), due, answered, 'municipality');
  const perChannel = tallies(c.reference.channels.map((x) => x.id), due, answered, 'channel');
  const byMunicipality: MunicipalityDeadlines[] = [...perMunicipality].map(([id, t]) => ({
    id, due: t.due, dueOnTime: t.onTime, onTimeShare: round(share(t.onTime, t.due), 4),
    openOverdue: overdue.get(id) ?? 0, answered: t.used.length, medianDeadlineUsed: round(median(t.used), 3),
  }));
  const byChannel: ChannelDeadlines[] = [...perChannel].map(([id, t]) => ({
    id, deadlineHours: c.reference.channelById.get(id)!.deadlineHours, due: t.due, dueOnTime: t.onTime,
    onTimeShare: round(share(t.onTime, t.due), 4), answered: t.hours.length, medianResponseHours: round(median(t.hours), 1),
  }));
  const dueTotal = due.length;
  const onTimeTotal = byMunicipality.reduce((s, m) => s + m.dueOnTime, 0);
  return {
    deadlines: {
      windowDays, due: dueTotal, dueOnTime: onTimeTotal, onTimeShare: round(share(onTimeTotal, dueTotal), 4),
      openOverdue: [...overdue.values()].reduce((s, n) => s + n, 0),
      openPastCeiling: c.store.appeals.openPastCeiling(c.now),
      byMunicipality, byChannel,
    },
    ranking: rankings(byMunicipality),
  };
}

/** The 63 municipalities worst first: by open overdue appeals, and by the share of the deadline answers used. */
function rankings(byMunicipality: readonly MunicipalityDeadlines[]): Summary['ranking'] {
  const used = (x: number | null) => (x === null ? -1 : x);
  const row = (m: MunicipalityDeadlines) => ({ id: m.id, openOverdue: m.openOverdue, medianDeadlineUsed: m.medianDeadlineUsed, onTimeShare: m.onTimeShare });
  return {
    byOverdue: [...byMunicipality].sort((a, b) => b.openOverdue - a.openOverdue
      || used(b.medianDeadlineUsed) - used(a.medianDeadlineUsed) || a.id.localeCompare(b.id)).map(row),
    byResponse: [...byMunicipality].sort((a, b) => used(b.medianDeadlineUsed) - used(a.medianDeadlineUsed)
      || b.openOverdue - a.openOverdue || a.id.localeCompare(b.id)).map(row),
  };
}
