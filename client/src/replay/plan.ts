// A wall page in the past: `?at=<ISO>` shows that moment; `?from=<ISO>&to=<ISO>&speed=<n>` plays the window (1× to
// 3,600×). A parameter that cannot be read stops the page with a message naming it, rather than showing "now".
export const MIN_SPEED = 1;
export const MAX_SPEED = 3600;
export const DEFAULT_SPEED = 60;

export interface ReplayPlan {
  /** the first moment shown */
  from: number;
  /** the last moment of a played window; null: one moment, held */
  to: number | null;
  /** history seconds per second of the wall */
  speed: number;
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
