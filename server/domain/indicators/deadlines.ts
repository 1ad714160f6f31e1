// Deadlines: the share answered within the deadline over a window, open overdue now, and the municipality ranking.
import type { MunicipalityDeadlines, Summary } from '../../protocol/summary';
import { DAY, HOUR } from '../time';
import { median, round, share } from '../stats';
import type { IndicatorContext } from './context';

export const DEADLINE_WINDOW_DAYS = 30;

export function deadlineIndicators(c: IndicatorContext): { deadlines: Summary['deadlines']; ranking: Summary['ranking'] } {
  const from = c.now - DEADLINE_WINDOW_DAYS * DAY;
  const perMunicipality = new Map<string, { answered: number; onTime: number; responses: number[] }>();
  for (const m of c.reference.municipalities) perMunicipality.set(m.id, { answered: 0, onTime: 0, responses: [] });
  for (const r of c.store.appeals.answeredIn(from, c.now)) {
    const m = perMunicipality.get(r.municipality);
    if (!m) continue;
    m.answered++;
    if (r.answered_at <= r.due_at) m.onTime++;
    m.responses.push((r.answered_at - r.received_at) / HOUR);
  }
  const late = c.store.appeals.pastDueUnanswered(from, c.now);
  const overdue = c.store.appeals.openOverdue(c.now);
  const byMunicipality: MunicipalityDeadlines[] = [...perMunicipality].map(([id, m]) => ({
    id, answered: m.answered, answeredOnTime: m.onTime,
    onTimeShare: round(share(m.onTime, m.answered + (late.get(id) ?? 0)), 4),
    openOverdue: overdue.get(id) ?? 0,
    medianResponseHours: round(median(m.responses), 1),
  }));
  const answered = byMunicipality.reduce((s, m) => s + m.answered, 0);
  const answeredOnTime = byMunicipality.reduce((s, m) => s + m.answeredOnTime, 0);
  const lateTotal = [...late.values()].reduce((s, n) => s + n, 0);
  const slowest = (x: number | null) => (x === null ? -1 : x);
  const row = (m: MunicipalityDeadlines) => ({ id: m.id, openOverdue: m.openOverdue, medianResponseHours: m.medianResponseHours });
  return {
    deadlines: {
      windowDays: DEADLINE_WINDOW_DAYS, answered, answeredOnTime,
      onTimeShare: round(share(answeredOnTime, answered + lateTotal), 4),
      openOverdue: [...overdue.values()].reduce((s, n) => s + n, 0),
      openPastCeiling: c.store.appeals.openPastCeiling(c.now),
      byMunicipality,
    },
    ranking: {
      byOverdue: [...byMunicipality].sort((a, b) => b.openOverdue - a.openOverdue
        || slowest(b.medianResponseHours) - slowest(a.medianResponseHours) || a.id.localeCompare(b.id)).map(row),
      byResponse: [...byMunicipality].sort((a, b) => slowest(b.medianResponseHours) - slowest(a.medianResponseHours)
        || b.openOverdue - a.openOverdue || a.id.localeCompare(b.id)).map(row),
    },
  };
}
