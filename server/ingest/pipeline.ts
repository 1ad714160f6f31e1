// The one path every producer's data takes (native API, standard adapters, the simulator): normalise each item, write
// the batch in one transaction, then tell the hub. A refused item refuses the whole batch and nothing is stored.
import { DEVICE_TAKEOVER_MS, INTERNAL_SOURCE, OSMAND_SOURCE, SIMULATOR_SOURCE } from './sources';
import { LIMITS } from './limits';
import { fieldsOf } from './errors';
import type { Store } from '../store';
import type { Hub } from '../hub/hub';
import type { Reference } from '../reference/load';
import type { ContainerSiteRecord } from '../domain/records';
import { dayKey } from '../domain/time';
import type { AppealIn, ContainerIn, IncidentIn, MetricIn, PositionIn } from './schemas';
import { normaliseAppeal } from './normalize/appeals';
import { normaliseIncident } from './normalize/incidents';
import { normalisePosition } from './normalize/fleet';
import { normaliseContainer } from './normalize/containers';
import { normaliseMetric } from './normalize/metrics';
import { METRICS } from '../domain/metric-names';
import { nearestMunicipality } from '../reference/nearest';

const BUILT_IN_METRICS = new Set<string>(Object.values(METRICS));
import { OutsideRegion, time, type NormaliseContext } from './normalize/common';

export interface IngestResult {
  accepted: number; created: number; updated: number; time: number;
  /** items placed outside the republic, kept aside (SITROOM_OUT_OF_REGION=flag) and not counted */
  outside?: number;
}

export interface IngestDeps {
  store: Store;
  hub: Hub;
  reference: Reference;
  now: () => number;
  timezone: string;
  outOfRegion?: 'flag' | 'reject';
}

