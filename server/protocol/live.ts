// The live protocol between the server and every screen: event names, topics, payload types, the typed event maps
// socket.io is parameterised with, and the runtime checks of everything a client sends. Server and client both import
// this module; no event name is written as a string anywhere else. What each topic carries is defined by the topic
// itself (server/topics/).
import { TOPICS, type Deltas, type Snapshots, type Topic } from '../topics';
import type { Summary } from './summary';
import type { FleetPositions } from './fleet-json';
import { WALL_EVENTS, type WallJoin, type WallState } from './walls';

export { TOPICS, type Deltas, type Snapshots, type Topic };
export type { ContainersSnapshot } from '../topics/containers';

export const PROTOCOL_VERSION = 2;

/** How screens and consoles come back after a lost connection: at most ~1.3 s after the server answers again (an
 *  attempt at a stopped server is a refused TCP connection, cheap for both), spread so 200 screens do not ask at once. */
export const RECONNECT = { reconnectionDelay: 250, reconnectionDelayMax: 1000, randomizationFactor: 0.3 } as const;

export const EVENTS = {
  /** server → client on connect: protocol version, server time and the server run */
  hello: 'hello',
  /** client → server, with ack: join topics, get a snapshot or the missed deltas */
  subscribe: 'subscribe',
  /** client → server, with ack: leave topics */
  unsubscribe: 'unsubscribe',
  /** server → client: one ordered change of one topic */
  delta: 'delta',
  /** server → client: the whole fleet's positions, binary and columnar (see fleet-frame.ts), once a second */
  fleetFrame: 'fleet:frame',
  /** server → client without Sitroom's socket parser: the fleet's positions as JSON (see fleet-json.ts), at most once a second */
  fleetPositions: 'fleet:positions',
  /** client → server, with ack: every topic's snapshot and the fleet's frame as they stood at a past moment (replay) */
  moment: 'moment',
  /** server → client, just before it stops: a restart, not a goodbye; reconnect and resync */
  restart: 'server:restart',
  /** client → server, with ack: an operator's console wants the console notices */
  consoleJoin: 'console:join',
} as const;

/** `run` names this server run (the cluster primary's): sequence numbers mean something only within one run. */
export interface Hello { protocol: number; time: number; run: string; topics: readonly Topic[] }
/** Sent before a planned stop; `afterMs` is how soon the server expects to be back (a hint, not a promise). */
export interface RestartNotice { time: number; run: string; afterMs: number }

export interface TopicRequest { topic: Topic; since?: number }
/** `since` is honoured only with the `run` it was counted in; otherwise the topic comes as a snapshot. */
export interface SubscribeRequest { run?: string; topics: TopicRequest[] }

export interface Delta<T extends Topic = Topic> {
  topic: T;
  seq: number;
  /** server time (epoch ms) the change describes */
  time: number;
  payload: Deltas[T];
}

export type TopicSync<T extends Topic = Topic> =
  | { topic: T; mode: 'snapshot'; seq: number; time: number; snapshot: Snapshots[T] }
  | { topic: T; mode: 'replay'; seq: number; time: number; deltas: Delta<T>[] };

export type SubscribeReply = { ok: true; time: number; run: string; results: TopicSync[] } | { ok: false; error: string };
export type UnsubscribeReply = { ok: true } | { ok: false; error: string };
/** a past moment: every topic asked for as a snapshot (seq 0: nothing follows), and the fleet's positions then as a
 *  fleet frame (the same layout as the live frames) */
export type MomentReply = { ok: true; at: number; results: TopicSync[]; frame: Uint8Array | null; missing: string[] } | { ok: false; error: string };
export type ConsoleJoinReply = { ok: true; name: string; role: string } | { error: string };
export type WallJoinReply = WallJoin | { error: string; wall?: string; screen?: string };

