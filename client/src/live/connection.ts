// The wall's connection: one socket, and the feed that fills the wall's buffers from it: live (./live-feed.ts) or a
// replay of the past (../replay/replay-feed.ts), switched at run time when the console puts the wall into replay and
// back. It comes back by itself after any stop of the server: a lost transport, a restart notice, or even a
// server-side disconnect, after which socket.io would otherwise stay away; the page never reloads.
import { UNPAIRED, WALL_EVENTS } from '../../../server/protocol/walls';
import { EVENTS } from '../../../server/protocol/live';
import { useWall } from '../store/wall-store';
import { replayFeed, type ReplayFeed, type ReplayStats } from '../replay/replay-feed';
import type { ReplayPlan } from '../replay/plan';
import type { AppealPoints } from './appeal-points';
import type { ContainerSites } from './container-sites';
import type { FleetMotion } from './fleet-motion';
import { liveFeed } from './live-feed';
import { liveBuffers, openLiveSocket, type LiveClientSocket } from './wall-buffers';

export type { LiveClientSocket };

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
  /** shows the past by this plan, or (null) live again */
  replay(plan: ReplayPlan | null): void;
  /** how the replay shown keeps up (null: live) */
  replayStats(): ReplayStats | null;
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

/** Starts the wall's connection, live or (with a plan) in the past. */
export function startLive(options: LiveOptions = { token: null }, plan: ReplayPlan | null = null): Live {
  const buffers = liveBuffers();
  let stopped = false;
  const socket = openLiveSocket(options.token);
  const live = liveFeed(socket, buffers, plan === null);
  let past: ReplayFeed | null = plan ? replayFeed(socket, buffers, plan) : null;
  /** the wall joined on this connection: a feed may ask the server for things */
  let joined = false;
  const offline = () => useWall.setState((s) => ({ connection: 'offline', offlineSince: s.offlineSince ?? Date.now() }));

  socket.on('connect', () => {
    const before = options.beforeSubscribe?.(socket) ?? Promise.resolve();
    before.then(() => { joined = true; (past ?? live).connected(); },
      () => { if (socket.connected) setTimeout(() => socket.disconnect().connect(), 2000); });
  });
  socket.on(WALL_EVENTS.revoked, () => { stopped = true; options.onUnpaired?.(); });
  socket.on(EVENTS.restart, () => offline());
  socket.on('disconnect', (reason) => {
    joined = false;
    offline();
    // socket.io comes back by itself after a lost transport, not after the server said goodbye: ask again
    if (reason === 'io server disconnect' && !stopped) setTimeout(() => { if (!stopped && !socket.connected) socket.connect(); }, 1000);
  });
  socket.on('connect_error', (e: Error) => {
    if (e.message === UNPAIRED) { stopped = true; socket.close(); options.onUnpaired?.(); return; }
    offline();
  });

  function replay(next: ReplayPlan | null): void {
    past?.stop(next !== null);
    past = null;
    if (next === null) { live.resume(); return; }
    live.pause();
    past = replayFeed(socket, buffers, next);
    if (joined) past.connected();
  }

  return { ...buffers, socket, resyncs: live.resyncs, replay, replayStats: () => past?.stats() ?? null, stop: () => { stopped = true; past?.stop(); socket.close(); } };
}
