// SQL for items placed outside the republic (SITROOM_OUT_OF_REGION=flag): kept as normalised, keyed by kind and id.
import type { Db } from './database';

export interface OutsideRow { kind: string; id: string; at: number; lon: number; lat: number; item: string; source: string; received_at: number }

export function outsideRegionStore(db: Db) {
  const put = db.prepare(`INSERT INTO outside_region VALUES (@kind, @id, @at, @lon, @lat, @item, @source, @received_at)
    ON CONFLICT (kind, id) DO UPDATE SET at = excluded.at, lon = excluded.lon, lat = excluded.lat, item = excluded.item,
    source = excluded.source, received_at = excluded.received_at`);
  const recent = db.prepare<[number, number], OutsideRow>(
    'SELECT * FROM outside_region WHERE received_at >= ? ORDER BY received_at DESC, id LIMIT ?');
  const counts = db.prepare<[number, number], { kind: string; n: number }>(
    'SELECT kind, count(*) AS n FROM outside_region WHERE received_at >= ? AND received_at <= ? GROUP BY kind');
  const get = db.prepare<[string, string], OutsideRow>('SELECT * FROM outside_region WHERE kind = ? AND id = ?');
  const prune = db.prepare('DELETE FROM outside_region WHERE received_at < ?');
  return {
    /** returns true when the item is new */
    put: (row: OutsideRow): boolean => { const had = get.get(row.kind, row.id) !== undefined; put.run(row); return !had; },
    get: (kind: string, id: string) => get.get(kind, id) ?? null,
    recent: (since: number, limit: number) => recent.all(since, limit),
    counts: (since: number, until: number): Record<string, number> => Object.fromEntries(counts.all(since, until).map((r) => [r.kind, r.n])),
    prune: (before: number) => prune.run(before).changes,
  };
}
export type OutsideRegionStore = ReturnType<typeof outsideRegionStore>;
