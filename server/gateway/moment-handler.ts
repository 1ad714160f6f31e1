// A replaying wall asks for a past moment: every topic's snapshot as it stood then and the fleet's frame, from a
// moment computed on the store (server/history/). It joins no room: a replay takes no live deltas. A visitor screen
// gets the visitor view of each topic, as live; a moment in the future or unreadable is refused naming `at`.
import { isTopic, unknownField, TOPICS, type MomentReply, type Topic, type TopicSync } from '../protocol/live';
import { visitorAllowed, visitorSync } from '../hub/visitor';
import type { GatewayOptions, LiveSocket } from './types';
import { SKEW_MS } from '../history/at-param';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** the request checked: { at: epoch ms, topics?: Topic[] } */
function parseMoment(raw: unknown, now: number): { at: number; topics: readonly Topic[] } | { error: string } {
  if (!isObject(raw)) return { error: 'expected { at, topics? }' };
  const extra = unknownField(raw, ['at', 'topics']);
  if (extra !== null) return { error: `${extra.slice(0, 40)}: unknown field (expected at, topics)` };
  if (typeof raw.at !== 'number' || !Number.isSafeInteger(raw.at) || raw.at < 0) return { error: 'at: expected a moment in epoch milliseconds' };
  if (raw.at > now + SKEW_MS) return { error: `at: ${new Date(raw.at).toISOString()} is in the future` };
  if (raw.topics === undefined) return { at: Math.min(raw.at, now), topics: TOPICS };
  if (!Array.isArray(raw.topics) || raw.topics.length > TOPICS.length || !raw.topics.every(isTopic)) {
    return { error: `topics: expected some of ${TOPICS.join(', ')}` };
  }
  return { at: Math.min(raw.at, now), topics: [...new Set(raw.topics)] };
}

export function momentHandler(o: GatewayOptions) {
  return (socket: LiveSocket, raw: unknown, ackRaw: unknown): void => {
    if (typeof ackRaw !== 'function') return;
    const ack = ackRaw as (r: MomentReply) => void;
    const now = o.now();
    const req = parseMoment(raw, now);
    if ('error' in req) return ack({ ok: false, error: req.error });
    // the fleet alone (a replay's in-between frames) needs no indicators: a few seeks per team
    const fleetOnly = req.topics.length === 1 && req.topics[0] === 'fleet';
    const m = fleetOnly ? { at: req.at, hub: o.moments.fleetAt(req.at) } : o.moments.at(req.at, now);
    const visitor = socket.data.visitor;
    const results: TopicSync[] = [];
    for (const topic of req.topics) {
      if (visitor && !visitorAllowed(topic)) continue;
      const r = { topic, mode: 'snapshot', seq: 0, time: m.at, snapshot: m.hub.snapshot(topic) } as TopicSync;
      results.push(visitor ? visitorSync(r)! : r);
    }
    // the frame holds indexes, positions and statuses only: the same bytes serve visitor screens, as live
    const frame = req.topics.includes('fleet') ? m.hub.tickFleet(m.at) : null;
    ack({ ok: true, at: m.at, results, frame, missing: o.moments.missingAt(m.at, now) });
  };
}

