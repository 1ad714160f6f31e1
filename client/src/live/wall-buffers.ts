// What a wall draws from, whichever feed fills it (live or replayed): the fleet's motion, the container sites, the
// appeal points, and the sink each topic's snapshot and deltas go to; and the wall's one socket.
import { io, type Socket } from 'socket.io-client';
import { liveSocketOptions } from '../../../server/protocol/socket-parser';
import { RECONNECT, type ClientEvents, type ServerEvents, type Topic } from '../../../server/protocol/live';
import { TOPIC_DEFS, type Sinks } from '../../../server/topics';
import { createAppealPoints } from './appeal-points';
import { createContainerSites } from './container-sites';
import { createFleetMotion } from './fleet-motion';
import { createSinks } from './sinks';

export type LiveClientSocket = Socket<ServerEvents, ClientEvents>;

type Apply = { snapshot(sink: unknown, s: unknown, time: number): void; delta(sink: unknown, p: unknown, time: number): void };
// one topic's client rules applied to that topic's sink: TypeScript cannot follow the pairing through the union
export const applyOf = (topic: Topic): Apply => TOPIC_DEFS[topic].client as unknown as Apply;

/** a reply's topics with kpi first: its snapshot must land before kpi deltas can merge into it */
export const kpiFirst = <T extends { topic: Topic }>(results: readonly T[]): T[] =>
  [...results].sort((a, b) => (a.topic === 'kpi' ? -1 : b.topic === 'kpi' ? 1 : 0));

/** The buffers a wall draws from and the sinks each topic's snapshot and deltas go to (live or replayed). */
export function liveBuffers() {
  const fleet = createFleetMotion();
  const containers = createContainerSites();
  const appeals = createAppealPoints();
  const fleetIndex = new Map<string, number>();
  const sinks: Sinks = createSinks({ containers, appeals, fleetIndex });
  return { fleet, containers, appeals, fleetIndex, sinks };
}
export type WallBuffers = ReturnType<typeof liveBuffers>;

/** The wall's one socket, with this screen's token and Sitroom's parser; it reconnects by itself. */
export const openLiveSocket = (token: string | null): LiveClientSocket =>
  io({ transports: ['websocket'], ...RECONNECT, ...liveSocketOptions(token ? { token } : {}) });
