// Incidents: active by type and by severity, and how many were reported today.
import type { Summary } from '../../protocol/summary';
import { INCIDENT_SEVERITIES } from '../../protocol/views';
import type { IndicatorContext } from './context';

export function incidentIndicators(c: IndicatorContext): Summary['incidents'] {
  const byType: Record<string, number> = Object.fromEntries(c.reference.incidentTypes.map((t) => [t.id, 0]));
  const bySeverity: Record<string, number> = Object.fromEntries(INCIDENT_SEVERITIES.map((s) => [s, 0]));
  let active = 0;
  for (const r of c.store.incidents.activeBy(c.now)) {
    active += r.n;
    byType[r.type] = (byType[r.type] ?? 0) + r.n;
    bySeverity[r.severity] = (bySeverity[r.severity] ?? 0) + r.n;
  }
  return { active, today: c.store.incidents.countIn(c.todayStart, c.now), byType, bySeverity, newestAt: c.store.incidents.newestAt(c.now) };
}
