// The wall session of a screen page: which wall and screen it is, the scenes it can show, and the wall's state as
// the server last sent it. Empty on the single-layout page (/).
import { create } from 'zustand';
import type { Layout } from '../../../server/protocol/layout';
import type { ScreenSpec, WallConfig, WallState } from '../../../server/protocol/walls';

export interface ScreenSession {
  wall: WallConfig | null;
  screen: ScreenSpec | null;
  scenes: Record<string, Layout>;
  state: WallState | null;
  /** the server's real clock minus this browser's, ms (measured by round trips; scheduled switches use it) */
  offset: number;
  /** why the screen could not join its wall */
  error: string | null;
  /** the server refused this browser: it shows the pairing page */
  unpaired: boolean;
}

export const useScreen = create<ScreenSession>(() => ({ wall: null, screen: null, scenes: {}, state: null, offset: 0, error: null, unpaired: false }));
