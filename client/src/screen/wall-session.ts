// Joins the wall on every (re)connect, measures the server's clock, and keeps the wall's state in the screen store.
import type { Socket } from 'socket.io-client';
import { WALL_EVENTS, type WallJoin, type WallState } from '../../../server/protocol/walls';
import { useWall } from '../store/wall-store';
import { useScreen } from './screen-store';

/** The server's clock minus ours from a few round trips, keeping the one with the shortest trip. */
async function measureOffset(socket: Socket): Promise<number> {
  let best = { rtt: Infinity, offset: 0 };
  for (let i = 0; i < 5; i++) {
    const t0 = Date.now();
    const server = (await socket.timeout(3000).emitWithAck(WALL_EVENTS.time)) as number;
    const t1 = Date.now();
    if (t1 - t0 < best.rtt) best = { rtt: t1 - t0, offset: server - (t0 + t1) / 2 };
  }
  return best.offset;
}

export function applyWallState(state: WallState): void {
  const prev = useScreen.getState().state;
  if (prev && prev.wall === state.wall && prev.version > state.version) return; // an older state arrived late
  useScreen.setState({ state });
  if (useWall.getState().lang !== state.lang) {
    useWall.setState({ lang: state.lang });
    document.documentElement.lang = state.lang;
  }
}

export function wallSession(wall: string, screen: string | null, onMoved: (wall: string, screen: string) => void) {
  let listening: Socket | null = null;
  return async function join(socket: Socket): Promise<void> {
    if (listening !== socket) {
      socket.on(WALL_EVENTS.state, (s: WallState) => applyWallState(s));
      listening = socket;
    }
    const offset = await measureOffset(socket);
    const reply = (await socket.timeout(10_000).emitWithAck(WALL_EVENTS.join, { wall, screen })) as WallJoin | { error: string; wall?: string; screen?: string };
    if ('error' in reply) {
      if (reply.wall && reply.screen) { onMoved(reply.wall, reply.screen); return; }
      useScreen.setState({ error: reply.error });
      return;
    }
    useScreen.setState({ wall: reply.wall, screen: reply.screen, scenes: reply.scenes, offset, error: null });
    applyWallState(reply.state);
  };
}
