// When an alarm takes over a wall: a new active incident of a listed severity, or a spike of appeals (the last
// window against the average window of the day before it). Pure checks; the manager acts on them.
import type { AlarmRule } from '../protocol/walls';
import type { AppealView, IncidentView } from '../protocol/views';
import { HOUR, MINUTE } from '../domain/time';

/** an incident older than this when it arrives is history (a backfill, a restart), not news */
export const FRESH_INCIDENT_MS = 15 * MINUTE;

export function incidentAlarm(rule: Extract<AlarmRule, { kind: 'incident' }>, i: IncidentView, now: number): boolean {
  return i.status === 'active' && (rule.severities as string[]).includes(i.severity) && now - i.reportedAt <= FRESH_INCIDENT_MS;
}

export interface Spike { recent: number; average: number }

/** Appeals in the last window, and the average per window over the 24 hours before it; null when no spike. */
export function appealsSpike(rule: Extract<AlarmRule, { kind: 'appeals-spike' }>, appeals: readonly AppealView[], now: number): Spike | null {
  const window = rule.windowMinutes * MINUTE;
  let recent = 0, before = 0;
  for (const a of appeals) {
    if (a.receivedAt > now) continue;
    if (a.receivedAt > now - window) recent++;
    else if (a.receivedAt > now - 24 * HOUR - window) before++;
  }
  const average = before / (24 * HOUR / window);
  return recent >= rule.minimum && recent >= rule.factor * average ? { recent, average } : null;
}
