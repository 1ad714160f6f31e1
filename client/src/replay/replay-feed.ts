// The past fed into the wall's buffers: the server's `moment` event instead of subscriptions. A held moment is asked
// for once and shown from the plan's start time; a played window moves a playhead at `speed` history seconds per
// second from that time, asking for the whole wall every FULL_MS and for the fleet alone every FLEET_MS, so numbers
// change as they did and teams glide between their recorded places. Screens of one wall given the same plan show the
// same moment at the same time.
import { EVENTS, TOPICS, type MomentReply, type Topic } from '../../../server/protocol/live';
import { touchStream, useWall } from '../store/wall-store';
import { applyOf, kpiFirst, type LiveClientSocket, type WallBuffers } from '../live/wall-buffers';
import type { ReplayPlan } from './plan';

/** how often a played window asks for the whole wall, and for the fleet alone (wall time) */
const FULL_MS = 2000;
const FLEET_MS = 250;

/** how a played window keeps up: moments asked for and applied, and asks skipped while one was still out */
export interface ReplayStats { fullAsked: number; fullApplied: number; fleetAsked: number; fleetApplied: number; skipped: number; roundTripMs: number[] }

export interface ReplayFeed {
  connected(): void;
  stats(): ReplayStats;
  /** keepMark: another replay follows at once, so the wall stays marked as the past in between */
  stop(keepMark?: boolean): void;
}

export function replayFeed(socket: LiveClientSocket, { fleet, sinks }: WallBuffers, plan: ReplayPlan): ReplayFeed {
  let stopped = false, begun = false;
  let timer: ReturnType<typeof setInterval> | null = null;
  const startAt = plan.startAt ?? Date.now();
  const later: ReturnType<typeof setTimeout>[] = [];
  /** runs at the plan's start time, or now if that has passed: the wall's screens change together */
  const atStart = (run: () => void) => { const wait = startAt - Date.now(); if (wait > 0) later.push(setTimeout(run, wait)); else run(); };

  /** the page's moment is put in the store at most once a wall second while playing: every re-render of the panels
   *  repaints the page, and four a second kept a software-rendered wall busy for most of each second */
  let lastShown = -Infinity;
  const shownAtMostEverySecond = (at: number, playing: boolean) => {
    document.documentElement.dataset['replay'] = new Date(at).toISOString();
    if (playing && Date.now() - lastShown < 1000) return;
    lastShown = Date.now();
    shown(at, playing);
  };
  const shown = (at: number, playing: boolean) => {
    if (stopped) return;
    useWall.setState({ replay: { at, from: plan.window?.from ?? plan.from, to: plan.window?.to ?? plan.to, speed: plan.speed, playing,
      paused: plan.window !== undefined, liveAt: plan.liveAt ?? null }, clockOffset: at - Date.now(), now: Date.now() });
    document.documentElement.classList.add('replay');
    document.documentElement.dataset['replay'] = new Date(at).toISOString();
  };

  /** asks for a moment; `busy` keeps one request of each kind in flight (a slow answer is skipped, not queued) */
  const busy = new Set<'full' | 'fleet'>();
  const stats: ReplayStats = { fullAsked: 0, fullApplied: 0, fleetAsked: 0, fleetApplied: 0, skipped: 0, roundTripMs: [] };
  function ask(at: number, topics: readonly Topic[], kind: 'full' | 'fleet', done?: () => void): void {
    if (stopped) return;
    if (busy.has(kind)) { stats.skipped++; return; }
    busy.add(kind);
    if (kind === 'full') stats.fullAsked++; else stats.fleetAsked++;
    const sent = performance.now();
    socket.timeout(20_000).emit(EVENTS.moment, { at: Math.round(at), topics }, (err: Error | null, r: MomentReply) => {
      busy.delete(kind);
      if (stats.roundTripMs.length < 2000) stats.roundTripMs.push(performance.now() - sent);
      if (err || stopped) return;
      if (!r.ok) { useWall.setState({ fatal: `replay: ${r.error}` }); return; }
      atStart(() => { if (!stopped) { apply(r, kind); done?.(); } });
    });
  }

  function apply(r: Extract<MomentReply, { ok: true }>, kind: 'full' | 'fleet'): void {
    // the past may be earlier than what is on screen: the streams' ages start again from this moment
    if (kind === 'full') useWall.setState({ lastAt: { kpi: null, fleet: null, incidents: null, containers: null, appeals: null } });
    for (const s of kpiFirst(r.results)) {
      if (s.mode === 'snapshot') applyOf(s.topic).snapshot(sinks[s.topic], s.snapshot, s.time);
    }
    if (r.frame) { fleet.apply(r.frame, performance.now()); touchStream('fleet', fleet.newestFixAt); }
    if (kind === 'full') stats.fullApplied++; else stats.fleetApplied++;
    useWall.setState({ connection: 'online', offlineSince: null });
    // a held moment is shown when it comes; a played window's moment is the playhead's (play())
    if (plan.to === null) shown(r.at, false);
  }

  /** a played window: the playhead from `from` to `to`, at `speed`, from the start time */
  function play(): void {
    let lastFull = -Infinity;
    const head = () => Math.min(plan.to!, plan.from + Math.max(0, Date.now() - startAt) * plan.speed);
    timer = setInterval(() => {
      const at = head(), end = at >= plan.to!;
      shownAtMostEverySecond(at, !end);
      // the end holds once its whole moment has come (a request still out for an earlier one is waited for)
      if (end) { ask(at, TOPICS, 'full', () => { if (timer) clearInterval(timer); timer = null; }); return; }
      if (Date.now() - lastFull >= FULL_MS) { lastFull = Date.now(); ask(at, TOPICS, 'full'); } else ask(at, ['fleet'], 'fleet');
    }, FLEET_MS);
  }

  return {
    stats: () => stats,
    connected() {
      // back after a lost connection: a playing window goes on by itself; a held moment (or the end) is asked again
      if (timer || stopped) return;
      if (begun) { ask(useWall.getState().replay?.at ?? plan.from, TOPICS, 'full'); return; }
      begun = true;
      fleet.setGlide(plan.to === null ? 1000 : FLEET_MS);
      if (plan.to === null) ask(plan.from, TOPICS, 'full'); else atStart(play);
    },
    stop(keepMark = false) {
      stopped = true;
      if (timer) clearInterval(timer);
      later.forEach(clearTimeout);
      if (keepMark) return;
      useWall.setState({ replay: null });
      document.documentElement.classList.remove('replay');
      delete document.documentElement.dataset['replay'];
    },
  };
}
