// Hands the one live connection (and its buffers) to the components that draw from buffers: the map.
import { createContext, useContext } from 'react';
import type { Live } from './connection';

export const LiveContext = createContext<Live | null>(null);

export function useLive(): Live {
  const live = useContext(LiveContext);
  if (!live) throw new Error('useLive outside <LiveContext.Provider>');
  return live;
}
