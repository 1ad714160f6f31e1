// What a live topic is, in one place: its snapshot, its delta, how the server keeps and changes its state, how a
// second server mirrors it, how a screen applies it, and what a visitor screen may see of it. The hub, the gateway,
// the cluster relay and the client are generic over these definitions (server/topics/index.ts lists them).
// Pure code only: the client bundles this folder too.

/** Turns a producer's identifier into one a visitor may see (stable while the server runs). */
export interface Redact { opaque(prefix: string, id: string): string }

/** What every topic's server state offers the generic hub. */
export interface TopicState<S, P, I> {
  /** the whole topic now, for a screen that joins */
  snapshot(): S;
  /** a delta made by another server (the cluster's primary), applied to this copy */
  merge(payload: P): void;
  /** the state as plain data for another server to copy, and loading such a copy */
  image(): I;
  load(image: I): void;
}

/** Reference data a topic's state may need (ids in a fixed order for binary columns). */
export interface TopicContext { municipalityIds: readonly string[]; operatorIds: readonly string[] }

export interface TopicDef<S, P, I, St extends TopicState<S, P, I>, Sink> {
  state(ctx: TopicContext): St;
  /** Required, never defaulted: what a screen of a wall in visitor mode receives instead (no producer's ids, free
   *  text or exact points). A topic without one is never sent to visitor rooms (server/hub/visitor.ts). */
  visitor: { snapshot(s: S, r: Redact): S; delta(p: P, r: Redact): P };
  /** How a screen applies it, to the sink the client gives for this topic (client/src/live/connection.ts). */
  client: { snapshot(sink: Sink, s: S, time: number): void; delta(sink: Sink, p: P, time: number): void };
}

/** Declares a topic; the identity function only fixes its type parameters. */
export const defineTopic = <S, P, I, St extends TopicState<S, P, I>, Sink>(def: TopicDef<S, P, I, St, Sink>) => def;

/* eslint-disable @typescript-eslint/no-explicit-any */
// `any` in these conditional types only matches a definition's parameters; nothing is typed as any by them.
export type SnapshotOf<D> = D extends TopicDef<infer S, any, any, any, any> ? S : never;
export type PayloadOf<D> = D extends TopicDef<any, infer P, any, any, any> ? P : never;
export type ImageOf<D> = D extends TopicDef<any, any, infer I, any, any> ? I : never;
export type StateOf<D> = D extends TopicDef<any, any, any, infer St, any> ? St : never;
export type SinkOf<D> = D extends TopicDef<any, any, any, any, infer K> ? K : never;
