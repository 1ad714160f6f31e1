// Active incidents and those resolved in the last 24 hours.
import type { IncidentRecord } from '../domain/records';
import { HOUR } from '../domain/time';
import { incidentView } from '../hub/views';
import type { IncidentView } from '../protocol/views';
import { defineTopic, type Redact } from './topic';
import { keyedItems, redactKeyed, type KeyedPayload } from './keyed';

export const RESOLVED_INCIDENT_WINDOW = 24 * HOUR;

export interface IncidentsSnapshot { items: IncidentView[] }
export interface IncidentsSink {
  reset(items: readonly IncidentView[], time: number): void;
  apply(upsert: readonly IncidentView[], remove: readonly string[], time: number): void;
}

// a visitor sees the type, severity and place, never the producer's title or id
const visitorIncident = (r: Redact) => (i: IncidentView): IncidentView => ({ ...i, id: r.opaque('i', i.id), title: '' });

export const incidents = defineTopic({
  state() {
    const s = keyedItems<IncidentView>();
    const shown = (now: number) => (i: { status: string; resolvedAt: number | null }) =>
      i.status === 'active' || (i.resolvedAt ?? 0) >= now - RESOLVED_INCIDENT_WINDOW;
    return {
      seed(records: readonly IncidentRecord[]): void { s.apply(records, () => true, incidentView); },
      apply: (records: readonly IncidentRecord[], now: number) => s.apply(records, shown(now), incidentView),
      prune: (now: number) => s.drop((i) => !shown(now)(i)),
      count: () => s.items.size,
      snapshot: (): IncidentsSnapshot => ({ items: s.image() }),
      merge: (p: KeyedPayload<IncidentView>) => s.merge(p),
      image: s.image,
      load: s.load,
    };
  },
  visitor: {
    snapshot: (snap: IncidentsSnapshot, r) => ({ items: snap.items.map(visitorIncident(r)) }),
    delta: (p: KeyedPayload<IncidentView>, r) => redactKeyed(p, visitorIncident(r), (id) => r.opaque('i', id)),
  },
  client: {
    snapshot: (sink: IncidentsSink, snap, time) => sink.reset(snap.items, time),
    delta: (sink, p, time) => sink.apply(p.upsert, p.remove, time),
  },
});
