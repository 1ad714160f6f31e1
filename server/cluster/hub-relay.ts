// The primary's live state, copied to every follower through the cluster's socket.io adapter (server-side events
// over Redis). The primary publishes each hub delta and fleet frame once, each wall's new state, console
// notices and revoked screens; a follower applies them to its own hub and wall states under the primary's sequence
// numbers, so its screens get exactly what the primary's get, and a screen can move between servers with "since N".
// A follower that misses anything (Redis restarted, a message lost) notices by the numbers, by the primary's
// heartbeat or by the reconnection, reloads the primary's whole image, and asks its screens to fetch anew.
import type { Hub } from '../hub/hub';
import { TOPICS, type Delta, type Topic } from '../protocol/live';
import { RELAY_EVENTS as RELAY, type RelayBeat as Beat, type RelayImage as Image } from '../protocol/relay';
import type { WallState } from '../protocol/walls';
import type { WallManager } from '../walls/manager';
import type { Gateway, LiveServer, ScreenPresence } from '../gateway/socket';
import type { ClusterNode } from './cluster';

const BEAT_MS = 2_000;
const SCREENS_EVERY_MS = 5_000;
type Log = (msg: string, extra?: Record<string, unknown>) => void;

/** Every server tells the others which wall screens it holds (so the primary can decide when a scene switch is ready
 *  and every console sees every screen); now and then, and at once when they change. */
export function reportScreens(io: LiveServer, node: ClusterNode, gateway: Gateway, seen: (screenId: string) => void) {
  io.on(RELAY.screens, (from: string, screens: ScreenPresence[] | null) => {
    gateway.setRemote(from, screens);
    for (const s of screens ?? []) if (s.screenId) seen(s.screenId);
  });
  const report = () => { io.serverSideEmit(RELAY.screens, node.id, gateway.localScreens()); };
  const timer = setInterval(report, SCREENS_EVERY_MS);
  timer.unref();
  return { changed: report, stop(): void { clearInterval(timer); io.serverSideEmit(RELAY.screens, node.id, null); } };
}

/** The primary: publish every change and answer followers' image requests. */
export function publishFromPrimary(io: LiveServer, hub: Hub, walls: WallManager): () => void {
  const stopHub = hub.listen({
    delta: (d) => { io.serverSideEmit(RELAY.delta, d); },
    fleetFrame: (bytes) => { io.serverSideEmit(RELAY.frame, bytes); },
  });
  const seqs = () => Object.fromEntries(TOPICS.map((t) => [t, hub.seq(t)])) as Record<Topic, number>;
  const beat = setInterval(() => {
    io.serverSideEmit(RELAY.beat, { run: hub.run(), seqs: seqs(), walls: Object.fromEntries(walls.states().map((s) => [s.wall, s.version])) } satisfies Beat);
  }, BEAT_MS);
  beat.unref();
  // every server answers a server-side request (the asker waits for all); only the primary's answer carries the image
  io.on(RELAY.image, (_from: string, ack: (img: Image | null) => void) => { ack({ hub: hub.image(), walls: walls.states() }); });
  return () => { stopHub(); clearInterval(beat); };
}

/** Called by the primary's wall manager and gateway alongside their own local delivery. */
export function relayNotices(io: LiveServer) {
  return {
    wall: (state: WallState) => { io.serverSideEmit(RELAY.wall, state); },
    console: (what: string) => { io.serverSideEmit(RELAY.console, what); },
    revoke: (screenId: string) => { io.serverSideEmit(RELAY.revoke, screenId); },
  };
}

/** A follower: load the primary's image, then follow its changes; report this server's wall screens. */
export function followPrimary(io: LiveServer, node: ClusterNode, hub: Hub, walls: WallManager, gateway: Gateway, log: Log) {
  let synced = false;
  let loading: Promise<void> | null = null;
  const buffered: Delta[] = [];
  let reloads = 0;

  async function reload(reason: string): Promise<void> {
    if (loading) return loading;
    synced = false;
    loading = (async () => {
      for (let attempt = 0; ; attempt++) {
        try {
          const replies = await new Promise<(Image | null)[]>((resolve, reject) => {
            // every other server answers (followers with null) within the adapter's request timeout
            io.serverSideEmit(RELAY.image, node.id, (err: Error | null, r: (Image | null)[]) => (err ? reject(err) : resolve(r)));
          });
          const img = replies.find((r): r is Image => r !== null && typeof r === 'object' && 'hub' in r);
          if (!img) throw new Error('no primary answered');
          hub.loadImage(img.hub);
          for (const s of img.walls) walls.mirror(s);
          synced = true;
          reloads++;
          // changes that came while the image was on its way: those after the image's numbers still apply
          for (const d of buffered.splice(0)) hub.adopt(d);
          if (reloads > 1) gateway.resubscribeAll();
          log('cluster: copied the primary\'s live state', { reason, seqs: img.hub.seqs });
          return;
        } catch (e) {
          if (attempt % 5 === 0) log('cluster: waiting for the primary\'s live state', { reason, error: (e as Error).message });
          await new Promise((r) => setTimeout(r, Math.min(500 * (attempt + 1), 3000)));
        }
      }
    })().finally(() => { loading = null; });
    return loading;
  }

  io.on(RELAY.image, (_from: string, ack: (img: Image | null) => void) => { ack(null); });
  io.on(RELAY.delta, (d: Delta) => {
    if (!synced) { buffered.push(d); return; }
    if (hub.adopt(d) === 'gap') void reload(`missed ${d.topic} changes before #${d.seq}`);
  });
  io.on(RELAY.frame, (bytes: Uint8Array) => {
    if (!synced) return;
    try { hub.adoptFrame(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes as ArrayBuffer)); } catch (e) { log('cluster: bad fleet frame', { error: (e as Error).message }); }
  });
  io.on(RELAY.wall, (state: WallState) => { walls.mirror(state); });
  io.on(RELAY.console, (what: string) => { gateway.notifyConsoles(what); });
  io.on(RELAY.revoke, (screenId: string) => { gateway.revokeScreen(screenId); });
  io.on(RELAY.beat, (b: Beat) => {
    if (!synced) return;
    if (b.run !== hub.run()) { void reload(`the primary runs anew (run ${b.run})`); return; }
    const behind = (Object.keys(b.seqs) as Topic[]).find((t) => b.seqs[t] !== hub.seq(t));
    const wallBehind = Object.entries(b.walls).find(([w, v]) => { try { return walls.state(w).version < v; } catch { return false; } });
    if (behind || wallBehind) void reload(behind ? `${behind} at #${hub.seq(behind)}, the primary at #${b.seqs[behind]}` : `wall ${wallBehind![0]} behind`);
  });
  node.onReconnect(() => void reload('Redis reconnected'));
  return { start: () => reload('start'), synced: () => synced };
}
