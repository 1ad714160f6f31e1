// The store: the only place that knows SQL and table names. One transaction per ingested batch.
import { openDatabase, type Db } from './database';
import { appealStore } from './appeals';
import { incidentStore } from './incidents';
import { fleetStore } from './fleet';
import { containerStore } from './containers';
import { metricStore } from './metrics';
import { producerKeyStore } from './producer-keys';
import { capAlertStore } from './cap-alerts';
import { outsideRegionStore } from './outside-region';
import { wasteStore } from './waste';
import { wallStore } from './walls';
import { peopleStore } from './people';
import { screenStore } from './screens';

export interface RetentionPolicy {
  appealsBefore: number;
  appealDaysBefore: string;
  incidentsBefore: number;
  positionsBefore: number;
  containerEventsBefore: number;
  metricsBefore: number;
}

export function createStore(file: string, sync: 'full' | 'normal') {
  const db: Db = openDatabase(file, sync);
  const store = {
    file,
    appeals: appealStore(db),
    incidents: incidentStore(db),
    fleet: fleetStore(db),
    containers: containerStore(db),
    metrics: metricStore(db),
    producerKeys: producerKeyStore(db),
    capAlerts: capAlertStore(db),
    outsideRegion: outsideRegionStore(db),
    waste: wasteStore(db),
    walls: wallStore(db),
    people: peopleStore(db),
    screens: screenStore(db),
    /** Runs fn in one transaction: everything it writes is committed together, or nothing is. */
    transaction<T>(fn: () => T): T {
      return db.transaction(fn)();
    },
    /** Deletes what the retention policy no longer keeps; returns rows deleted per table. */
    prune(p: RetentionPolicy): Record<string, number> {
      return db.transaction(() => ({
        appeals: store.appeals.prune(p.appealsBefore, p.appealDaysBefore),
        incidents: store.incidents.prune(p.incidentsBefore),
        positions: store.fleet.prune(p.positionsBefore),
        containerEvents: store.containers.prune(p.containerEventsBefore),
        metrics: store.metrics.prune(p.metricsBefore),
        outsideRegion: store.outsideRegion.prune(p.appealsBefore),
      }))();
    },
    checkpoint(): void { db.pragma('wal_checkpoint(TRUNCATE)'); },
    close(): void { if (db.open) db.close(); },
  };
  return store;
}
export type Store = ReturnType<typeof createStore>;