/** What a client may send (socket.io's ClientToServerEvents): every payload is `unknown` until checked here. */
export interface ClientEvents {
  [EVENTS.subscribe]: (req: unknown, ack: (r: SubscribeReply) => void) => void;
  [EVENTS.unsubscribe]: (req: unknown, ack?: (r: UnsubscribeReply) => void) => void;
  [EVENTS.moment]: (req: unknown, ack: (r: MomentReply) => void) => void;
  [EVENTS.consoleJoin]: (ack: (r: ConsoleJoinReply) => void) => void;
  [WALL_EVENTS.join]: (req: unknown, ack: (r: WallJoinReply) => void) => void;
  [WALL_EVENTS.ready]: (req: unknown) => void;
  [WALL_EVENTS.time]: (ack: (serverNow: number) => void) => void;
}

/** What the server sends (socket.io's ServerToClientEvents). */
export interface ServerEvents {
  [EVENTS.hello]: (h: Hello) => void;
  [EVENTS.delta]: (d: Delta) => void;
  [EVENTS.fleetFrame]: (bytes: Uint8Array) => void;
  [EVENTS.fleetPositions]: (p: FleetPositions) => void;
  [EVENTS.restart]: (n: RestartNotice) => void;
  [WALL_EVENTS.state]: (s: WallState) => void;
  [WALL_EVENTS.revoked]: () => void;
  [WALL_EVENTS.resubscribe]: () => void;
  [WALL_EVENTS.consoleChanged]: (n: { what: string }) => void;
}

export const isTopic = (v: unknown): v is Topic => typeof v === 'string' && (TOPICS as readonly string[]).includes(v);
const MAX_RUN = 64;
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The first field of an object outside `allowed`, or null. */
export function unknownField(o: Record<string, unknown>, allowed: readonly string[]): string | null {
  for (const k in o) if (!allowed.includes(k)) return k;
  return null;
}

function parseTopicRequest(item: unknown, i: number, seen: Set<Topic>): TopicRequest | { error: string } {
  if (!isObject(item)) return { error: `topics/${i}: expected { topic, since? }` };
  const extra = unknownField(item, ['topic', 'since']);
  if (extra !== null) return { error: `topics/${i}/${extra.slice(0, 40)}: unknown field` };
  if (!isTopic(item.topic)) return { error: `topics/${i}/topic: expected one of ${TOPICS.join(', ')}` };
  if (seen.has(item.topic)) return { error: `topics/${i}/topic: "${item.topic}" is asked for twice; each topic at most once a request` };
  seen.add(item.topic);
  const since = item.since;
  if (since !== undefined && (typeof since !== 'number' || !Number.isSafeInteger(since) || since < 0)) {
    return { error: `topics/${i}/since: expected a non-negative integer sequence number` };
  }
  return since === undefined ? { topic: item.topic } : { topic: item.topic, since };
}

/** Checks a subscribe payload from a client; returns an error naming the field and the limit, or the request. */
export function parseSubscribe(raw: unknown): SubscribeRequest | { error: string } {
  if (!isObject(raw) || !Array.isArray(raw.topics)) return { error: 'topics: expected an array of { topic, since? }' };
  const extra = unknownField(raw, ['run', 'topics']);
  if (extra !== null) return { error: `${extra.slice(0, 40)}: unknown field (expected run, topics)` };
  if (raw.run !== undefined && (typeof raw.run !== 'string' || raw.run.length > MAX_RUN)) {
    return { error: `run: expected the server run's id from hello (a string of at most ${MAX_RUN} characters)` };
  }
  if (raw.topics.length > TOPICS.length) return { error: `topics: at most ${TOPICS.length} (one per topic), got ${raw.topics.length}` };
  const seen = new Set<Topic>();
  const topics: TopicRequest[] = [];
  for (const [i, item] of raw.topics.entries()) {
    const t = parseTopicRequest(item, i, seen);
    if ('error' in t) return t;
    topics.push(t);
  }
  return raw.run === undefined ? { topics } : { run: raw.run as string, topics };
}

/** Checks a delta from the server on the client side (a cheap structural check, not a full schema). */
export function isDelta(raw: unknown): raw is Delta {
  const d = raw as Delta;
  return typeof raw === 'object' && raw !== null && isTopic(d.topic) && Number.isInteger(d.seq) &&
    typeof d.time === 'number' && typeof d.payload === 'object' && d.payload !== null;
}

export type { Summary };
