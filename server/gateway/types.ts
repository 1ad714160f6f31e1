// The gateway's types: its options, the typed socket.io server and sockets, and what it keeps per socket.
import type { Server, ServerOptions, Socket } from 'socket.io';
import type { ClientEvents, ServerEvents } from '../protocol/live';
import type { InterServerEvents } from '../protocol/relay';
import type { Hub } from '../hub/hub';
import type { Summary } from '../protocol/summary';
import type { Access, Identity } from '../access/identity';
import type { Reference } from '../reference/load';
import type { WallManager } from '../walls/manager';
import type { Log } from './guarded';
import type { Moments } from '../history/moments';

export type LiveServer = Server<ClientEvents, ServerEvents, InterServerEvents, SocketData>;
export type LiveSocket = Socket<ClientEvents, ServerEvents, InterServerEvents, SocketData>;

export interface GatewayOptions {
  hub: Hub;
  now: () => number;
  /** the kpi snapshot comes from the indicators, computed on demand when none is cached */
  kpi: () => Summary;
  access: Access;
  reference: Reference;
  /** past moments, for replaying walls */
  moments: Moments;
  walls: WallManager;
  /** page origins besides the server's own (SITROOM_ORIGINS) */
  origins: readonly string[];
  log: Log;
  /** the socket.io adapter shared by several servers (server/cluster); absent on a single server */
  adapter?: ServerOptions['adapter'];
  stalledBytes?: number;
}

export interface SocketData {
  identity: Identity;
  /** what it identified with, kept to check again: its rights can end while it is connected */
  token: string | undefined;
  address: string | undefined;
  /** the wall it shows: a paired screen's own, else the one it joined */
  wall: string | null;
  screen: string | null;
  /** it is in the visitor rooms now (decided by the server from its wall's mode, never by the client) */
  visitor: boolean;
  since: number;
  ready: number;
}