export function createIngest({ store, hub, reference, now, timezone, outOfRegion = 'flag' }: IngestDeps) {
  /** told after each committed batch (the indicators recompute when something changed) */
  const committed = new Set<(kind: string) => void>();
  const ctx = (source: string): NormaliseContext => ({ reference, now: now(), source, outOfRegion });
  /** when a producer other than the simulator last reported each vehicle */
  const deviceFixAt = new Map<string, number>();
  /** items of one batch kept aside as outside the region: counted per call, so a refused batch leaves nothing behind */
  interface Aside { n: number }
  const done = (kind: string, accepted: number, created: number, time: number, aside: Aside = { n: 0 }): IngestResult => {
    store.afterCommit(() => { for (const fn of committed) fn(kind); });
    return { accepted, created: created - aside.n, updated: accepted - created, time, ...(aside.n ? { outside: aside.n } : {}) };
  };

  /**
   * Normalises an item; one placed outside the republic (under SITROOM_OUT_OF_REGION=flag) is checked in every other
   * field as if it were in the nearest municipality, then kept aside in outside_region and null is returned.
   */
  function inRegion<I extends { id: string; municipality?: string }, R>(kind: string, item: I, c: NormaliseContext, aside: Aside,
    normalise: (item: I) => R): R | null {
    try {
      return normalise(item);
    } catch (e) {
      if (!(e instanceof OutsideRegion)) throw e;
      const nearest = nearestMunicipality(reference.municipalities, e.lon, e.lat).id;
      const record = normalise({ ...item, municipality: nearest });
      store.outsideRegion.put({ kind, id: item.id, at: c.now, lon: e.lon, lat: e.lat, source: c.source, received_at: c.now,
        item: JSON.stringify({ ...record, municipality: null, nearestMunicipality: nearest }) });
      aside.n++;
      return null;
    }
  }

  /** Normalises and writes each item against what the store holds, all in one transaction. */
  function upsertEach<I extends { id: string }, R>(items: readonly I[], get: (id: string) => R | null,
    write: (item: I, index: number, existing: R | null) => R | null): { records: R[]; created: number } {
    let created = 0;
    const records = store.transaction(() => items.map((item, i) => {
      const existing = get(item.id);
      if (!existing) created++;
      return write(item, i, existing);
    })).filter((r): r is R => r !== null);
    return { records, created };
  }

  /** A producer's allowance of new vehicles (null: not capped here; the simulator is configured, devices are
   *  registered one by one). A refusal names the item and the limit; the batch's transaction then stores nothing. */
  function newVehicleCap(source: string) {
    if (source === SIMULATOR_SOURCE || source === INTERNAL_SOURCE || source.startsWith(OSMAND_SOURCE)) return null;
    let left = LIMITS.newVehiclesPerProducer - store.fleet.createdBy(source);
    return {
      take(i: number, vehicle: string, at: number): void {
        if (left <= 0) fieldsOf('positions', i).fail('vehicle', `unknown vehicle "${vehicle}": a producer may bring at most ${LIMITS.newVehiclesPerProducer} vehicles into being and ${source} has reached it`);
        left--;
        store.fleet.addOrigin(vehicle, source, at);
      },
    };
  }

  return {
    /** Calls fn after every committed batch with its kind; returns the way to stop. */
    onCommit(fn: (kind: string) => void): () => void { committed.add(fn); return () => committed.delete(fn); },

    appeals(items: readonly AppealIn[], source: string): IngestResult {
      const c = ctx(source);
      const aside: Aside = { n: 0 };
      const { records, created } = upsertEach(items, store.appeals.get, (item, i, existing) => {
        const record = inRegion('appeals', item, c, aside, (it) => normaliseAppeal(it, i, existing, c));
        if (!record) return null;
        store.appeals.put(record, !existing, dayKey(record.receivedAt, timezone));
        return record;
      });
      store.afterCommit(() => hub.applyAppeals(records, c.now));
      return done('appeals', items.length, created, c.now, aside);
    },

    incidents(items: readonly IncidentIn[], source: string): IngestResult {
      const c = ctx(source);
      const aside: Aside = { n: 0 };
      const { records, created } = upsertEach(items, store.incidents.get, (item, i, existing) => {
        const record = inRegion('incidents', item, c, aside, (it) => normaliseIncident(it, i, existing, c));
        if (!record) return null;
        store.incidents.put(record);
        return record;
      });
      store.afterCommit(() => hub.applyIncidents(records, c.now));
      return done('incidents', items.length, created, c.now, aside);
    },

    positions(all: readonly PositionIn[], source: string): IngestResult {
      const c = ctx(source);
      // a team a real device reports for is the device's: the simulator no longer moves it
      let items = all;
      if (source === SIMULATOR_SOURCE) items = all.filter((p) => !((deviceFixAt.get(p.vehicle) ?? -Infinity) > c.now - DEVICE_TAKEOVER_MS));
      else store.afterCommit(() => { for (const p of all) deviceFixAt.set(p.vehicle, c.now); });
      if (!items.length) return done('positions', 0, 0, c.now);
      let created = 0;
      const cap = newVehicleCap(source);
      const moved = store.transaction(() => {
        const latest = new Map<string, ReturnType<typeof normalisePosition>['vehicle']>();
        items.forEach((item, i) => {
          const view = latest.get(item.vehicle) ?? hub.vehicle(item.vehicle);
          const existing = view ? { ...view, updatedAt: c.now } : null;
          if (!view) { created++; cap?.take(i, item.vehicle, c.now); }
          const { position, vehicle, call } = normalisePosition(item, i, existing, c);
          store.fleet.addPosition(position);
          if (call) store.teamCalls.note(call);
          latest.set(vehicle.id, vehicle);
        });
        for (const v of latest.values()) store.fleet.put(v);
        return [...latest.values()];
      });
      store.afterCommit(() => hub.applyVehicles(moved, c.now));
      return done('positions', items.length, created, c.now);
    },

    /** A tracker reported without a position (cell towers or Wi-Fi only): the vehicle was heard from, its place and
     *  its fix time stay. The simulator leaves a vehicle its device reports for, as after a fix. */
    heard(vehicle: string, at: string, source: string): IngestResult {
      const c = ctx(source);
      const t = time(fieldsOf('positions', 0), 'at', at, c.now);
      const known = store.transaction(() => store.fleet.heard(vehicle, t));
      store.afterCommit(() => deviceFixAt.set(vehicle, c.now));
      return done('heard', known ? 1 : 0, 0, c.now);
    },

    containers(items: readonly ContainerIn[], source: string): IngestResult {
      const c = ctx(source);
      let created = 0;
      const aside: Aside = { n: 0 };
      const records = store.transaction(() => {
        const batch = new Map<string, ContainerSiteRecord>();
        items.forEach((item, i) => {
          const existing = batch.get(item.id) ?? store.containers.get(item.id);
          const record = inRegion('containers', item, c, aside, (it) => normaliseContainer(it, i, existing, c));
          if (!record) { if (!existing) created++; return; }
          const at = record.updatedAt;
          if (!existing) { created++; store.containers.addEvent(record.id, at, 'registered', record.status, record.fill); }
          else if (existing.status !== record.status) store.containers.addEvent(record.id, at, 'status', record.status, record.fill);
          // a service reported with the registration is an event too: a past moment's site state needs it
          if (record.servicedAt !== null && record.servicedAt !== existing?.servicedAt) {
            store.containers.addEvent(record.id, record.servicedAt, 'serviced', record.status, record.fill);
          }
          batch.set(record.id, record);
        });
        for (const r of batch.values()) store.containers.put(r);
        return [...batch.values()];
      });
      store.afterCommit(() => hub.applyContainers(records, c.now));
      return done('containers', items.length, created, c.now, aside);
    },

    metrics(items: readonly MetricIn[], source: string): IngestResult {
      const c = ctx(source);
      const created = store.transaction(() => {
        const records = items.map((item, i) => normaliseMetric(item, i, c));
        // a departmental indicator (anything not derived by Sitroom itself) is listed for the wall with its description
        items.forEach((item) => {
          const described = item.unit !== undefined || item.title_ru !== undefined || item.title_en !== undefined || item.thresholds !== undefined;
          // the built-in panels' own inputs (ems.call, hotline.call_wait_s...) are not departmental unless described
          if (source === INTERNAL_SOURCE || (!described && (source === SIMULATOR_SOURCE || BUILT_IN_METRICS.has(item.key)))) return;
          store.metrics.define({ name: item.key, unit: item.unit ?? null, title_ru: item.title_ru ?? null, title_en: item.title_en ?? null,
            warn: item.thresholds?.warn ?? null, critical: item.thresholds?.critical ?? null, direction: item.thresholds?.direction ?? null,
            source, updated_at: c.now });
        });
        return records.filter((m) => store.metrics.add(m)).length;
      });
      return done('metrics', items.length, created, c.now);
    },
  };
}
export type Ingest = ReturnType<typeof createIngest>;
