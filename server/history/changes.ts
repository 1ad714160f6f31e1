// What changed in a window: the shift handover's summary. New and resolved incidents, appeals received (by channel)
// and answered, the open overdue at both ends and the change, the alarms that took over a wall, the sites that went
// overflowing. Each is counted by the same definitions as the wall's figures; lists are capped, counts are not.
import type { Store } from '../store';
import type { IncidentRecord } from '../domain/records';

const LIST_MAX = 200;
const brief = (i: IncidentRecord) => ({ id: i.id, type: i.type, severity: i.severity, municipality: i.municipality, title: i.title,
  reportedAt: i.reportedAt, resolvedAt: i.resolvedAt });
const sum = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);

export function changesIn(store: Store, from: number, to: number) {
  const reported = store.incidents.reportedIn(from, to), resolved = store.incidents.resolvedIn(from, to);
  const received = store.appeals.countBy('channel', from, to + 1);
  const overdueFrom = sum(store.appeals.openOverdue(from)), overdueTo = sum(store.appeals.openOverdue(to));
  const overflowing = store.containers.wentOverflowing(from, to);
  const alarms = store.walls.alarmsIn(from, to);
  return {
    from, to,
    incidents: { reported: reported.length, resolved: resolved.length, reportedItems: reported.slice(0, LIST_MAX).map(brief), resolvedItems: resolved.slice(0, LIST_MAX).map(brief) },
    appeals: { received: sum(received), receivedByChannel: Object.fromEntries(received), answered: store.appeals.answeredIn(from, to + 1).length,
      overdueAtFrom: overdueFrom, overdueAtTo: overdueTo, overdueChange: overdueTo - overdueFrom },
    alarms: { count: alarms.length, items: alarms.slice(0, LIST_MAX) },
    sites: { wentOverflowing: overflowing.length, items: overflowing.slice(0, LIST_MAX) },
  };
}
export type Changes = ReturnType<typeof changesIn>;
