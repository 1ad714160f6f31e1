// What the simulator's plan of the republic is made from (the seed, the boundaries its points are drawn in, the time
// zone its days follow, the reference data's volumes, deadlines and populations, SITROOM_DEADLINES included), remembered in the database. Started on a database made with other values, the simulator does
// not rewrite the stored past: it opens a new generation whose ids cannot meet the old ones, plans only from where the
// last run stopped, and says what changed. Fleet size and site count need no generation: vehicles and sites keep
// their ids, and stored sites keep their places.
import { createHash } from 'node:crypto';
import type { Reference } from '../reference/load';
import type { Store } from '../store';

export interface PlanSettings { seed: number; timezone: string; boundaries: string; reference: string }

const SETTINGS = 'sim.settings';
const GENERATION = 'sim.generation';

export function planSettings(seed: number, timezone: string, reference: Reference): PlanSettings {
  const areas = [...reference.geo.areas.entries()].map(([id, a]) => [id, a.bbox.minX, a.bbox.minY, a.bbox.maxX, a.bbox.maxY]);
  const hash = (v: unknown) => createHash('sha256').update(JSON.stringify(v)).digest('hex').slice(0, 12);
  // what of data/ shapes the plan: volumes, deadlines, schedules, topics and their seasons, populations, substations
  const shaping = {
    channels: reference.channels.map((c) => [c.id, c.dailyVolume, c.deadlineHours, c.ceilingHours, c.municipalities ?? null, c.schedule ?? null]),
    categories: reference.categories.map((c) => [c.id, c.share, c.season, c.deadlineHours ?? null]),
    municipalities: reference.municipalities.map((m) => [m.id, m.population_estimate]),
    substations: reference.substations.map((s) => [s.id, s.share]),
  };
  return { seed, timezone, boundaries: `${reference.geo.approximate ? 'approximate' : 'real'}:${hash(areas)}`, reference: hash(shaping) };
}

/** The generation to plan in, and what changed since the database's last one (empty when nothing did). A database
 *  from before the settings were remembered is taken to have been made with today's. */
export function planGeneration(store: Store, now: PlanSettings): { generation: number; changed: string[] } {
  const raw = store.metrics.getMeta(SETTINGS);
  const generation = Number(store.metrics.getMeta(GENERATION) ?? 0);
  const before = raw ? (JSON.parse(raw) as PlanSettings) : null;
  const changed = before ? (Object.keys(now) as (keyof PlanSettings)[]).filter((k) => before[k] !== now[k])
    .map((k) => `${k} ${String(before[k])} → ${String(now[k])}`) : [];
  const next = changed.length ? generation + 1 : generation;
  store.metrics.setMeta(SETTINGS, JSON.stringify(now));
  store.metrics.setMeta(GENERATION, String(next));
  return { generation: next, changed };
}

/** The id tag of a generation: nothing for the first (ids stay what they were), `g2-` and so on after. */
export const generationTag = (generation: number): string => (generation === 0 ? '' : `g${generation + 1}-`);
