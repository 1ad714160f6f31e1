// A tiny change signal for the high-rate buffers: the map subscribes; React never sees these.
export interface Signal { version: number; listen(fn: () => void): () => void; fire(): void }

export function signal(): Signal {
  const listeners = new Set<() => void>();
  const s: Signal = {
    version: 0,
    listen(fn) { listeners.add(fn); return () => { listeners.delete(fn); }; },
    fire() { s.version++; for (const fn of listeners) fn(); },
  };
  return s;
}
