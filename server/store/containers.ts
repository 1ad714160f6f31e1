// SQL for container sites (current state) and their status changes and services (history).
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
  const count = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM container_sites');
  const prune = db.prepare('DELETE FROM container_events WHERE at < ?');
  return {
    get: (id: string): ContainerSiteRecord | null => { const r = get.get(id); return r ? fromRow(r) : null; },
    all: (): ContainerSiteRecord[] => all.all().map(fromRow),
    put: (s: ContainerSiteRecord): void => { put.run(s); },
    addEvent: (site: string, at: number, kind: 'status' | 'serviced' | 'registered', status: ContainerStatus, fill: number): void => {
      addEvent.run(site, at, kind, status, fill);
    },
    count: () => count.get()?.n ?? 0,
    prune: (before: number) => prune.run(before).changes,
  };
}
export type ContainerStore = ReturnType<typeof containerStore>;
