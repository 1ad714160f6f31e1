// The one path every producer's data takes (native API, standard adapters, the simulator): normalise each item, write
// the batch in one transaction, then tell the hub. A refused item refuses the whole batch and nothing is stored.
import { DEVICE_TAKEOVER_MS, SIMULATOR_SOURCE } from './sources';
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
import type { NormaliseContext } from './normalize/common';

export interface IngestResult { accepted: number; created: number; updated: number; time: number }

export interface IngestDeps {
  store: Store;
  hub: Hub;
  reference: Reference;
  now: () => number;
  timezone: string;
  /** called after each committed batch (the indicators recompute when something changed) */
  onChange?: (kind: string) => void;
}

export function createIngest({ store, hub, reference, now, timezone, onChange }: IngestDeps) {
  const ctx = (source: string): NormaliseContext => ({ reference, now: now(), source });
  /** when a producer other than the simulator last reported each vehicle */
  const deviceFixAt = new Map<string, number>();
  const done = (kind: string, accepted: number, created: number, time: number): IngestResult => {
    onChange?.(kind);
    return { accepted, created, updated: accepted - created, time };
  };

  /** Normalises and writes each item against what the store holds, all in one transaction. */
  function upsertEach<I extends { id: string }, R>(items: readonly I[], get: (id: string) => R | null,
    write: (item: I, index: number, existing: R | null) => R): { records: R[]; created: number } {
    let created = 0;
    const records = store.transaction(() => items.map((item, i) => {
      const existing = get(item.id);
      if (!existing) created++;
      return write(item, i, existing);
    }));
    return { records, created };
  }

  return {
    appeals(items: readonly AppealIn[], source: string): IngestResult {
      const c = ctx(source);
      const { records, created } = upsertEach(items, store.appeals.get, (item, i, existing) => {
        const record = normaliseAppeal(item, i, existing, c);
        store.appeals.put(record, !existing, dayKey(record.receivedAt, timezone));
        return record;
      });
      hub.applyAppeals(records, c.now);
      return done('appeals', items.length, created, c.now);
    },

    incidents(items: readonly IncidentIn[], source: string): IngestResult {
      const c = ctx(source);
      const { records, created } = upsertEach(items, store.incidents.get, (item, i, existing) => {
        const record = normaliseIncident(item, i, existing, c);
        store.incidents.put(record);
        return record;
      });
      hub.applyIncidents(records, c.now);
      return done('incidents', items.length, created, c.now);
    },

    positions(all: readonly PositionIn[], source: string): IngestResult {
      const c = ctx(source);
      // a team a real device reports for is the device's: the simulator no longer moves it
      let items = all;
      if (source === SIMULATOR_SOURCE) items = all.filter((p) => !((deviceFixAt.get(p.vehicle) ?? -Infinity) > c.now - DEVICE_TAKEOVER_MS));
      else for (const p of all) deviceFixAt.set(p.vehicle, c.now);
      if (!items.length) return done('positions', 0, 0, c.now);
      let created = 0;
      const moved = store.transaction(() => {
        const latest = new Map<string, ReturnType<typeof normalisePosition>['vehicle']>();
        items.forEach((item, i) => {
          const view = latest.get(item.vehicle) ?? hub.vehicle(item.vehicle);
          const existing = view ? { ...view, updatedAt: c.now } : null;
          if (!view) created++;
          const { position, vehicle } = normalisePosition(item, i, existing, c);
          store.fleet.addPosition(position);
          latest.set(vehicle.id, vehicle);
        });
        for (const v of latest.values()) store.fleet.put(v);
        return [...latest.values()];
      });
      hub.applyVehicles(moved, c.now);
      return done('positions', items.length, created, c.now);
    },

    containers(items: readonly ContainerIn[], source: string): IngestResult {
      const c = ctx(source);
      let created = 0;
      const records = store.transaction(() => {
        const batch = new Map<string, ContainerSiteRecord>();
        items.forEach((item, i) => {
          const existing = batch.get(item.id) ?? store.containers.get(item.id);
          const record = normaliseContainer(item, i, existing, c);
          const at = record.updatedAt;
          if (!existing) { created++; store.containers.addEvent(record.id, at, 'registered', record.status, record.fill); }
          else if (existing.status !== record.status) store.containers.addEvent(record.id, at, 'status', record.status, record.fill);
          if (existing && record.servicedAt !== null && record.servicedAt !== existing.servicedAt) {
            store.containers.addEvent(record.id, record.servicedAt, 'serviced', record.status, record.fill);
          }
          batch.set(record.id, record);
        });
        for (const r of batch.values()) store.containers.put(r);
        return [...batch.values()];
      });
      hub.applyContainers(records, c.now);
      return done('containers', items.length, created, c.now);
    },

    metrics(items: readonly MetricIn[], source: string): IngestResult {
      const c = ctx(source);
      const created = store.transaction(() =>
        items.map((item, i) => normaliseMetric(item, i, c)).filter((m) => store.metrics.add(m)).length);
      return done('metrics', items.length, created, c.now);
    },
  };
}
export type Ingest = ReturnType<typeof createIngest>;
