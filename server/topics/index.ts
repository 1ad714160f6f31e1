// Every live topic, in the order screens join them. Adding a topic: its file here, one line below, and the sink the
// client gives it (client/src/live/sinks.ts).
import { appeals } from './appeals';
import { incidents } from './incidents';
import { fleet } from './fleet';
import { containers } from './containers';
import { kpi } from './kpi';
import type { ImageOf, PayloadOf, SinkOf, SnapshotOf, StateOf } from './topic';

export const TOPIC_DEFS = { appeals, incidents, fleet, containers, kpi } as const;
export type Topic = keyof typeof TOPIC_DEFS;
export const TOPICS = Object.keys(TOPIC_DEFS) as readonly Topic[];

export type Snapshots = { [K in Topic]: SnapshotOf<(typeof TOPIC_DEFS)[K]> };
export type Deltas = { [K in Topic]: PayloadOf<(typeof TOPIC_DEFS)[K]> };
export type Images = { [K in Topic]: ImageOf<(typeof TOPIC_DEFS)[K]> };
export type States = { [K in Topic]: StateOf<(typeof TOPIC_DEFS)[K]> };
export type Sinks = { [K in Topic]: SinkOf<(typeof TOPIC_DEFS)[K]> };
