// The wall's connection in the past: the same buffers and sinks as live (client/src/live), fed by the server's
// `moment` event instead of subscriptions. A held moment is asked for once; a played window moves a playhead at
// `speed` history seconds per second, asking for the whole wall every FULL_MS and for the fleet alone every FLEET_MS,
// so numbers change as they did and teams glide between their recorded places. Nothing live is ever applied.
import { EVENTS, TOPICS, type MomentReply, type Topic } from '../../../server/protocol/live';
import { touchStream, useWall } from '../store/wall-store';
import { applyOf, liveBuffers, openLiveSocket, type Live, type LiveOptions } from '../live/connection';
import type { ReplayPlan } from './plan';

/** how often a played window asks for the whole wall, and for the fleet alone (wall time) */
const FULL_MS = 2000;
const FLEET_MS = 250;

export function startReplay(options: LiveOptions, plan: ReplayPlan): Live {
  const { fleet, containers, appeals, fleetIndex, sinks } = liveBuffers(FLEET_MS);
  let stopped = false;
  let timer: ReturnType<typeof setInterval> | null = null;
  let begun = false;
  const socket = openLiveSocket(options.token);

  const shown = (at: number, playing: boolean) => {
    useWall.setState({ replay: { at, from: plan.from, to: plan.to, speed: plan.speed, playing }, clockOffset: at - Date.now(), now: Date.now() });
    document.documentElement.dataset['replay'] = new Date(at).toISOString();
  };

  /** asks for a moment; `busy` keeps one request of each kind in flight (a slow answer is skipped, not queued) */
  const busy = new Set<'full' | 'fleet'>();
  function ask(at: number, topics: readonly Topic[], kind: 'full' | 'fleet', done?: () => void): void {
    if (busy.has(kind) || stopped) return;
    busy.add(kind);
    socket.timeout(20_000).emit(EVENTS.moment, { at: Math.round(at), topics }, (err: Error | null, r: MomentReply) => {
      busy.delete(kind);
      if (err || stopped) return;
      if (!r.ok) { useWall.setState({ fatal: `replay: ${r.error}` }); return; }
      // the past may be earlier than what is on screen: the streams' ages start again from this moment
      if (kind === 'full') useWall.setState({ lastAt: { kpi: null, fleet: null, incidents: null, containers: null, appeals: null } });
      for (const s of [...r.results].sort((a, b) => (a.topic === 'kpi' ? -1 : b.topic === 'kpi' ? 1 : 0))) {
        if (s.mode === 'snapshot') applyOf(s.topic).snapshot(sinks[s.topic], s.snapshot, s.time);
      }
      if (r.frame) { fleet.apply(r.frame, performance.now()); touchStream('fleet', fleet.newestFixAt); }
      useWall.setState({ connection: 'online', offlineSince: null });
      // a held moment is shown when it comes; a played window's moment is the playhead's (play())
      if (plan.to === null) shown(r.at, false);
      done?.();
    });
  }

  /** a played window: the playhead from `from` to `to`, at `speed` */
  function play(): void {
    const started = Date.now();
    let lastFull = -Infinity;
    const head = () => Math.min(plan.to!, plan.from + (Date.now() - started) * plan.speed);
    timer = setInterval(() => {
      const at = head(), end = at >= plan.to!;
      shown(at, !end);
      // the end holds once its whole moment has come (a request still out for an earlier one is waited for)
      if (end) { ask(at, TOPICS, 'full', () => { if (timer) clearInterval(timer); timer = null; }); return; }
      if (Date.now() - lastFull >= FULL_MS) { lastFull = Date.now(); ask(at, TOPICS, 'full'); } else ask(at, ['fleet'], 'fleet');
    }, FLEET_MS);
  }

  socket.on('connect', () => {
    const before = options.beforeSubscribe?.(socket) ?? Promise.resolve();
    void before.then(() => {
      // back after a lost connection: a playing window goes on by itself; a held moment (or the end) is asked again
      if (timer) return;
      if (begun) { ask(useWall.getState().replay?.at ?? plan.from, TOPICS, 'full'); return; }
      begun = true;
      if (plan.to === null) { shown(plan.from, false); ask(plan.from, TOPICS, 'full'); } else play();
    });
  });
  socket.on('disconnect', () => useWall.setState((s) => ({ connection: 'offline', offlineSince: s.offlineSince ?? Date.now() })));
  return { fleet, fleetIndex, containers, appeals, socket, resyncs: () => 0,
    stop: () => { stopped = true; if (timer) clearInterval(timer); socket.close(); } };
}
