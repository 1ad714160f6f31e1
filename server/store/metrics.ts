// SQL for named metrics (time series samples) and the meta key-value table.
import type { Db } from './database';
import type { MetricRecord } from '../domain/records';

export interface MetricDef {
  name: string; unit: string | null; title_ru: string | null; title_en: string | null; warn: number | null; critical: number | null;
  direction: 'above' | 'below' | null; source: string; updated_at: number;
}

export function metricStore(db: Db) {
  const add = db.prepare(`INSERT INTO metrics VALUES (@name, @at, @value, @municipality, @labels, @key, @source)
    ON CONFLICT (key) WHERE key IS NOT NULL DO NOTHING`);
  const samples = db.prepare<[string, number, number], { at: number; value: number; labels: string | null; municipality: string | null }>(
    'SELECT at, value, labels, municipality FROM metrics WHERE name = ? AND at >= ? AND at < ? ORDER BY at');
  const stats = db.prepare<[string, number, number], { n: number; sum: number | null; avg: number | null; newest: number | null }>(
    'SELECT count(*) AS n, sum(value) AS sum, avg(value) AS avg, max(at) AS newest FROM metrics WHERE name = ? AND at >= ? AND at < ?');
  const latest = db.prepare<[string], { at: number; value: number } | undefined>(
    'SELECT at, value FROM metrics WHERE name = ? ORDER BY at DESC LIMIT 1');
  const names = db.prepare<[], { name: string; n: number; newest: number }>(
    'SELECT name, count(*) AS n, max(at) AS newest FROM metrics GROUP BY name ORDER BY name');
  const prune = db.prepare('DELETE FROM metrics WHERE at < ?');
  // a description field a sample leaves out keeps what an earlier sample said
  const define = db.prepare(`INSERT INTO metric_defs VALUES (@name, @unit, @title_ru, @title_en, @warn, @critical, @direction,
    @source, @updated_at) ON CONFLICT (name) DO UPDATE SET unit = coalesce(excluded.unit, unit),
    title_ru = coalesce(excluded.title_ru, title_ru), title_en = coalesce(excluded.title_en, title_en),
    warn = coalesce(excluded.warn, warn), critical = coalesce(excluded.critical, critical),
    direction = coalesce(excluded.direction, direction), source = excluded.source, updated_at = excluded.updated_at`);
  const defs = db.prepare<[], MetricDef>('SELECT * FROM metric_defs ORDER BY name');
  const before = db.prepare<[string, number], { at: number; value: number } | undefined>(
    'SELECT at, value FROM metrics WHERE name = ? AND at <= ? ORDER BY at DESC LIMIT 1');
  const getMeta = db.prepare<[string], { value: string }>('SELECT value FROM meta WHERE key = ?');
  const oldest = db.prepare<[string], { at: number | null }>('SELECT min(at) AS at FROM metrics WHERE name = ?');
  const setMeta = db.prepare('INSERT INTO meta VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
  return {
    /** returns false when a sample with the same key was already stored */
    add: (m: MetricRecord): boolean =>
      add.run({ ...m, labels: m.labels ? JSON.stringify(m.labels) : null }).changes === 1,
    samples: (name: string, from: number, to: number) =>
      samples.all(name, from, to).map((r) => ({ ...r, labels: r.labels ? (JSON.parse(r.labels) as Record<string, string>) : null })),
    stats: (name: string, from: number, to: number) => stats.get(name, from, to) ?? { n: 0, sum: null, avg: null, newest: null },
    latest: (name: string) => latest.get(name) ?? null,
    names: () => names.all(),
    prune: (before: number) => prune.run(before).changes,
    define: (d: MetricDef): void => { define.run(d); },
    defs: (): MetricDef[] => defs.all(),
    /** the newest sample at or before a time */
    latestAt: (name: string, t: number) => before.get(name, t) ?? null,
    /** the first sample of a metric kept */
    oldestAt: (name: string): number | null => oldest.get(name)?.at ?? null,
    getMeta: (key: string): string | null => getMeta.get(key)?.value ?? null,
    setMeta: (key: string, value: string): void => { setMeta.run(key, value); },
  };
}
export type MetricStore = ReturnType<typeof metricStore>;
