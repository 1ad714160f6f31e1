// SQL for container sites (current state) and their status changes and services (history).
import { siteCheckpointStore } from './site-checkpoints';
import type { Db } from './database';
import type { ContainerSiteRecord } from '../domain/records';
import type { ContainerStatus } from '../protocol/views';

interface SiteRow {
  id: string; operator: string; municipality: string; lon: number; lat: number; containers: number; volume_m3: number;
  fill: number; status: string; serviced_at: number | null; updated_at: number;
}

const fromRow = (r: SiteRow): ContainerSiteRecord => ({
  id: r.id, operator: r.operator, municipality: r.municipality, lon: r.lon, lat: r.lat, containers: r.containers,
  volumeM3: r.volume_m3, fill: r.fill, status: r.status as ContainerStatus, servicedAt: r.serviced_at, updatedAt: r.updated_at,
});

export function containerStore(db: Db) {
  const get = db.prepare<[string], SiteRow>('SELECT * FROM container_sites WHERE id = ?');
  const all = db.prepare<[], SiteRow>('SELECT * FROM container_sites ORDER BY rowid');
  const put = db.prepare(`INSERT INTO container_sites VALUES (@id, @operator, @municipality, @lon, @lat, @containers, @volumeM3,
    @fill, @status, @servicedAt, @updatedAt) ON CONFLICT (id) DO UPDATE SET operator = excluded.operator,
    municipality = excluded.municipality, lon = excluded.lon, lat = excluded.lat, containers = excluded.containers,
    volume_m3 = excluded.volume_m3, fill = excluded.fill, status = excluded.status, serviced_at = excluded.serviced_at,
    updated_at = excluded.updated_at`);
  const addEvent = db.prepare('INSERT INTO container_events VALUES (?, ?, ?, ?, ?)');
  const checkpoints = siteCheckpointStore(db);
  const allWithRowid = db.prepare<[], SiteRow & { r: number }>('SELECT rowid AS r, * FROM container_sites ORDER BY rowid');
  const count = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM container_sites');
  const prune = db.prepare('DELETE FROM container_events WHERE at < ?');
  const registeredBy = db.prepare<[number], { n: number }>("SELECT count(*) AS n FROM container_events WHERE kind = 'registered' AND at < ?");
  // each service in a range with the site's service before it (the (site, at) index: a seek per service)
  const servicesIn = db.prepare<[number, number], { at: number; previous: number | null }>(
    `SELECT e.at, (SELECT max(p.at) FROM container_events p WHERE p.site = e.site AND p.kind = 'serviced' AND p.at < e.at) AS previous
     FROM container_events e WHERE e.kind = 'serviced' AND e.at >= ? AND e.at < ?`);
  // every site registered by t, with its status and fill as of its newest event by t and its newest service by t: a few
  // seeks on (site, at) per site, inside one statement (a service reported with the registration is dated before it:
  // the site is known from its registration on)
  const sitesAt = db.prepare<[{ t: number }], SiteRow & { status_at: string; fill_at: number; serviced_at_t: number | null }>(
    `SELECT s.*, e.status AS status_at, e.fill AS fill_at,
       (SELECT max(at) FROM container_events WHERE site = s.id AND kind = 'serviced' AND at <= @t) AS serviced_at_t
     FROM container_sites s JOIN container_events e ON e.rowid = (SELECT rowid FROM container_events WHERE site = s.id AND at <= @t ORDER BY at DESC, rowid DESC LIMIT 1)
     WHERE EXISTS (SELECT 1 FROM container_events WHERE site = s.id AND kind = 'registered' AND at <= @t)
     ORDER BY s.rowid`);
  // the sites that turned overflowing in a window, each at its first such change, with where it is
  const wentOverflowing = db.prepare<[number, number], { id: string; at: number; municipality: string; operator: string }>(
    `SELECT e.site AS id, min(e.at) AS at, s.municipality, s.operator FROM container_events e JOIN container_sites s ON s.id = e.site
     WHERE e.at >= ? AND e.at <= ? AND e.status = 'overflowing' AND e.kind = 'status' GROUP BY e.site ORDER BY at`);
  const newestEvent = db.prepare<[number], { at: number | null }>('SELECT max(at) AS at FROM container_events WHERE at <= ?');
  return {
    /** the sites as they stood at t (those registered by then) */
    sitesAt: (t: number): ContainerSiteRecord[] => sitesAt.all({ t }).map((r) =>
      ({ ...fromRow(r), status: r.status_at as ContainerStatus, fill: r.fill_at, servicedAt: r.serviced_at_t, updatedAt: t })),
    checkpoints,
    wentOverflowing: (from: number, to: number) => wentOverflowing.all(from, to),
    /** every site as stored now, with its rowid (a checkpoint's key) */
    allWithRowid: (): { r: number; record: ContainerSiteRecord }[] => allWithRowid.all().map((row) => ({ r: row.r, record: fromRow(row) })),
    /** the newest status change or service by t */
    newestEventAt: (t: number): number | null => newestEvent.get(t)?.at ?? null,
    get: (id: string): ContainerSiteRecord | null => { const r = get.get(id); return r ? fromRow(r) : null; },
    all: (): ContainerSiteRecord[] => all.all().map(fromRow),
    put: (s: ContainerSiteRecord): void => { put.run(s); },
    addEvent: (site: string, at: number, kind: 'status' | 'serviced' | 'registered', status: ContainerStatus, fill: number): void => {
      addEvent.run(site, at, kind, status, fill);
      checkpoints.eventStored(at);
    },
    count: () => count.get()?.n ?? 0,
    /** events before `before` go; so do the checkpoints before the last one at or before it (that one still tells
     *  the state the events after it start from) */
    /** sites registered before t (migration 14's partial index) */
    registeredBy: (t: number): number => registeredBy.get(t)?.n ?? 0,
    servicesIn: (from: number, to: number) => servicesIn.all(from, to),
    prune(before: number): number {
      const keep = checkpoints.latestAtBefore(before);
      if (keep !== null) checkpoints.prune(keep);
      return prune.run(before).changes;
    },
  };
}
export type ContainerStore = ReturnType<typeof containerStore>;
