// Server ↔ server events of a cluster (socket.io's InterServerEvents, carried by the Redis adapter): the primary's
// hub deltas, fleet frames, wall states and notices, its heartbeat and image, and every server's wall screens.
import type { HubImage } from '../hub/hub';
import type { Delta, Topic } from './live';
import type { OnlineScreen, WallState } from './walls';

/** A wall screen online on some server, with the newest scene version it has prepared. */
export interface ScreenPresence extends OnlineScreen { ready: number }

export const RELAY_EVENTS = {
  delta: 'sitroom:delta',
  frame: 'sitroom:frame',
  wall: 'sitroom:wall',
  console: 'sitroom:console',
  revoke: 'sitroom:revoke',
  beat: 'sitroom:beat',
  image: 'sitroom:image',
  screens: 'sitroom:screens',
} as const;

/** What a follower copies: the primary's hub (its run included) and every wall's state. */
export interface RelayImage { hub: HubImage; walls: WallState[] }
/** The primary's heartbeat: its run and numbers, so a follower notices what it missed. */
export interface RelayBeat { run: string; seqs: Record<Topic, number>; walls: Record<string, number> }

export interface InterServerEvents {
  [RELAY_EVENTS.delta]: (d: Delta) => void;
  [RELAY_EVENTS.frame]: (bytes: Uint8Array) => void;
  [RELAY_EVENTS.wall]: (state: WallState) => void;
  [RELAY_EVENTS.console]: (what: string) => void;
  [RELAY_EVENTS.revoke]: (screenId: string) => void;
  [RELAY_EVENTS.beat]: (beat: RelayBeat) => void;
  [RELAY_EVENTS.image]: (from: string, ack: (img: RelayImage | null) => void) => void;
  [RELAY_EVENTS.screens]: (from: string, screens: ScreenPresence[] | null) => void;
}
