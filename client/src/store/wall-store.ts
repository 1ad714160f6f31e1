// The wall's one store (zustand): what React panels read. High-rate data (positions, container statuses, appeal
// points) lives in the buffers of client/src/live and reaches the map through subscriptions, never through here.
import { create } from 'zustand';
import type { Summary } from '../../../server/protocol/summary';
import type { IncidentView } from '../../../server/protocol/views';
import { DEFAULT_FRESHNESS, type Layout, type PanelStream, type Stream } from '../../../server/protocol/layout';
import type { Lang } from '../i18n/lang';
import type { ReferenceIndex } from './reference';

export type ConnectionState = 'connecting' | 'online' | 'offline';

export interface WallState {
  lang: Lang;
  layout: Layout | null;
  /** why the wall could not start (layout or reference did not load) */
  fatal: string | null;
  reference: ReferenceIndex | null;
  connection: ConnectionState;
  /** client time the connection was lost (null while online) */
  offlineSince: number | null;
  /** server clock minus this browser's clock, ms (from hello and every fleet frame) */
  clockOffset: number;
  /** this browser's clock, advanced once a second, so ages and staleness re-evaluate */
  now: number;
  summary: Summary | null;
  /** incidents of the last 24 h and the active ones, newest first */
  incidents: IncidentView[];
  /** server time of the newest update per stream */
  lastAt: Record<Stream, number | null>;
  freshness: Record<PanelStream, number>;
  /** the wall shows the past (client/src/replay): the moment shown, and the window played, if any */
  replay: { at: number; from: number; to: number | null; speed: number; playing: boolean;
    /** a window paused on `at` (from the console) */
    paused: boolean;
    /** this browser's clock when the wall goes back to live by itself (a replay from the console); null: never */
    liveAt: number | null } | null;
}

export const useWall = create<WallState>(() => ({
  lang: 'ru',
  layout: null,
  fatal: null,
  reference: null,
  connection: 'connecting',
  offlineSince: null,
  clockOffset: 0,
  now: Date.now(),
  summary: null,
  incidents: [],
  lastAt: { kpi: null, fleet: null, incidents: null, containers: null, appeals: null },
  freshness: { ...DEFAULT_FRESHNESS },
  replay: null,
}));

/** Marks a stream as heard from at a server time (never moves backwards). */
export function touchStream(stream: Stream, serverTime: number | null): void {
  if (serverTime === null) return;
  const prev = useWall.getState().lastAt[stream];
  if (prev !== null && prev >= serverTime) return;
  useWall.setState((s) => ({ lastAt: { ...s.lastAt, [stream]: serverTime } }));
}

/** The server's "now" as this browser sees it. */
export const serverNow = (s: Pick<WallState, 'now' | 'clockOffset'>): number => s.now + s.clockOffset;

/** Seconds since a stream was last heard of, or null when never. Quiet event streams (incidents, containers) are
 *  alive while the kpi heartbeat is: the same hub computes both. */
export function streamAge(s: WallState, stream: Stream): number | null {
  const own = s.lastAt[stream];
  const at = stream === 'incidents' || stream === 'containers' ? Math.max(own ?? 0, s.lastAt.kpi ?? 0) || null : own;
  return at === null ? null : Math.max(0, (serverNow(s) - at) / 1000);
}

/** A panel is stale when the connection is lost or any of its streams is silent beyond its rhythm. */
export function isStale(s: WallState, streams: readonly PanelStream[]): boolean {
  if (s.connection !== 'online') return true;
  return streams.some((st) => { const a = streamAge(s, st); return a === null || a > s.freshness[st]; });
}

/** The server time a panel's data is as of: the oldest of its streams. */
export function asOf(s: WallState, streams: readonly Stream[]): number | null {
  let oldest: number | null = null;
  for (const st of streams) {
    const a = streamAge(s, st);
    if (a === null) return null;
    const t = serverNow(s) - a * 1000;
    oldest = oldest === null ? t : Math.min(oldest, t);
  }
  return oldest;
}
