// SQL for FIWARE waste entities: containers (each belongs to a site: its WasteContainerIsle, or itself) and models.
import type { Db } from './database';

export interface WasteContainerRow {
  id: string; site: string; model: string | null; fill: number | null; status: string | null; observed_at: number; entity: string;
}
export interface WasteModelRow { id: string; volume_m3: number | null; entity: string; updated_at: number }

export function wasteStore(db: Db) {
  const putContainer = db.prepare(`INSERT INTO waste_containers VALUES (@id, @site, @model, @fill, @status, @observed_at, @entity)
    ON CONFLICT (id) DO UPDATE SET site = excluded.site, model = excluded.model, fill = excluded.fill, status = excluded.status,
    observed_at = excluded.observed_at, entity = excluded.entity`);
  const getContainer = db.prepare<[string], WasteContainerRow>('SELECT * FROM waste_containers WHERE id = ?');
  const ofSite = db.prepare<[string], WasteContainerRow>('SELECT * FROM waste_containers WHERE site = ? ORDER BY id');
  const putModel = db.prepare(`INSERT INTO waste_models VALUES (@id, @volume_m3, @entity, @updated_at)
    ON CONFLICT (id) DO UPDATE SET volume_m3 = excluded.volume_m3, entity = excluded.entity, updated_at = excluded.updated_at`);
  const getModel = db.prepare<[string], WasteModelRow>('SELECT * FROM waste_models WHERE id = ?');
  return {
    putContainer: (r: WasteContainerRow) => { putContainer.run(r); },
    container: (id: string) => getContainer.get(id) ?? null,
    containersOf: (site: string) => ofSite.all(site),
    putModel: (r: WasteModelRow) => { putModel.run(r); },
    model: (id: string) => getModel.get(id) ?? null,
  };
}
export type WasteStore = ReturnType<typeof wasteStore>;
