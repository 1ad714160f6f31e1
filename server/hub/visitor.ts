// Visitor mode on the server: what screens of a wall in visitor mode receive, through each topic's visitor view
// (server/topics/). A topic without a visitor view is never sent to them: the filter fails closed.
import { createHash, randomBytes } from 'node:crypto';
import type { Delta, Topic, TopicSync } from '../protocol/live';
import { TOPIC_DEFS } from '../topics';
import type { Redact } from '../topics/topic';

// a per-process salt: the opaque ids are stable while the server runs (deltas can remove what snapshots added)
const salt = randomBytes(16);
const redact: Redact = {
  opaque: (prefix, id) => `${prefix}${createHash('sha256').update(salt).update(id).digest('base64url').slice(0, 12)}`,
};

type Views = { snapshot(s: unknown, r: Redact): unknown; delta(p: unknown, r: Redact): unknown };
/** The topic's visitor view, or null (a definition that lost it at run time is treated as "send nothing"). */
function viewsOf(topic: Topic): Views | null {
  const v = (TOPIC_DEFS[topic] as { visitor?: unknown }).visitor as Partial<Views> | undefined;
  return v && typeof v.snapshot === 'function' && typeof v.delta === 'function' ? (v as Views) : null;
}

/** Whether a topic may be sent to visitor screens at all. */
export const visitorAllowed = (topic: Topic): boolean => viewsOf(topic) !== null;

export function visitorDelta(d: Delta): Delta | null {
  const v = viewsOf(d.topic);
  return v ? ({ ...d, payload: v.delta(d.payload, redact) } as Delta) : null;
}

export function visitorSync(r: TopicSync): TopicSync | null {
  const v = viewsOf(r.topic);
  if (!v) return null;
  if (r.mode === 'snapshot') return { ...r, snapshot: v.snapshot(r.snapshot, redact) } as TopicSync;
  return { ...r, deltas: r.deltas.map((d) => ({ ...d, payload: v.delta(d.payload, redact) })) } as TopicSync;
}

/** A producer's id as a visitor screen knows it (a focus on an incident names its opaque id). */
export const visitorId = (prefix: string, id: string): string => redact.opaque(prefix, id);
