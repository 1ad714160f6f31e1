// FIWARE waste entities → container sites on the wall. A WasteContainerIsle is a site; a WasteContainer belongs to the
// isle it names (refWasteContainerIsle) or is a site of its own; a WasteContainerModel gives containers their volume.
// A site shows its fullest container's level and its worst status (a burning bin makes the site burning). Every
// entity is kept as sent; re-sending one updates it. A refused entity refuses the whole request, naming its path.
import type { Ingest } from '../../ingest/pipeline';
import { IngestError } from '../../ingest/errors';
import type { ContainerIn } from '../../ingest/schemas';
import type { Store } from '../../store';
import type { Reference } from '../../reference/load';
import { parseTime, TIME_RANGE } from '../../domain/time';
import type { ContainerStatus } from '../../protocol/views';
import { statusForFill } from '../../ingest/normalize/containers';
import { LIMITS } from '../../ingest/limits';
import { FiwareRefused, flatten, pointOf, type FlatEntity } from './entities';

export const FIWARE_STATUSES = ['ok', 'lidOpen', 'dropped', 'moved', 'vandalized', 'burning', 'unknown'] as const;
/** Worst first: the status a site shows when its containers differ. */
const WORST_FIRST: ContainerStatus[] = ['burning', 'vandalized', 'dropped', 'moved', 'lidOpen', 'unknown'];

export interface WasteOutcome { created: string[]; updated: string[]; sites: number; outside: number }
export interface WasteDeps { ingest: Ingest; store: Store; reference: Reference; now: () => number }

interface SitePlan { id: string; path: string; lon?: number; lat?: number; operator?: string; at: number; servicedAt?: number; fromIsle: boolean }

