// The store: the only place that knows SQL and table names. One transaction per ingested batch.
import { openDatabase, type Db } from './database';
import { appealStore } from './appeals';
import { incidentStore } from './incidents';
import { fleetStore } from './fleet';
import { teamCallStore } from './team-calls';
import { containerStore } from './containers';
import { metricStore } from './metrics';
import { producerKeyStore } from './producer-keys';
import { capAlertStore } from './cap-alerts';
import { outsideRegionStore } from './outside-region';
import { wasteStore } from './waste';
import { wallStore } from './walls';
import { peopleStore } from './people';
import { screenStore } from './screens';
import { deviceStore } from './devices';
import { deskStore } from './desk';
import { dailyFigureStore } from './daily-figures';

const THINNED_UNTIL = 'positions.thinned-until';

export interface RetentionPolicy {
  appealsBefore: number;
  appealDaysBefore: string;
  incidentsBefore: number;
  /** every fix before this is thinned to the replay track */
  positionsBefore: number;
  /** the replay track before this is dropped */
  tracksBefore: number;
  containerEventsBefore: number;
  metricsBefore: number;
}

export function createStore(file: string, sync: 'full' | 'normal') {
  const db: Db = openDatabase(file, sync);
  /** what waits for the outermost transaction to commit (telling the hub, marking the indicators dirty) */
  let afterCommit: (() => void)[] = [];
  /** thins the fixes that left the raw window since the last time (one pass over new rows only) */
  const thinPositions = (before: number): number => {
    const from = Number(store.metrics.getMeta(THINNED_UNTIL)) || 0;
    if (before <= from) return 0;
    const n = store.fleet.thin(from, before);
    store.metrics.setMeta(THINNED_UNTIL, String(before));
    return n;
  };
  const store = {
    file,
    appeals: appealStore(db),
    incidents: incidentStore(db),
    fleet: fleetStore(db),
    teamCalls: teamCallStore(db),
    containers: containerStore(db),
    metrics: metricStore(db),
    producerKeys: producerKeyStore(db),
    capAlerts: capAlertStore(db),
    outsideRegion: outsideRegionStore(db),
    waste: wasteStore(db),
    walls: wallStore(db),
    people: peopleStore(db),
    screens: screenStore(db),
    devices: deviceStore(db),
    desk: deskStore(db),
    dailyFigures: dailyFigureStore(db),
    /** Runs fn in one transaction: everything it writes is committed together, or nothing is. Inside another
     *  transaction it is a savepoint of it, and what it queued with afterCommit waits for the outer commit. */
    transaction<T>(fn: () => T): T {
      const outermost = !db.inTransaction;
      const mark = afterCommit.length;
      let result: T;
      try {
        result = db.transaction(fn)();
      } catch (e) {
        afterCommit.length = mark; // rolled back: nothing it queued may be told
        throw e;
      }
      if (outermost) for (const f of afterCommit.splice(0)) f();
      return result;
    },
    /** Runs fn once everything written so far is committed (at once outside a transaction); never after a rollback.
     *  The hub hears of a change only through here, so no screen sees what the database then drops. */
    afterCommit(fn: () => void): void {
      if (db.inTransaction) afterCommit.push(fn); else fn();
    },
    /** Deletes what the retention policy no longer keeps; returns rows deleted per table. */
    prune(p: RetentionPolicy): Record<string, number> {
      return db.transaction(() => ({
        appeals: store.appeals.prune(p.appealsBefore, p.appealDaysBefore),
        incidents: store.incidents.prune(p.incidentsBefore),
        positions: thinPositions(p.positionsBefore) + store.fleet.prune(p.tracksBefore),
        teamCalls: store.teamCalls.prune(p.tracksBefore),
        containerEvents: store.containers.prune(p.containerEventsBefore),
        metrics: store.metrics.prune(p.metricsBefore),
        outsideRegion: store.outsideRegion.prune(p.appealsBefore),
      }))();
    },
    checkpoint(): void { db.pragma('wal_checkpoint(TRUNCATE)'); },
    /** how this connection keeps the file (per connection in SQLite, so only the server's own can tell) */
    settings: () => ({ journalMode: db.pragma('journal_mode', { simple: true }) as string,
      secureDelete: db.pragma('secure_delete', { simple: true }) === 1, synchronous: db.pragma('synchronous', { simple: true }) as number }),
    close(): void { if (db.open) db.close(); },
  };
  return store;
}
export type Store = ReturnType<typeof createStore>;
