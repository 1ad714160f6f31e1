// The live protocol between the server and every screen: event names, topics, payload types and runtime checks.
// Server and client both import this module; no event name is written as a string anywhere else.
import type { Summary } from './summary';
import type { AppealView, ContainerSiteView, IncidentView, VehicleView } from './views';

export const PROTOCOL_VERSION = 1;

export const TOPICS = ['appeals', 'incidents', 'fleet', 'containers', 'kpi'] as const;
export type Topic = (typeof TOPICS)[number];

export const EVENTS = {
  /** server → client on connect: protocol version and server time */
  hello: 'hello',
  /** client → server, with ack: join topics, get a snapshot or the missed deltas */
  subscribe: 'subscribe',
  /** client → server, with ack: leave topics */
  unsubscribe: 'unsubscribe',
  /** server → client: one ordered change of one topic */
  delta: 'delta',
  /** server → client: the whole fleet's positions, binary and columnar (see fleet-frame.ts), once a second */
  fleetFrame: 'fleet:frame',
} as const;

export interface Hello { protocol: number; time: number; topics: readonly Topic[] }

export interface TopicRequest { topic: Topic; since?: number }
export interface SubscribeRequest { topics: TopicRequest[] }

/** What each topic's snapshot holds. */
export interface Snapshots {
  appeals: { windowMs: number; items: AppealView[] };
  incidents: { items: IncidentView[] };
  fleet: { vehicles: VehicleView[] };
  containers: ContainersSnapshot;
  kpi: Summary;
}

/** What each topic's delta carries. */
export interface Deltas {
  appeals: { upsert: AppealView[]; remove: string[] };
  incidents: { upsert: IncidentView[]; remove: string[] };
  fleet: { upsert: VehicleView[] };
  /** changes: binary columns, see encodeContainerChanges in container-columns.ts */
  containers: { added: ContainerSiteView[]; changes: Uint8Array };
  kpi: { sections: Partial<Summary> };
}

/** 24,000 sites as binary columns (see container-columns.ts); site i is index i. */
export interface ContainersSnapshot {
  operators: string[];
  statuses: readonly string[];
  count: number;
  municipalities: string[];
  /** municipality index per site, as a Uint16 column inside `columns` */
  columns: Uint8Array;
}

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

export type SubscribeReply = { ok: true; time: number; results: TopicSync[] } | { ok: false; error: string };
export type UnsubscribeReply = { ok: true } | { ok: false; error: string };

const isTopic = (v: unknown): v is Topic => typeof v === 'string' && (TOPICS as readonly string[]).includes(v);

/** Checks a subscribe payload from a client; returns an error naming the field, or the request. */
export function parseSubscribe(raw: unknown): SubscribeRequest | { error: string } {
  if (typeof raw !== 'object' || raw === null || !Array.isArray((raw as { topics?: unknown }).topics)) {
    return { error: 'topics: expected an array of { topic, since? }' };
  }
  const topics: TopicRequest[] = [];
  for (const [i, item] of ((raw as { topics: unknown[] }).topics).entries()) {
    const t = item as { topic?: unknown; since?: unknown };
    if (typeof item !== 'object' || item === null || !isTopic(t.topic)) {
      return { error: `topics/${i}/topic: expected one of ${TOPICS.join(', ')}` };
    }
    if (t.since !== undefined && (typeof t.since !== 'number' || !Number.isInteger(t.since) || t.since < 0)) {
      return { error: `topics/${i}/since: expected a non-negative integer sequence number` };
    }
    topics.push(t.since === undefined ? { topic: t.topic } : { topic: t.topic, since: t.since });
  }
  return { topics };
}

/** Checks a delta from the server on the client side (a cheap structural check, not a full schema). */
export function isDelta(raw: unknown): raw is Delta {
  const d = raw as Delta;
  return typeof raw === 'object' && raw !== null && isTopic(d.topic) && Number.isInteger(d.seq) &&
    typeof d.time === 'number' && typeof d.payload === 'object' && d.payload !== null;
}