export function createWasteReceiver({ ingest, store, reference, now }: WasteDeps) {
  const operatorByName = new Map<string, string>();
  for (const o of reference.operators) {
    for (const n of [o.id, o.name_ru, o.name_en, o.short_ru, o.short_en]) if (n) operatorByName.set(n.toLowerCase(), o.id);
  }

  const text = (e: FlatEntity, name: string): string | undefined => {
    const v = e.attrs[name];
    if (v === undefined || v === null) return undefined;
    if (typeof v !== 'string') throw new FiwareRefused(`${e.path}/${name}`, 'expected a string');
    return v;
  };
  const time = (e: FlatEntity, name: string): number | undefined => {
    const v = text(e, name);
    if (v === undefined) return undefined;
    const t = parseTime(v);
    if (t === null) throw new FiwareRefused(`${e.path}/${name}`, `"${v}" is not an ISO-8601 date-time with a zone ${TIME_RANGE}`);
    return t;
  };
  const operatorOf = (e: FlatEntity): string | undefined => {
    const name = text(e, 'responsible');
    if (name === undefined) return undefined;
    const id = operatorByName.get(name.trim().toLowerCase());
    if (!id) throw new FiwareRefused(`${e.path}/responsible`, `unknown operator "${name}"; known: ${reference.operators.map((o) => o.id).join(', ')}`);
    return id;
  };
  const ref = (e: FlatEntity, name: string): string | undefined => {
    const v = e.attrs[name];
    if (v === undefined || v === null) return undefined;
    const id = Array.isArray(v) ? v[0] : v;
    if (typeof id !== 'string' || !id) throw new FiwareRefused(`${e.path}/${name}`, 'expected an entity id');
    return id;
  };

  function apply(raw: readonly unknown[], source: string, base = 'entities'): WasteOutcome {
    if (raw.length > LIMITS.fiwareEntities) throw new FiwareRefused(base, `at most ${LIMITS.fiwareEntities} entities in one request, got ${raw.length}`);
    const entities = raw.map((r, i) => flatten(r, `${base}/${i}`));
    const t0 = now();
    const created: string[] = [], updated: string[] = [];
    const sites = new Map<string, SitePlan>();
    const plan = (id: string, path: string, fromIsle: boolean): SitePlan => {
      let s = sites.get(id);
      if (!s) { s = { id, path, at: 0, fromIsle }; sites.set(id, s); }
      return s;
    };
    const models = entities.filter((e) => e.type === 'WasteContainerModel');
    const isles = entities.filter((e) => e.type === 'WasteContainerIsle');
    const containers = entities.filter((e) => e.type === 'WasteContainer');

    // check everything before anything is written
    const modelRows = models.map((e) => {
      const litres = e.attrs['cargoVolume'];
      if (litres !== undefined && litres !== null && (typeof litres !== 'number' || !(litres > 0))) {
        throw new FiwareRefused(`${e.path}/cargoVolume`, 'expected a positive number of litres');
      }
      return { id: e.id, volume_m3: typeof litres === 'number' ? litres / 1000 : null, entity: JSON.stringify(e.attrs), updated_at: t0 };
    });
    for (const e of isles) {
      const s = plan(e.id, e.path, true);
      const p = pointOf(e.attrs['location'], `${e.path}/location`);
      if (p) Object.assign(s, p);
      s.operator = operatorOf(e) ?? s.operator;
      s.at = Math.max(s.at, time(e, 'dateObserved') ?? time(e, 'dateModified') ?? t0);
    }
    const containerRows = containers.map((e) => {
      const fill = e.attrs['fillingLevel'];
      if (fill !== undefined && fill !== null && (typeof fill !== 'number' || fill < 0 || fill > 1)) {
        throw new FiwareRefused(`${e.path}/fillingLevel`, `expected a fraction from 0 to 1, got ${JSON.stringify(fill)}`);
      }
      const status = text(e, 'status');
      if (status !== undefined && !(FIWARE_STATUSES as readonly string[]).includes(status)) {
        throw new FiwareRefused(`${e.path}/status`, `"${status}" is not one of ${FIWARE_STATUSES.join(', ')}`);
      }
      const existing = store.waste.container(e.id);
      // a partial update (no refWasteContainerIsle) keeps the container where it was
      const named = ref(e, 'refWasteContainerIsle');
      const isle = named ?? (existing && existing.site !== e.id ? existing.site : undefined);
      const site = plan(isle ?? e.id, e.path, isle !== undefined && sites.get(isle)?.fromIsle === true);
      const at = time(e, 'dateObserved') ?? time(e, 'dateModified') ?? t0;
      site.at = Math.max(site.at, at);
      const emptied = time(e, 'dateLastEmptying');
      if (emptied !== undefined) site.servicedAt = Math.max(site.servicedAt ?? 0, emptied);
      site.operator ??= operatorOf(e);
      // a container's own place: its site's, unless the isle is neither in this request nor known yet
      const p = pointOf(e.attrs['location'], `${e.path}/location`);
      if (p && site.lon === undefined && (!isle || !store.containers.get(isle))) Object.assign(site, p);
      (existing ? updated : created).push(e.id);
      return { id: e.id, site: site.id, model: ref(e, 'refWasteContainerModel') ?? existing?.model ?? null,
        fill: typeof fill === 'number' ? fill : existing?.fill ?? null, status: status ?? existing?.status ?? null,
        observed_at: at, entity: JSON.stringify(e.attrs) };
    });
    for (const e of [...models, ...isles]) ((e.type === 'WasteContainerModel' ? store.waste.model(e.id) : store.containers.get(e.id)) ? updated : created).push(e.id);
    for (const s of sites.values()) {
      if (s.lon === undefined && !store.containers.get(s.id)) {
        throw new FiwareRefused(`${s.path}/location`, `required: site "${s.id}" is new and no location is known for it`);
      }
    }

    let outside = 0;
    store.transaction(() => {
      for (const m of modelRows) store.waste.putModel(m);
      for (const c of containerRows) store.waste.putContainer(c);
      const items: ContainerIn[] = [...sites.values()].map((s) => siteItem(s));
      if (!items.length) return;
      try {
        outside = ingest.containers(items, source).outside ?? 0;
      } catch (e) {
        if (!(e instanceof IngestError)) throw e;
        const [, index, field] = e.field.split('/');
        const site = [...sites.values()][Number(index)];
        const attr = field === 'lon' || field === 'lat' ? 'location' : field === 'operator' ? 'responsible' : field === 'at' ? 'dateObserved' : field;
        throw new FiwareRefused(`${site?.path ?? base}/${attr}`, e.message.slice(e.field.length + 2));
      }
    });
    return { created, updated, sites: sites.size, outside };
  }

  /** What the wall shows for a site: its containers' fullest level and worst status, their count and volume. */
  function siteItem(s: SitePlan): ContainerIn {
    const rows = store.waste.containersOf(s.id);
    const fills = rows.map((r) => r.fill).filter((f): f is number => f !== null);
    const worst = WORST_FIRST.find((st) => rows.some((r) => r.status === st));
    const volumes = rows.map((r) => (r.model ? store.waste.model(r.model)?.volume_m3 ?? null : null));
    return {
      id: s.id, at: new Date(s.at || now()).toISOString(),
      ...(s.lon !== undefined && s.lat !== undefined ? { lon: s.lon, lat: s.lat } : {}),
      ...(s.operator ? { operator: s.operator } : {}),
      ...(rows.length ? { containers: Math.min(200, rows.length) } : {}),
      ...(fills.length ? { fill: Math.round(Math.max(...fills) * 1000) / 10 } : {}),
      // a site whose damaged container was put right shows its level's status again
      ...(worst ? { status: worst } : fills.length ? { status: statusForFill(Math.max(...fills) * 100) }
        : rows.some((r) => r.status === 'ok') ? { status: 'ok' as const } : {}),
      ...(volumes.length && volumes.every((v) => v !== null) ? { volumeM3: volumes.reduce((a, v) => a + v!, 0) } : {}),
      ...(s.servicedAt ? { servicedAt: new Date(s.servicedAt).toISOString() } : {}),
    };
  }

  return { apply };
}
export type WasteReceiver = ReturnType<typeof createWasteReceiver>;
