// The gateway's own news, for the parts that care: screens heard from and screens that came or went.

/** What the gateway tells others: a paired screen was heard from (pairing keeps its last-seen time); this server's
 *  wall screens came, went or became ready (a follower reports them to the primary). */
export function gatewayEvents() {
  const seen = new Set<(screenId: string) => void>();
  const screens = new Set<() => void>();
  return {
    screenSeen: (id: string) => { for (const fn of seen) fn(id); },
    screensChanged: () => { for (const fn of screens) fn(); },
    onScreenSeen(fn: (screenId: string) => void): () => void { seen.add(fn); return () => seen.delete(fn); },
    onScreensChanged(fn: () => void): () => void { screens.add(fn); return () => screens.delete(fn); },
  };
}
export type GatewayEvents = ReturnType<typeof gatewayEvents>;
