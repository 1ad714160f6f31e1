// ~24,000 container sites in typed arrays: positions set once from the binary snapshot, status and fill changed in
// place by deltas. The map reads them as binary attributes; `changed` says when to refresh colours.
import { CONTAINER_STATUSES, type ContainerSiteView } from '../../../server/protocol/views';
import { CONTAINER_BYTES_PER_SITE, decodeContainerChanges } from '../../../server/protocol/container-columns';
import type { ContainersSnapshot } from '../../../server/protocol/live';
import { signal } from './signal';

export interface ContainerSites {
  count: number;
  /** lon, lat per site */
  position: Float32Array;
  status: Uint8Array;
  fill: Uint8Array;
  /** bumps when the set of sites (positions) changes, not on status changes */
  layoutVersion: number;
  changed: ReturnType<typeof signal>;
  load(snapshot: ContainersSnapshot): void;
  /** sites added (rare, as objects) and status changes (the binary block of a containers delta) */
  apply(added: readonly ContainerSiteView[], changes: Uint8Array | ArrayBuffer): void;
}

const statusCode = (s: string) => Math.max(0, CONTAINER_STATUSES.indexOf(s as (typeof CONTAINER_STATUSES)[number]));

/** the same bytes (a snapshot's positions against the last one's) */
function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.byteLength !== b.byteLength) return false;
  for (let i = 0; i < a.byteLength; i++) if (a[i] !== b[i]) return false;
  return true;
}

export function createContainerSites(): ContainerSites {
  /** the last snapshot's position columns: a snapshot of the same sites (a replay's next moment, a resync) keeps the
   *  positions and the layout, so the map refreshes colours only and does not rebuild 24,000 positions */
  let lastPositions = new Uint8Array(0);
  const c: ContainerSites = {
    count: 0, position: new Float32Array(0), status: new Uint8Array(0), fill: new Uint8Array(0), layoutVersion: 0,
    changed: signal(),
    load(snap) {
      const n = snap.count;
      const bytes = snap.columns instanceof Uint8Array ? snap.columns : new Uint8Array(snap.columns as ArrayBuffer);
      if (bytes.byteLength !== n * CONTAINER_BYTES_PER_SITE) throw new Error('containers snapshot: columns length mismatch');
      const positions = bytes.subarray(0, n * 8);
      if (n !== c.count || !sameBytes(positions, lastPositions)) {
        const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
        c.count = n;
        c.position = new Float32Array(n * 2);
        for (let i = 0; i < n; i++) {
          c.position[i * 2] = view.getInt32(i * 4, true) / 1e6;
          c.position[i * 2 + 1] = view.getInt32(n * 4 + i * 4, true) / 1e6;
        }
        lastPositions = positions.slice();
        c.layoutVersion++;
      }
      c.fill = bytes.slice(n * 14, n * 15);
      c.status = bytes.slice(n * 15, n * 16);
      c.changed.fire();
    },
    apply(added, changes) {
      if (added.length) {
        const top = Math.max(c.count, ...added.map((a) => a.index + 1));
        if (top > c.count) {
          const pos = new Float32Array(top * 2); pos.set(c.position);
          const st = new Uint8Array(top); st.set(c.status);
          const fi = new Uint8Array(top); fi.set(c.fill);
          c.position = pos; c.status = st; c.fill = fi; c.count = top;
        }
        for (const a of added) {
          c.position[a.index * 2] = a.lon; c.position[a.index * 2 + 1] = a.lat;
          c.status[a.index] = statusCode(a.status); c.fill[a.index] = a.fill;
        }
        c.layoutVersion++;
      }
      const ch = decodeContainerChanges(changes);
      for (let i = 0; i < ch.count; i++) {
        const at = ch.index[i]!;
        if (at >= c.count) continue;
        c.status[at] = ch.status[i]!;
        c.fill[at] = ch.fill[i]!;
      }
      c.changed.fire();
    },
  };
  return c;
}
