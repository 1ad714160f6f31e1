// SQL for the container sites' daily checkpoints: every site's state (registered yet, status, fill, last service) at a
// local midnight, as one compressed block per day, so a past moment's sites are a checkpoint plus less than a day of
// events instead of two index seeks per site (server/history/site-states.ts). An event stored with a time at or
// before the newest checkpoint (late data) drops the checkpoints from its day on; the job builds them again.
import { deflateSync, inflateSync } from 'node:zlib';
import type { Db } from './database';
import { CONTAINER_STATUSES, type ContainerStatus } from '../protocol/views';

export interface SiteState { registered: boolean; status: ContainerStatus; fill: number; servicedAt: number | null }
/** by the site's rowid in container_sites */
export type SiteStates = Map<number, SiteState>;
/** a site's event: [site id, at, kind, status, fill] (raw rows: a day's tens of thousands read fastest as arrays) */
export type SiteEvent = [string, number, string, string, number];

const BYTES = 4 + 1 + 8 + 8;
const REGISTERED = 0x80;

function encode(states: SiteStates): Buffer {
  const out = Buffer.alloc(states.size * BYTES);
  let o = 0;
  for (const [r, s] of states) {
    out.writeUInt32LE(r, o); out.writeUInt8((s.registered ? REGISTERED : 0) | Math.max(0, CONTAINER_STATUSES.indexOf(s.status)), o + 4);
    out.writeDoubleLE(s.fill, o + 5); out.writeDoubleLE(s.servicedAt ?? Number.NaN, o + 13);
    o += BYTES;
  }
  return deflateSync(out);
}

function decode(blob: Buffer): SiteStates {
  const raw = inflateSync(blob), states: SiteStates = new Map();
  for (let o = 0; o + BYTES <= raw.length; o += BYTES) {
    const code = raw.readUInt8(o + 4), serviced = raw.readDoubleLE(o + 13);
    states.set(raw.readUInt32LE(o), { registered: (code & REGISTERED) !== 0, status: CONTAINER_STATUSES[code & 0x7f] ?? 'unknown',
      fill: raw.readDoubleLE(o + 5), servicedAt: Number.isNaN(serviced) ? null : serviced });
  }
  return states;
}

export function siteCheckpointStore(db: Db) {
  const latestBefore = db.prepare<[number], { at: number; state: Buffer }>('SELECT at, state FROM site_checkpoints WHERE at <= ? ORDER BY at DESC LIMIT 1');
  const newest = db.prepare<[], { at: number | null }>('SELECT max(at) AS at FROM site_checkpoints');
  const latestAtBefore = db.prepare<[number], { at: number | null }>('SELECT max(at) AS at FROM site_checkpoints WHERE at <= ?');
  const put = db.prepare('INSERT OR REPLACE INTO site_checkpoints VALUES (?, ?, ?)');
  const dropFrom = db.prepare('DELETE FROM site_checkpoints WHERE at >= ?');
  const prune = db.prepare('DELETE FROM site_checkpoints WHERE at < ?');
  const size = db.prepare<[], { n: number; bytes: number | null }>('SELECT count(*) AS n, sum(length(state)) AS bytes FROM site_checkpoints');
  // in time order, ties in the order stored (the at index holds the rowid): the last one applied is the newest
  const events = db.prepare<[number, number], SiteEvent>('SELECT site, at, kind, status, fill FROM container_events WHERE at > ? AND at <= ? ORDER BY at, rowid').raw(true);
  const ats = db.prepare<[number], { at: number }>('SELECT at FROM site_checkpoints WHERE at < ?');
  const drop = db.prepare('DELETE FROM site_checkpoints WHERE at = ?');
  const firstEvent = db.prepare<[], { at: number | null }>('SELECT min(at) AS at FROM container_events');
  let through = newest.get()?.at ?? null;
  return {
    latestBefore(t: number): { at: number; states: SiteStates } | null {
      const r = latestBefore.get(t);
      return r ? { at: r.at, states: decode(r.state) } : null;
    },
    newestAt: (): number | null => through,
    /** the time of the newest checkpoint at or before t (its states not read) */
    latestAtBefore: (t: number): number | null => latestAtBefore.get(t)?.at ?? null,
    put(at: number, states: SiteStates): void { put.run(at, states.size, encode(states)); through = Math.max(through ?? at, at); },
    /** an event dated `at` was stored: checkpoints from then on no longer hold */
    eventStored(at: number): void {
      if (through === null || at > through) return;
      dropFrom.run(at);
      through = newest.get()?.at ?? null;
    },
    eventsIn: (from: number, to: number): SiteEvent[] => events.all(from, to),
    firstEventAt: (): number | null => firstEvent.get()?.at ?? null,
    prune: (before: number): number => prune.run(before).changes,
    /** drops the checkpoints before `before` that `keep` says no (the intra-day ones of older days), never the newest
     *  (the next one is built from it) */
    thin(before: number, keep: (at: number) => boolean): number {
      let n = 0;
      for (const { at } of ats.all(before)) if (at !== through && !keep(at)) n += drop.run(at).changes;
      return n;
    },
    size: () => { const r = size.get(); return { checkpoints: r?.n ?? 0, bytes: r?.bytes ?? 0 }; },
  };
}
export type SiteCheckpointStore = ReturnType<typeof siteCheckpointStore>;
