// Loads and checks the walls (data/walls/*.json) and the scenes they show (data/scenes/*.json): screens inside the
// wall's canvas and not overlapping, every scene named exists, playlists and schedules readable. A broken file stops
// the start with the file and the JSON path.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { Type } from '@sinclair/typebox';
import type { Layout } from '../protocol/layout';
import type { WallConfig } from '../protocol/walls';
import { ReferenceError, readChecked } from './load';
import { loadLayoutDir } from './layouts';

const Id = Type.String({ pattern: '^[a-z0-9][a-z0-9-]*$', maxLength: 40 });
const Px = Type.Integer({ minimum: 0, maximum: 100_000 });
const Size = Type.Integer({ minimum: 100, maximum: 100_000 });
const HHMM = Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$' });
const Playlist = Type.Array(Type.Object({ scene: Id, seconds: Type.Integer({ minimum: 5, maximum: 86_400 }) },
  { additionalProperties: false }), { minItems: 1 });
const Hold = Type.Integer({ minimum: 10, maximum: 86_400 });

export const WallFile = Type.Object({
  $comment: Type.Optional(Type.String()),
  id: Id,
  name_ru: Type.String({ minLength: 1 }),
  name_en: Type.String({ minLength: 1 }),
  width: Size,
  height: Size,
  screens: Type.Array(Type.Object({
    id: Id, name_ru: Type.String({ minLength: 1 }), name_en: Type.String({ minLength: 1 }),
    x: Px, y: Px, width: Size, height: Size,
    display: Type.Optional(Type.Object({ x: Type.Integer(), y: Type.Integer() }, { additionalProperties: false })),
  }, { additionalProperties: false }), { minItems: 1, maxItems: 64 }),
  scenes: Type.Array(Id, { minItems: 1 }),
  playlist: Playlist,
  schedule: Type.Optional(Type.Array(Type.Object({ from: HHMM, to: HHMM, playlist: Playlist }, { additionalProperties: false }))),
  alarms: Type.Optional(Type.Array(Type.Union([
    Type.Object({ kind: Type.Literal('incident'), severities: Type.Array(Type.Union([Type.Literal('moderate'), Type.Literal('severe'),
      Type.Literal('extreme')]), { minItems: 1 }), scene: Id, holdSeconds: Hold }, { additionalProperties: false }),
    Type.Object({ kind: Type.Literal('appeals-spike'), windowMinutes: Type.Integer({ minimum: 5, maximum: 240 }),
      factor: Type.Number({ minimum: 1 }), minimum: Type.Integer({ minimum: 1 }), scene: Id, holdSeconds: Hold }, { additionalProperties: false }),
  ]))),
  switchLeadMs: Type.Optional(Type.Integer({ minimum: 500, maximum: 60_000 })),
  replayIdleSeconds: Type.Optional(Type.Integer({ minimum: 1, maximum: 86_400 })),
}, { additionalProperties: false });

export const DEFAULT_WALL = 'main';
/** a replay nobody touches for 15 minutes ends: the wall is live again before anyone forgets it is not */
export const DEFAULT_REPLAY_IDLE_SECONDS = 900;

export interface Walls { walls: Map<string, WallConfig>; scenes: Map<string, Layout> }

export function loadWalls(dataDir: string): Walls {
  const scenes = loadLayoutDir(path.join(dataDir, 'scenes'), 'the scenes walls show');
  const dir = path.join(dataDir, 'walls');
  if (!existsSync(dir)) throw new ReferenceError(dir, '', 'folder not found (the walls live here)');
  const walls = new Map<string, WallConfig>();
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
    const file = path.join(dir, name);
    const w = readChecked(file, WallFile) as Omit<WallConfig, 'schedule' | 'alarms' | 'switchLeadMs' | 'replayIdleSeconds'> & Partial<WallConfig>;
    if (`${w.id}.json` !== name) throw new ReferenceError(file, '/id', `id "${w.id}" must match the file name`);
    const ids = new Set<string>();
    w.screens.forEach((s, i) => {
      if (ids.has(s.id)) throw new ReferenceError(file, `/screens/${i}/id`, `screen "${s.id}" is listed twice`);
      ids.add(s.id);
      if (s.x + s.width > w.width || s.y + s.height > w.height) {
        throw new ReferenceError(file, `/screens/${i}`, `screen "${s.id}" leaves the wall's ${w.width}×${w.height} canvas`);
      }
      w.screens.slice(0, i).forEach((o) => {
        if (s.x < o.x + o.width && o.x < s.x + s.width && s.y < o.y + o.height && o.y < s.y + s.height) {
          throw new ReferenceError(file, `/screens/${i}`, `screen "${s.id}" overlaps screen "${o.id}"`);
        }
      });
    });
    const known = (scene: string, at: string) => {
      if (!scenes.has(scene)) throw new ReferenceError(file, at, `no scene "${scene}" in data/scenes; known: ${[...scenes.keys()].join(', ')}`);
    };
    w.scenes.forEach((s, i) => known(s, `/scenes/${i}`));
    const offered = (scene: string, at: string) => {
      known(scene, at);
      if (!w.scenes.includes(scene)) throw new ReferenceError(file, at, `scene "${scene}" is not in this wall's scenes`);
    };
    w.playlist.forEach((p, i) => offered(p.scene, `/playlist/${i}/scene`));
    (w.schedule ?? []).forEach((s, i) => {
      if (s.from === s.to) throw new ReferenceError(file, `/schedule/${i}/to`, 'must differ from "from"');
      s.playlist.forEach((p, j) => offered(p.scene, `/schedule/${i}/playlist/${j}/scene`));
    });
    (w.alarms ?? []).forEach((a, i) => offered(a.scene, `/alarms/${i}/scene`));
    walls.set(w.id, { ...w, schedule: w.schedule ?? [], alarms: w.alarms ?? [], switchLeadMs: w.switchLeadMs ?? 8000,
      replayIdleSeconds: w.replayIdleSeconds ?? DEFAULT_REPLAY_IDLE_SECONDS });
  }
  if (!walls.has(DEFAULT_WALL)) throw new ReferenceError(path.join(dir, `${DEFAULT_WALL}.json`), '', 'file not found (the default wall)');
  return { walls, scenes };
}
