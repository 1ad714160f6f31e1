// Replay put on a wall from the console: the commands (show a moment, play a window, pause, resume, jump, back to
// live) checked and turned into the wall's next WallReplay. Every screen derives the moment from it and the server's
// clock, so the wall's screens move together. A command's moment comes REPLAY_LEAD_MS ahead: time for each screen to
// fetch that moment before showing it.
import { REPLAY_MAX_SPEED, REPLAY_MIN_SPEED, replayMomentAt, type WallReplay } from '../protocol/walls';
import { parseTime } from '../domain/time';
import { SKEW_MS } from '../history/at-param';
import { WallError } from './errors';

export const REPLAY_ACTIONS = ['show', 'play', 'pause', 'resume', 'jump', 'live'] as const;
export type ReplayAction = (typeof REPLAY_ACTIONS)[number];
export const REPLAY_LEAD_MS = 1500;
const DEFAULT_PLAY_SPEED = 60;

/** the request's body as it comes (times: ISO-8601 with a zone, or epoch ms) */
export interface ReplayBody { action: ReplayAction; at?: string; from?: string; to?: string; speed?: number }

export type ReplayCommand =
  | { action: 'show' | 'jump'; at: number }
  | { action: 'play'; from: number; to: number; speed: number }
  | { action: 'pause' | 'resume' | 'live' };

const refuse = (field: string, message: string) => new WallError(400, `body/${field}`, `${field}: ${message}`);

function pastTime(body: ReplayBody, field: 'at' | 'from' | 'to', dataNow: number): number {
  const raw = body[field];
  if (raw === undefined) throw refuse(field, `required with action "${body.action}"`);
  const t = parseTime(raw);
  if (t === null) throw refuse(field, `"${raw.slice(0, 40)}" is not a moment (ISO-8601 with a zone, or epoch ms)`);
  if (t > dataNow + SKEW_MS) throw refuse(field, `${new Date(t).toISOString()} is in the future`);
  return Math.min(t, dataNow);
}

/** The body checked, naming the field and the limit it broke. */
export function parseReplayBody(body: ReplayBody, dataNow: number): ReplayCommand {
  const { action } = body;
  if (action === 'show' || action === 'jump') return { action, at: pastTime(body, 'at', dataNow) };
  if (action !== 'play') return { action };
  const from = pastTime(body, 'from', dataNow);
  // a window may end "now" or later: it plays up to the present and holds there
  const to = body.to === undefined ? dataNow : Math.min(parseTime(body.to) ?? NaN, dataNow);
  if (!Number.isFinite(to)) throw refuse('to', `"${String(body.to).slice(0, 40)}" is not a moment (ISO-8601 with a zone, or epoch ms)`);
  if (to <= from) throw refuse('to', 'must be after from');
  const speed = body.speed ?? DEFAULT_PLAY_SPEED;
  if (!(speed >= REPLAY_MIN_SPEED && speed <= REPLAY_MAX_SPEED)) throw refuse('speed', `from ${REPLAY_MIN_SPEED} to ${REPLAY_MAX_SPEED} (history seconds per second)`);
  return { action, from, to, speed };
}

export interface ReplayContext { now: number; idleMs: number; by: string }

/** The wall's replay after a command (null: live); a command that needs a replay on a live wall is refused. */
export function nextReplay(r: WallReplay | null, c: ReplayCommand, x: ReplayContext): WallReplay | null {
  const lead = x.now + REPLAY_LEAD_MS, liveAt = x.now + x.idleMs;
  switch (c.action) {
    case 'live': return null;
    case 'show':
      return { anchorAt: c.at, anchorTime: lead, speed: 0, from: c.at, to: null, playSpeed: r?.playSpeed ?? DEFAULT_PLAY_SPEED, liveAt, by: x.by };
    case 'play':
      return { anchorAt: c.from, anchorTime: lead, speed: c.speed, from: c.from, to: c.to, playSpeed: c.speed, liveAt, by: x.by };
  }
  if (!r) throw new WallError(409, 'body/action', `action: "${c.action}" needs a wall in replay; this wall is live (start with "show" or "play")`);
  const shown = replayMomentAt(r, x.now);
  switch (c.action) {
    case 'pause': return { ...r, anchorAt: shown, anchorTime: x.now, speed: 0, liveAt };
    case 'resume': {
      if (r.to === null) throw new WallError(409, 'body/action', 'action: "resume" needs a played window; this wall holds one moment (use "play")');
      // at the window's end, resume plays it again from its start
      const at = shown >= r.to ? r.from : shown;
      return { ...r, anchorAt: at, anchorTime: lead, speed: r.playSpeed, liveAt };
    }
    case 'jump': {
      if (r.to === null) return { ...r, anchorAt: c.at, anchorTime: lead, from: c.at, liveAt };
      if (c.at < r.from || c.at > r.to) {
        throw refuse('at', `${new Date(c.at).toISOString()} is outside the window played (${new Date(r.from).toISOString()} to ${new Date(r.to).toISOString()})`);
      }
      return { ...r, anchorAt: c.at, anchorTime: lead, liveAt };
    }
  }
}
