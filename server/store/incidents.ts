// SQL for incidents.
import type { Db } from './database';
import type { IncidentRecord } from '../domain/records';
import type { IncidentSeverity, IncidentStatus } from '../protocol/views';

interface IncidentRow {
  id: string; source: string; type: string; severity: string; status: string; municipality: string; lon: number; lat: number;
  area: string | null; title: string; description: string | null; reported_at: number; resolved_at: number | null; updated_at: number;
}

const fromRow = (r: IncidentRow): IncidentRecord => ({
  id: r.id, source: r.source, type: r.type, severity: r.severity as IncidentSeverity, status: r.status as IncidentStatus,
  municipality: r.municipality, lon: r.lon, lat: r.lat, area: r.area ? JSON.parse(r.area) : null, title: r.title,
  description: r.description, reportedAt: r.reported_at, resolvedAt: r.resolved_at, updatedAt: r.updated_at,
});

export function incidentStore(db: Db) {
  const get = db.prepare<[string], IncidentRow>('SELECT * FROM incidents WHERE id = ?');
  const put = db.prepare(`INSERT INTO incidents VALUES (@id, @source, @type, @severity, @status, @municipality, @lon, @lat,
    @area, @title, @description, @reportedAt, @resolvedAt, @updatedAt)
    ON CONFLICT (id) DO UPDATE SET source = excluded.source, type = excluded.type, severity = excluded.severity,
    status = excluded.status, municipality = excluded.municipality, lon = excluded.lon, lat = excluded.lat, area = excluded.area,
    title = excluded.title, description = excluded.description, reported_at = excluded.reported_at,
    resolved_at = excluded.resolved_at, updated_at = excluded.updated_at`);
  const live = db.prepare<[number], IncidentRow>(
    "SELECT * FROM incidents WHERE status = 'active' OR resolved_at >= ? ORDER BY reported_at, id");
  const list = db.prepare<[number, number, number], IncidentRow>(
    "SELECT * FROM incidents WHERE (status = 'active' OR resolved_at >= ?) AND reported_at >= ? ORDER BY reported_at DESC LIMIT ?");
  // active at t: reported by t and not resolved by t (a few thousand rows: a scan costs well under a millisecond)
  const activeBy = db.prepare<[{ t: number }], { type: string; severity: string; n: number }>(
    `SELECT type, severity, count(*) AS n FROM incidents WHERE reported_at <= @t AND (resolved_at IS NULL OR resolved_at > @t)
     GROUP BY type, severity`);
  const countIn = db.prepare<[number, number], { n: number }>('SELECT count(*) AS n FROM incidents WHERE reported_at >= ? AND reported_at <= ?');
  // the newest change known by t: an update, a report or a resolution (at a past moment, later updates are not known)
  const newest = db.prepare<[{ t: number }], { at: number | null }>(`SELECT max(x) AS at FROM (
    SELECT max(updated_at) AS x FROM incidents WHERE updated_at <= @t UNION ALL SELECT max(reported_at) FROM incidents WHERE reported_at <= @t
    UNION ALL SELECT max(resolved_at) FROM incidents WHERE resolved_at <= @t)`);
  const prune = db.prepare("DELETE FROM incidents WHERE status = 'resolved' AND resolved_at < ?");
  const reportedIn = db.prepare<[number, number], IncidentRow>('SELECT * FROM incidents WHERE reported_at >= ? AND reported_at <= ? ORDER BY reported_at, id');
  const resolvedIn = db.prepare<[number, number], IncidentRow>('SELECT * FROM incidents WHERE resolved_at >= ? AND resolved_at <= ? ORDER BY resolved_at, id');
  const knownAt = db.prepare<[{ t: number; since: number }], IncidentRow>(
    'SELECT * FROM incidents WHERE reported_at <= @t AND (resolved_at IS NULL OR resolved_at >= @since) ORDER BY reported_at, id');
  return {
    get: (id: string): IncidentRecord | null => { const r = get.get(id); return r ? fromRow(r) : null; },
    put: (r: IncidentRecord): void => { put.run({ ...r, area: r.area ? JSON.stringify(r.area) : null }); },
    /** active incidents and those resolved since `t` */
    live: (t: number): IncidentRecord[] => live.all(t).map(fromRow),
    reportedIn: (from: number, to: number): IncidentRecord[] => reportedIn.all(from, to).map(fromRow),
    resolvedIn: (from: number, to: number): IncidentRecord[] => resolvedIn.all(from, to).map(fromRow),
    /** reported by t and not resolved before `since`, as stored now (a past moment's caller rewinds their status) */
    knownAt: (t: number, since: number): IncidentRecord[] => knownAt.all({ t, since }).map(fromRow),
    list: (resolvedSince: number, reportedSince: number, limit: number) => list.all(resolvedSince, reportedSince, limit).map(fromRow),
    /** active at t, by type and severity */
    activeBy: (t: number) => activeBy.all({ t }),
    /** reported in [from, to] */
    countIn: (from: number, to: number) => countIn.get(from, to)?.n ?? 0,
    newestAt: (t: number) => newest.get({ t })?.at ?? null,
    prune: (before: number) => prune.run(before).changes,
  };
}
export type IncidentStore = ReturnType<typeof incidentStore>;
