// The wall's side of the live protocol: one socket, every topic joined with a snapshot, then ordered deltas. A gap
// in sequence numbers or a reconnect asks for "since N" (with the server run N was counted in) and gets the missed
// deltas or a fresh snapshot; the page never reloads. It comes back by itself after any stop of the server: a lost
// transport, a restart notice, or even a server-side disconnect, after which socket.io would otherwise stay away.
import { io, type Socket } from 'socket.io-client';
import { liveSocketOptions } from '../../../server/protocol/socket-parser';
import { UNPAIRED, WALL_EVENTS } from '../../../server/protocol/walls';
import { EVENTS, RECONNECT, TOPICS, isDelta, type ClientEvents, type Delta, type Hello, type ServerEvents, type SubscribeReply, type Topic,
  type TopicSync } from '../../../server/protocol/live';
import { TOPIC_DEFS, type Sinks } from '../../../server/topics';
import { touchStream, useWall } from '../store/wall-store';
import { createAppealPoints, type AppealPoints } from './appeal-points';
import { createContainerSites, type ContainerSites } from './container-sites';
import { createFleetMotion, type FleetMotion } from './fleet-motion';
import { createSinks } from './sinks';

export type LiveClientSocket = Socket<ServerEvents, ClientEvents>;

export interface Live {
  fleet: FleetMotion;
  /** each team's index in the fleet frames, by its id (from the fleet topic's names) */
  fleetIndex: Map<string, number>;
  containers: ContainerSites;
  appeals: AppealPoints;
  /** deltas that arrived out of order and caused a resync (counted for diagnostics) */
  resyncs(): number;
  /** the one socket, for the wall session (join, state) */
  socket: LiveClientSocket;
  stop(): void;
}

export interface LiveOptions {
  /** this screen's token (paired screens), sent with every connection */
  token: string | null;
  /** runs on every (re)connect before the topics are asked for: a wall screen joins its wall first */
  beforeSubscribe?: (socket: LiveClientSocket) => Promise<void>;
  /** the server refused this browser (no or a revoked token): show the pairing page */
  onUnpaired?: () => void;
}

type Apply = { snapshot(sink: unknown, s: unknown, time: number): void; delta(sink: unknown, p: unknown, time: number): void };
// one topic's client rules applied to that topic's sink: TypeScript cannot follow the pairing through the union
export const applyOf = (topic: Topic): Apply => TOPIC_DEFS[topic].client as unknown as Apply;

/** The buffers a wall draws from and the sinks each topic's snapshot and deltas go to (live or replayed). */
export function liveBuffers(glideMs?: number) {
  const fleet = createFleetMotion(glideMs);
  const containers = createContainerSites();
  const appeals = createAppealPoints();
  const fleetIndex = new Map<string, number>();
  const sinks: Sinks = createSinks({ containers, appeals, fleetIndex });
  return { fleet, containers, appeals, fleetIndex, sinks };
}

/** The wall's one socket, with this screen's token and Sitroom's parser; it reconnects by itself. */
export const openLiveSocket = (token: string | null): LiveClientSocket =>
  io({ transports: ['websocket'], ...RECONNECT, ...liveSocketOptions(token ? { token } : {}) });

export function startLive(options: LiveOptions = { token: null }): Live {
  const { fleet, containers, appeals, fleetIndex, sinks } = liveBuffers();
  const seq = new Map<Topic, number>();
  /** the server run the numbers in `seq` were counted in */
  let run: string | null = null;
  let resyncs = 0;
  let stopped = false;
  const pending = new Set<Topic>();

  const socket = openLiveSocket(options.token);
  const offline = () => useWall.setState((s) => ({ connection: 'offline', offlineSince: s.offlineSince ?? Date.now() }));

  function applyDelta(d: Delta) { applyOf(d.topic).delta(sinks[d.topic], d.payload, d.time); }
  function applySync(r: TopicSync) {
    if (r.mode === 'snapshot') applyOf(r.topic).snapshot(sinks[r.topic], r.snapshot, r.time);
    else for (const d of r.deltas) applyDelta(d);
    seq.set(r.topic, r.seq);
  }

  function subscribe(topics: readonly Topic[]) {
    const fresh = topics.filter((t) => !pending.has(t));
    if (!fresh.length) return;
    fresh.forEach((t) => pending.add(t));
    const request = { ...(run ? { run } : {}), topics: fresh.map((topic) => ({ topic, since: seq.get(topic) })) };
    socket.timeout(10_000).emit(EVENTS.subscribe, request, (err: Error | null, reply: SubscribeReply) => {
      fresh.forEach((t) => pending.delete(t));
      if (err || !reply.ok) { if (socket.connected) setTimeout(() => subscribe(fresh), 1000); return; }
      if (reply.run !== run) { seq.clear(); run = reply.run; }
      // the kpi snapshot must land before kpi deltas can merge into it
      for (const r of [...reply.results].sort((a, b) => (a.topic === 'kpi' ? -1 : b.topic === 'kpi' ? 1 : 0))) applySync(r);
      if (fresh.includes('kpi')) useWall.setState({ connection: 'online', offlineSince: null });
    });
  }

  socket.on('connect', () => {
    const before = options.beforeSubscribe?.(socket) ?? Promise.resolve();
    before.then(() => subscribe(TOPICS), () => { if (socket.connected) setTimeout(() => socket.disconnect().connect(), 2000); });
  });
  // the wall's mode changed or the server's copy was reloaded: everything is fetched anew
  socket.on(WALL_EVENTS.resubscribe, () => { seq.clear(); pending.clear(); subscribe(TOPICS); });
  socket.on(WALL_EVENTS.revoked, () => { stopped = true; options.onUnpaired?.(); });
  socket.on(EVENTS.restart, () => offline());
  socket.on('disconnect', (reason) => {
    pending.clear();
    offline();
    // socket.io comes back by itself after a lost transport, not after the server said goodbye: ask again
    if (reason === 'io server disconnect' && !stopped) setTimeout(() => { if (!stopped && !socket.connected) socket.connect(); }, 1000);
  });
  socket.on('connect_error', (e: Error) => {
    if (e.message === UNPAIRED) { stopped = true; socket.close(); options.onUnpaired?.(); return; }
    offline();
  });
  socket.on(EVENTS.hello, (h: Hello) => {
    // a new server run needs nothing here: the server answers a "since" of another run with snapshots
    if (typeof h?.time === 'number') useWall.setState({ clockOffset: h.time - Date.now() });
  });
  socket.on(EVENTS.delta, (raw: unknown) => {
    if (!isDelta(raw)) return;
    const last = seq.get(raw.topic);
    if (last === undefined || pending.has(raw.topic)) return; // a snapshot is on its way; it includes this change
    if (raw.seq <= last) return;
    if (raw.seq !== last + 1) { resyncs++; subscribe([raw.topic]); return; }
    seq.set(raw.topic, raw.seq);
    applyDelta(raw);
  });
  socket.on(EVENTS.fleetFrame, (bytes: ArrayBuffer | Uint8Array) => {
    fleet.apply(bytes, performance.now());
    if (fleet.frameTime !== null) useWall.setState({ clockOffset: fleet.frameTime - Date.now() });
    touchStream('fleet', fleet.newestFixAt);
  });

  return { fleet, fleetIndex, containers, appeals, socket, resyncs: () => resyncs, stop: () => { stopped = true; socket.close(); } };
}
