// Which playlist is in force at a local time of day, and the first switch of a playlist (pure functions).
import { localParts } from '../domain/time';
import type { PlaylistItem, WallConfig } from '../protocol/walls';

const minutes = (hhmm: string): number => { const [h, m] = hhmm.split(':').map(Number); return h! * 60 + m!; };

/** The schedule entry whose window holds this local time (windows may wrap past midnight), else 'default'. */
export function playlistInForce(wall: WallConfig, t: number, timezone: string): 'default' | number {
  const p = localParts(t, timezone);
  const now = p.hour * 60 + p.minute;
  const i = wall.schedule.findIndex((s) => {
    const from = minutes(s.from), to = minutes(s.to);
    return from < to ? now >= from && now < to : now >= from || now < to;
  });
  return i < 0 ? 'default' : i;
}

export function playlistOf(wall: WallConfig, which: 'default' | number): PlaylistItem[] {
  return which === 'default' ? wall.playlist : wall.schedule[which]?.playlist ?? wall.playlist;
}
