// The marks on a day's timeline: where incidents were reported and alarms took over a wall, from the handover's
// GET /api/changes for that day (operators only), reloaded each minute while the day is today.
import { useEffect, useState } from 'react';
import type { Changes } from '../../../../server/history/changes';
import { api } from '../../console/api';

export interface DayMark { at: number; kind: 'incident' | 'alarm'; severity: string; label: string }

export function marksOf(c: Changes): DayMark[] {
  const incidents = c.incidents.reportedItems.map((i): DayMark => ({ at: i.reportedAt, kind: 'incident', severity: i.severity, label: i.title || i.type }));
  // an alarm's log entry carries its rule and reason besides the wall and time
  const alarms = c.alarms.items.map((a: { wall: string; at: number; reason?: unknown; rule?: unknown }): DayMark => ({ at: a.at, kind: 'alarm',
    severity: 'alarm', label: `${a.wall}: ${String(a.reason ?? a.rule ?? '')}` }));
  return [...incidents, ...alarms].sort((a, b) => a.at - b.at);
}

export function useDayMarks(from: number, to: number): DayMark[] {
  const [marks, setMarks] = useState<DayMark[]>([]);
  useEffect(() => {
    let stop = false;
    const load = () => api<Changes>('GET', `/api/changes?from=${new Date(from).toISOString()}&to=${new Date(Math.min(to, Date.now())).toISOString()}`)
      .then((c) => { if (!stop) setMarks(marksOf(c)); }).catch(() => undefined);
    void load();
    const timer = to > Date.now() ? setInterval(() => { void load(); }, 60_000) : null;
    return () => { stop = true; if (timer) clearInterval(timer); };
  }, [from, to]);
  return marks;
}
