// Which wall screens are online, on this server and (in a cluster) on the others, and whether all of a wall's have
// prepared the announced scene.
import type { ScreenPresence } from '../protocol/relay';
import type { LiveServer } from './types';

export type { ScreenPresence };

const REMOTE_STALE_MS = 15_000;

export function screenPresence(io: LiveServer) {
  /** wall screens on the other servers of a cluster, as each last reported them */
  const remote = new Map<string, { screens: ScreenPresence[]; at: number }>();
  const local = (): ScreenPresence[] => {
    const out: ScreenPresence[] = [];
    for (const s of io.of('/').sockets.values()) {
      const d = s.data;
      if (d.wall) out.push({ wall: d.wall, screen: d.screen, name: d.identity.name, via: d.identity.via, since: d.since, screenId: d.identity.screen?.id ?? null, ready: d.ready });
    }
    return out;
  };
  const all = (): ScreenPresence[] => {
    const t = Date.now();
    const out = local();
    for (const [node, r] of remote) {
      if (t - r.at > REMOTE_STALE_MS) remote.delete(node);
      else out.push(...r.screens);
    }
    return out;
  };
  return {
    local,
    all,
    setRemote(node: string, screens: ScreenPresence[] | null): void {
      if (screens) remote.set(node, { screens, at: Date.now() }); else remote.delete(node);
    },
    /** every screen of the wall online has prepared scene version `version` */
    allReady: (wall: string, version: number): boolean => all().filter((x) => x.wall === wall && x.screen !== null).every((x) => x.ready >= version),
  };
}
