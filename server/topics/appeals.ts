// Appeals of the last 24 hours, as points and statuses (no personal data: see hub/views.ts).
import type { AppealRecord } from '../domain/records';
import { HOUR } from '../domain/time';
import { appealView } from '../hub/views';
import type { AppealView } from '../protocol/views';
import { defineTopic, type Redact } from './topic';
import { keyedItems, redactKeyed, type KeyedPayload } from './keyed';

export const APPEAL_WINDOW = 24 * HOUR;

export interface AppealsSnapshot { windowMs: number; items: AppealView[] }
export interface AppealsSink { reset(items: readonly AppealView[]): void; apply(upsert: readonly AppealView[], remove: readonly string[]): void }

// ~1 km for visitors: a point never names a street
const km = (v: number | null): number | null => (v === null ? null : Math.round(v * 100) / 100);
const visitorAppeal = (r: Redact) => (a: AppealView): AppealView => ({ ...a, id: r.opaque('a', a.id), lon: km(a.lon), lat: km(a.lat) });

export const appeals = defineTopic({
  state() {
    const s = keyedItems<AppealView>();
    const inWindow = (now: number) => (a: { receivedAt: number }) => a.receivedAt >= now - APPEAL_WINDOW;
    return {
      seed(records: readonly AppealRecord[], now: number): void { s.apply(records, inWindow(now), appealView); },
      apply: (records: readonly AppealRecord[], now: number) => s.apply(records, inWindow(now), appealView),
      prune: (now: number) => s.drop((a) => !inWindow(now)(a)),
      count: () => s.items.size,
      snapshot: (): AppealsSnapshot => ({ windowMs: APPEAL_WINDOW, items: s.image() }),
      merge: (p: KeyedPayload<AppealView>) => s.merge(p),
      image: s.image,
      load: s.load,
    };
  },
  visitor: {
    snapshot: (snap: AppealsSnapshot, r) => ({ ...snap, items: snap.items.map(visitorAppeal(r)) }),
    delta: (p: KeyedPayload<AppealView>, r) => redactKeyed(p, visitorAppeal(r), (id) => r.opaque('a', id)),
  },
  client: {
    snapshot: (sink: AppealsSink, snap) => sink.reset(snap.items),
    delta: (sink, p) => sink.apply(p.upsert, p.remove),
  },
});
