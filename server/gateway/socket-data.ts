// What the gateway keeps per socket: who it is (fixed at the handshake) and where it shows.
import type { Identity } from '../access/identity';

export interface SocketData {
  identity: Identity;
  /** the wall it shows: a paired screen's own, else the one it joined */
  wall: string | null;
  screen: string | null;
  /** it is in the visitor rooms now (decided by the server from its wall's mode, never by the client) */
  visitor: boolean;
  since: number;
  ready: number;
}
