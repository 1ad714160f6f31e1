// SQL for the walls' state (one JSON row per wall) and the log of every action on a wall.
import type { Db } from './database';
import type { Role, WallAction, WallState } from '../protocol/walls';

interface ActionRow { id: number; wall: string; at: number; actor: string; role: string; action: string; detail: string }

export function wallStore(db: Db) {
  const get = db.prepare<[string], { state: string }>('SELECT state FROM wall_state WHERE wall = ?');
  const put = db.prepare('INSERT INTO wall_state VALUES (?, ?, ?) ON CONFLICT (wall) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at');
  const log = db.prepare('INSERT INTO wall_actions (wall, at, actor, role, action, detail) VALUES (?, ?, ?, ?, ?, ?)');
  const recent = db.prepare<[string, number], ActionRow>('SELECT * FROM wall_actions WHERE wall = ? ORDER BY id DESC LIMIT ?');
  const alarms = db.prepare<[number, number], { wall: string; at: number; detail: string }>(
    "SELECT wall, at, detail FROM wall_actions WHERE action = 'alarm.start' AND at >= ? AND at <= ? ORDER BY id");
  const recentAll = db.prepare<[number], ActionRow>('SELECT * FROM wall_actions ORDER BY id DESC LIMIT ?');
  const toAction = (r: ActionRow): WallAction => ({ ...r, role: r.role as Role | 'system', detail: JSON.parse(r.detail) as Record<string, unknown> });
  return {
    /** the alarms that took over a wall in a window (the log's wall clock) */
    alarmsIn: (from: number, to: number) => alarms.all(from, to).map((a) => ({ wall: a.wall, at: a.at, ...(JSON.parse(a.detail) as Record<string, unknown>) })),
    state: (wall: string): WallState | null => { const r = get.get(wall); return r ? JSON.parse(r.state) as WallState : null; },
    save: (s: WallState, at: number): void => { put.run(s.wall, JSON.stringify(s), at); },
    log(a: Omit<WallAction, 'id'>): WallAction {
      const id = Number(log.run(a.wall, a.at, a.actor, a.role, a.action, JSON.stringify(a.detail)).lastInsertRowid);
      return { ...a, id };
    },
    actions: (wall: string | null, limit: number): WallAction[] => (wall ? recent.all(wall, limit) : recentAll.all(limit)).map(toAction),
  };
}
export type WallStore = ReturnType<typeof wallStore>;
