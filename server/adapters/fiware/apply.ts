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

/** An entity a partial request left out (NGSI-LD batches and notifications keep the others). */
export interface EntityError { entityId: string | null; field: string; message: string }
export interface WasteOutcome { created: string[]; updated: string[]; sites: number; outside: number; errors: EntityError[] }
interface Plan {
  modelRows: { id: string; volume_m3: number | null; entity: string; updated_at: number }[];
  containerRows: Parameters<Store['waste']['putContainer']>[0][];
  sites: Map<string, SitePlan>; created: string[]; updated: string[];
}
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
  /** A status term, or a list of them (an NGSI-LD ListProperty): the worst of the list is the container's. */
  const statusOf = (e: FlatEntity): ContainerStatus | undefined => {
    const v = e.attrs['status'];
    if (v === undefined || v === null) return undefined;
    const terms = Array.isArray(v) ? v : [v];
    for (const term of terms) {
      if (typeof term !== 'string' || !(FIWARE_STATUSES as readonly string[]).includes(term)) {
        throw new FiwareRefused(`${e.path}/status`, `${JSON.stringify(term).slice(0, 60)} is not one of ${FIWARE_STATUSES.join(', ')}`);
      }
    }
    return (WORST_FIRST.find((st) => terms.includes(st)) ?? terms[0]) as ContainerStatus | undefined;
  };
  /** when the entity's readings were taken: NGSI-LD observedAt, else dateObserved, else dateModified, else now */
  const observed = (e: FlatEntity, t0: number): number => e.observedAt ?? time(e, 'dateObserved') ?? time(e, 'dateModified') ?? t0;
  const ref = (e: FlatEntity, name: string): string | undefined => {
    const v = e.attrs[name];
    if (v === undefined || v === null) return undefined;
    const id = Array.isArray(v) ? v[0] : v;
    if (typeof id !== 'string' || !id) throw new FiwareRefused(`${e.path}/${name}`, 'expected an entity id');
    return id;
  };

  /** Checks entities and works out what they change, writing nothing; checkSites: a new site needs a known place. */
  function planOf(entities: readonly FlatEntity[], checkSites: boolean): Plan {
    const t0 = now();
    const p: Plan = { modelRows: [], containerRows: [], sites: new Map(), created: [], updated: [] };
    const site = (id: string, path: string, fromIsle: boolean): SitePlan => {
      let s = p.sites.get(id);
      if (!s) { s = { id, path, at: 0, fromIsle }; p.sites.set(id, s); }
      return s;
    };
    for (const e of entities) if (e.type === 'WasteContainerModel') p.modelRows.push(modelRow(e, t0));
    for (const e of entities) if (e.type === 'WasteContainerIsle') planIsle(e, site(e.id, e.path, true), t0);
    for (const e of entities) if (e.type === 'WasteContainer') p.containerRows.push(containerRow(e, p, site, t0));
    for (const e of entities) {
      if (e.type === 'WasteContainer') continue;
      ((e.type === 'WasteContainerModel' ? store.waste.model(e.id) : store.containers.get(e.id)) ? p.updated : p.created).push(e.id);
    }
    if (checkSites) for (const s of p.sites.values()) {
      if (s.lon === undefined && !store.containers.get(s.id)) {
        throw new FiwareRefused(`${s.path}/location`, `required: site "${s.id}" is new and no location is known for it`);
      }
    }
    return p;
  }

  function modelRow(e: FlatEntity, t0: number): Plan['modelRows'][number] {
    const litres = e.attrs['cargoVolume'];
    if (litres !== undefined && litres !== null && (typeof litres !== 'number' || !(litres > 0))) {
      throw new FiwareRefused(`${e.path}/cargoVolume`, 'expected a positive number of litres');
    }
    return { id: e.id, volume_m3: typeof litres === 'number' ? litres / 1000 : null, entity: JSON.stringify(e.attrs), updated_at: t0 };
  }

  function planIsle(e: FlatEntity, s: SitePlan, t0: number): void {
    const p = pointOf(e.attrs['location'], `${e.path}/location`);
    if (p) Object.assign(s, p);
    s.operator = operatorOf(e) ?? s.operator;
    s.at = Math.max(s.at, observed(e, t0));
  }

  function containerRow(e: FlatEntity, p: Plan, site: (id: string, path: string, fromIsle: boolean) => SitePlan, t0: number) {
    const fill = e.attrs['fillingLevel'];
    if (fill !== undefined && fill !== null && (typeof fill !== 'number' || fill < 0 || fill > 1)) {
      throw new FiwareRefused(`${e.path}/fillingLevel`, `expected a fraction from 0 to 1 (or percent with unitCode P1), got ${JSON.stringify(fill)}`);
    }
    const status = statusOf(e);
    const existing = store.waste.container(e.id);
    // a partial update (no refWasteContainerIsle) keeps the container where it was
    const isle = ref(e, 'refWasteContainerIsle') ?? (existing && existing.site !== e.id ? existing.site : undefined);
    const s = site(isle ?? e.id, e.path, isle !== undefined && p.sites.get(isle)?.fromIsle === true);
    const at = observed(e, t0);
    s.at = Math.max(s.at, at);
    const emptied = time(e, 'dateLastEmptying');
    if (emptied !== undefined) s.servicedAt = Math.max(s.servicedAt ?? 0, emptied);
    s.operator ??= operatorOf(e);
    // a container's own place: its site's, unless the isle is neither in this request nor known yet
    const point = pointOf(e.attrs['location'], `${e.path}/location`);
    if (point && s.lon === undefined && (!isle || !store.containers.get(isle))) Object.assign(s, point);
    (existing ? p.updated : p.created).push(e.id);
    return { id: e.id, site: s.id, model: ref(e, 'refWasteContainerModel') ?? existing?.model ?? null,
      fill: typeof fill === 'number' ? fill : existing?.fill ?? null, status: status ?? existing?.status ?? null,
      observed_at: at, entity: JSON.stringify(e.attrs) };
  }

  /** Writes a plan in one transaction; an item the pipeline refuses is named by the entity's path and attribute. */
  function commit(p: Plan, source: string, base: string): number {
    let outside = 0;
    store.transaction(() => {
      for (const m of p.modelRows) store.waste.putModel(m);
      for (const c of p.containerRows) store.waste.putContainer(c);
      const items: ContainerIn[] = [...p.sites.values()].map((s) => siteItem(s));
      if (!items.length) return;
      try {
        outside = ingest.containers(items, source).outside ?? 0;
      } catch (e) {
        if (!(e instanceof IngestError)) throw e;
        const [, index, field] = e.field.split('/');
        const site = [...p.sites.values()][Number(index)];
        const attr = field === 'lon' || field === 'lat' ? 'location' : field === 'operator' ? 'responsible' : field === 'at' ? 'dateObserved' : field;
        throw new FiwareRefused(`${site?.path ?? base}/${attr}`, e.message.slice(e.field.length + 2));
      }
    });
    return outside;
  }

  const tooMany = (raw: readonly unknown[], base: string) => {
    if (raw.length > LIMITS.fiwareEntities) throw new FiwareRefused(base, `at most ${LIMITS.fiwareEntities} entities in one request, got ${raw.length}`);
  };

  /** All or nothing (NGSI-v2 batch update): the first refused entity refuses the request and nothing is stored. */
  function apply(raw: readonly unknown[], source: string, base = 'entities'): WasteOutcome {
    tooMany(raw, base);
    const p = planOf(raw.map((r, i) => flatten(r, `${base}/${i}`)), true);
    const outside = commit(p, source, base);
    return { created: p.created, updated: p.updated, sites: p.sites.size, outside, errors: [] };
  }

  /** Entity by entity (NGSI-LD batches, broker notifications): a refused entity is reported and the others are kept. */
  function applyEach(raw: readonly unknown[], source: string, base: string): WasteOutcome {
    tooMany(raw, base);
    const errors: (EntityError & { index: number })[] = [];
    const refuse = (index: number, e: FiwareRefused) => {
      const id = (raw[index] as { id?: unknown } | null)?.id;
      errors.push({ index, entityId: typeof id === 'string' ? id : null, field: e.field, message: e.message });
    };
    let good: FlatEntity[] = [];
    raw.forEach((r, i) => {
      try { const e = flatten(r, `${base}/${i}`); planOf([e], false); good.push(e); } catch (e) {
        if (!(e instanceof FiwareRefused)) throw e;
        refuse(i, e);
      }
    });
    // what only the whole batch can tell (a new site with no place, an item the pipeline refuses): leave that entity
    // out and try again; each round leaves one out, so this ends
    for (;;) {
      if (!good.length) return { created: [], updated: [], sites: 0, outside: 0, errors };
      try {
        const p = planOf(good, true);
        const outside = commit(p, source, base);
        return { created: p.created, updated: p.updated, sites: p.sites.size, outside, errors };
      } catch (e) {
        if (!(e instanceof FiwareRefused)) throw e;
        const index = Number(e.field.slice(base.length + 1).split('/')[0]);
        if (!good.some((g) => g.path === `${base}/${index}`)) throw e;
        refuse(index, e);
        good = good.filter((g) => g.path !== `${base}/${index}`);
      }
    }
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

  return { apply, applyEach };
}
export type WasteReceiver = ReturnType<typeof createWasteReceiver>;
