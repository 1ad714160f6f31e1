// Walls, their screens and scenes, and the state the server keeps for each wall (scene, rotation, focus, mode).
// Server and client both import this module: the console drives the state over HTTP, screens receive it live.
import type { Layout, MapLayer } from './layout';

export const ROLES = ['screen', 'operator', 'admin'] as const;
export type Role = (typeof ROLES)[number];
/** admin can do what an operator can, an operator what a screen can */
export const roleAtLeast = (have: Role | null, need: Role): boolean => have !== null && ROLES.indexOf(have) >= ROLES.indexOf(need);

export const WALL_LANGS = ['ru', 'en'] as const;
export type WallLang = (typeof WALL_LANGS)[number];

export const WALL_MODES = ['normal', 'visitor'] as const;
/** visitor: aggregates and the map only; the server strips everything personal or free-text before it is sent */
export type WallMode = (typeof WALL_MODES)[number];

/** One physical screen (or the one canvas of a video-wall controller): its place on the wall's canvas, pixels. */
export interface ScreenSpec {
  id: string;
  name_ru: string;
  name_en: string;
  x: number;
  y: number;
  width: number;
  height: number;
  /** where the kiosk launcher opens this screen's window on the host's desktop (defaults to x, y) */
  display?: { x: number; y: number };
}

export interface PlaylistItem { scene: string; seconds: number }

/** A playlist used between two local times (HH:MM, may wrap past midnight), e.g. a calmer night loop. */
export interface ScheduledPlaylist { from: string; to: string; playlist: PlaylistItem[] }

export type AlarmRule =
  | { kind: 'incident'; severities: ('moderate' | 'severe' | 'extreme')[]; scene: string; holdSeconds: number }
  | { kind: 'appeals-spike'; windowMinutes: number; factor: number; minimum: number; scene: string; holdSeconds: number };

export interface WallConfig {
  id: string;
  name_ru: string;
  name_en: string;
  /** the whole wall's canvas, pixels: scenes are laid out over it */
  width: number;
  height: number;
  screens: ScreenSpec[];
  /** scene ids (data/scenes/<id>.json) the console offers, in order */
  scenes: string[];
  /** the rotation when no schedule applies */
  playlist: PlaylistItem[];
  schedule: ScheduledPlaylist[];
  alarms: AlarmRule[];
  /** the longest a scene change waits for the screens to prepare it: they switch together as soon as every screen
   *  of the wall online has it ready (maps drawn), or at this deadline; a rotation switch never comes before its time */
  switchLeadMs: number;
  /** a replay put on the wall from the console goes back to live by itself after this long without a replay command */
  replayIdleSeconds: number;
}

export const FOCUS_KINDS = ['municipality', 'incident', 'vehicle', 'site', 'appeal'] as const;
export type FocusKind = (typeof FOCUS_KINDS)[number];
export interface Focus {
  kind: FocusKind;
  id: string;
  /** what it is called on the wall, resolved by the server when the focus was set */
  label_ru: string;
  label_en: string;
  /** the spotlight's one line of facts (status, severity, fill): never a resident's data; empty in visitor mode */
  detail_ru: string;
  detail_en: string;
  lon: number;
  lat: number;
  zoom: number;
}

export interface Alarm { rule: AlarmRule['kind']; reason_ru: string; reason_en: string; since: number; until: number }

export const REPLAY_MIN_SPEED = 1;
export const REPLAY_MAX_SPEED = 3600;

/** The wall in the past, put there from the console for all its screens together. The moment shown is a function of
 *  the server's clock (replayMomentAt), so every screen shows the same moment at the same time. */
export interface WallReplay {
  /** the history moment (data clock, epoch ms) shown at anchorTime */
  anchorAt: number;
  /** server time (the host's real clock) from which the playhead moves on: a little ahead, so screens prepare it */
  anchorTime: number;
  /** history seconds per wall second; 0: the moment is held (a picked moment, or a paused window) */
  speed: number;
  /** the played window (its start and end); to: null for a picked moment */
  from: number;
  to: number | null;
  /** the speed a paused window resumes at */
  playSpeed: number;
  /** server time at which the wall goes back to live by itself, unless someone acts on the replay again */
  liveAt: number;
  /** who put the wall into replay */
  by: string;
}

/** The moment a replaying wall shows at server time t: held, or the playhead, never past the window's end. */
export function replayMomentAt(r: WallReplay, t: number): number {
  if (r.speed === 0) return r.anchorAt;
  const head = r.anchorAt + Math.max(0, t - r.anchorTime) * r.speed;
  return r.to === null ? head : Math.min(r.to, head);
}

export interface WallState {
  wall: string;
  /** changes with every change of this state; screens ignore an older one */
  version: number;
  scene: string;
  /** server time (epoch ms, the host's real clock) at which every screen shows `scene` */
  switchAt: number;
  rotation: {
    playing: boolean;
    /** which playlist is in force: 'default' or the index of a schedule entry */
    playlist: 'default' | number;
    index: number;
    /** server time of the next automatic switch, null while paused */
    nextAt: number | null;
  };
  focus: Focus | null;
  mode: WallMode;
  lang: WallLang;
  /** layer switches over the scene's own (true: shown, false: hidden) */
  layers: Partial<Record<MapLayer, boolean>>;
  banner: { text: string; until: number | null } | null;
  /** an alarm that took over the wall, and what it hands back to */
  alarm: (Alarm & { previous: { scene: string; playing: boolean } }) | null;
  /** the wall in the past for all its screens (POST /api/walls/<wall>/replay); null: live */
  replay: WallReplay | null;
}

/** What a screen gets when it joins its wall. */
export interface WallJoin {
  wall: WallConfig;
  screen: ScreenSpec | null;
  scenes: Record<string, Layout>;
  state: WallState;
}

export interface WallAction {
  id: number;
  wall: string;
  at: number;
  /** who: a user's name, "admin token", or "alarm"/"rotation" for the server itself */
  actor: string;
  role: Role | 'system';
  action: string;
  detail: Record<string, unknown>;
}

/** A screen as the console sees it. */
export interface ScreenInfo {
  id: string;
  name: string;
  wall: string;
  screen: string;
  pairedAt: number;
  pairedBy: string;
  lastSeenAt: number | null;
  online: boolean;
  revokedAt: number | null;
}

/** A connection showing a wall now (paired screen, trusted local browser or an operator's preview). */
export interface OnlineScreen { wall: string; screen: string | null; name: string; via: 'admin-token' | 'session' | 'screen' | 'loopback'; since: number; screenId: string | null }

export interface PendingPairing { code: string; createdAt: number; expiresAt: number; userAgent: string; address: string }

export const WALL_EVENTS = {
  /** client → server, with ack: { wall, screen } → WallJoin or { error } */
  join: 'wall:join',
  /** server → screens of a wall: the new WallState */
  state: 'wall:state',
  /** server → a screen whose token was revoked: drop to pairing at once */
  revoked: 'screen:revoked',
  /** client → server, with ack: the server's real clock (for scheduled switches) */
  time: 'time',
  /** server → a socket whose topics must be fetched anew (the wall's mode changed) */
  resubscribe: 'resubscribe',
  /** screen → server: { version } the scene announced by that state is prepared on this screen */
  ready: 'wall:ready',
  /** server → consoles: something changed (walls, screens, pairings, log) */
  consoleChanged: 'console:changed',
} as const;

/** Why a socket connection was refused: the screen shows the pairing page. */
export const UNPAIRED = 'unpaired';
