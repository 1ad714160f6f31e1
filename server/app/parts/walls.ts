// The walls and the screens showing them: the wall manager (scene, rotation, focus, mode... kept in SQLite), the live
// gateway every screen and console connects to, screen pairing, and, in a cluster, the relay that keeps a follower's
// hub and walls a copy of the primary's. Each hears of the others through listeners, wired once here.
import type { Moments } from '../../history/moments';
import type { FastifyInstance } from 'fastify';
import type { Config } from '../../config/config';
import type { Reference } from '../../reference/load';
import type { Store } from '../../store';
import type { Hub } from '../../hub/hub';
import type { Summary } from '../../protocol/summary';
import type { Access } from '../../access/identity';
import type { ClusterNode } from '../../cluster/cluster';
import type { loadWalls } from '../../reference/walls';
import { createWallManager } from '../../walls/manager';
import { attachGateway } from '../../gateway/socket';
import { createPairing } from '../../access/pairing';
import { followPrimary, publishFromPrimary, relayNotices, reportScreens } from '../../cluster/hub-relay';
import type { Log } from './data';

export interface WallsDeps {
  config: Config; reference: Reference; store: Store; hub: Hub; access: Access; summary: () => Summary; moments: Moments;
  wallConfig: ReturnType<typeof loadWalls>; cluster: ClusterNode | null; primary: boolean; now: () => number; log: Log;
}

export function wallsPart(app: FastifyInstance, d: WallsDeps) {
  const walls = createWallManager({ walls: d.wallConfig.walls, scenes: d.wallConfig.scenes, store: d.store, reference: d.reference, hub: d.hub,
    timezone: d.config.timezone, now: () => Date.now(), dataNow: d.now, follower: !d.primary, log: (msg, extra) => app.log.error(extra ?? {}, msg) });
  const gateway = attachGateway(app.server, { hub: d.hub, now: d.now, kpi: d.summary, access: d.access, reference: d.reference, walls, moments: d.moments,
    origins: d.config.origins, log: (msg, extra) => app.log.warn(extra ?? {}, msg), stalledBytes: d.config.limits.socketBufferMb * 1024 * 1024,
    ...(d.cluster ? { adapter: d.cluster.adapter } : {}) });
  const pairing = createPairing({ store: d.store, now: () => Date.now(), wall: (id) => walls.config(id),
    online: (id) => gateway.online().some((o) => o.screenId === id) });
  const relay = d.cluster && d.primary ? relayNotices(gateway.io) : null;
  const notifyConsoles = (what: string) => { gateway.notifyConsoles(what); relay?.console(what); };
  walls.listen({ state: (s, before) => { gateway.wallChanged(s, before); relay?.wall(s); }, action: () => notifyConsoles('log') });
  // the primary keeps the screens' last-seen times (a follower reports its screens to it)
  if (d.primary) gateway.onScreenSeen((id) => pairing.seen(id));
  const revoked = (id: string) => { gateway.revokeScreen(id); relay?.revoke(id); };
  const cluster = d.cluster ? clusterRelay(d.cluster, d, walls, gateway, pairing) : null;
  app.addHook('preClose', async () => { walls.stop(); cluster?.stop(); await gateway.close(); });
  return { walls, gateway, pairing, notifyConsoles, revoked, follower: cluster?.follower ?? null };
}

/** A cluster's servers share the primary's live state and report their screens to each other. */
function clusterRelay(node: ClusterNode, d: WallsDeps, walls: ReturnType<typeof createWallManager>,
  gateway: ReturnType<typeof attachGateway>, pairing: ReturnType<typeof createPairing>) {
  const screens = reportScreens(gateway.io, node, gateway, (id) => { if (d.primary) pairing.seen(id); });
  gateway.onScreensChanged(() => screens.changed());
  const follower = d.primary ? null : followPrimary(gateway.io, node, d.hub, walls, gateway, d.log);
  const stopPublishing = d.primary ? publishFromPrimary(gateway.io, d.hub, walls) : null;
  return { follower, stop(): void { stopPublishing?.(); screens.stop(); } };
}
