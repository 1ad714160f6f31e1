// A wall page in the past: `?at=<ISO>` shows that moment; `?from=<ISO>&to=<ISO>&speed=<n>` plays the window (1× to
// 3,600×). A parameter that cannot be read stops the page with a message naming it, rather than showing "now".
// The console's replay of a whole wall (WallState.replay) becomes the same plan, timed by the server's clock.
import { REPLAY_MAX_SPEED as MAX_SPEED, REPLAY_MIN_SPEED as MIN_SPEED, type WallReplay } from '../../../server/protocol/walls';

export { MAX_SPEED, MIN_SPEED };
export const DEFAULT_SPEED = 60;

export interface ReplayPlan {
  /** the first moment shown */
  from: number;
  /** the last moment of a played window; null: one moment, held */
  to: number | null;
  /** history seconds per second of the wall */
  speed: number;
  /** this browser's clock when the playhead is at `from` (default: when the replay begins) */
  startAt?: number;
  /** a paused window: the window the held moment belongs to */
  window?: { from: number; to: number };
  /** this browser's clock when the wall goes back to live by itself (a replay from the console) */
  liveAt?: number;
}

/** The plan of a replay the console put on the wall; `offset` is the server's clock minus this browser's. */
export function wallReplayPlan(r: WallReplay, offset: number): ReplayPlan {
  const timing = { startAt: r.anchorTime - offset, liveAt: r.liveAt - offset };
  if (r.speed > 0) return { from: r.anchorAt, to: r.to, speed: r.speed, ...timing };
  return { from: r.anchorAt, to: null, speed: 0, ...timing, ...(r.to !== null ? { window: { from: r.from, to: r.to } } : {}) };
}

export class ReplayParamError extends Error {}

function time(q: URLSearchParams, name: string): number | null {
  const raw = q.get(name);
  if (raw === null) return null;
  const t = /^\d+$/.test(raw) ? Number(raw) : Date.parse(raw);
  if (!Number.isFinite(t)) throw new ReplayParamError(`${name}: "${raw.slice(0, 40)}" is not a moment (ISO-8601 with a time zone, or epoch ms)`);
  return t;
}

/** The replay the URL asks for, or null for the live wall. */
export function replayPlan(search: string, now: number): ReplayPlan | null {
  const q = new URLSearchParams(search);
  const at = time(q, 'at'), from = time(q, 'from'), to = time(q, 'to');
  if (at === null && from === null) return null;
  const start = at ?? from!;
  if (start > now) throw new ReplayParamError(`${at !== null ? 'at' : 'from'}: ${new Date(start).toISOString()} is in the future`);
  if (at !== null) return { from: at, to: null, speed: 0 };
  if (to === null) throw new ReplayParamError('to: a played window needs its end (to=<ISO>)');
  if (to <= start) throw new ReplayParamError('to: must be after from');
  const speed = q.has('speed') ? Number(q.get('speed')) : DEFAULT_SPEED;
  if (!Number.isFinite(speed) || speed < MIN_SPEED || speed > MAX_SPEED) throw new ReplayParamError(`speed: from ${MIN_SPEED} to ${MAX_SPEED}`);
  return { from: start, to: Math.min(to, now), speed };
}
