// Where today's appeals came from (rounded points, no personal data), for the heat layer: the last 24 h as a flat
// Float32Array, rebuilt at most every few seconds when appeals arrive.
import type { AppealView } from '../../../server/protocol/views';
import { signal } from './signal';

export interface AppealPoints {
  /** lon, lat pairs; a fresh array after each rebuild (the heat layer's data changes only then) */
  position: Float32Array;
  /** the appeal of each point, in the same order */
  ids: string[];
  count: number;
  changed: ReturnType<typeof signal>;
  reset(items: readonly AppealView[]): void;
  apply(upsert: readonly AppealView[], remove: readonly string[]): void;
}

export function createAppealPoints(rebuildEveryMs = 5000): AppealPoints {
  const points = new Map<string, [number, number]>();
  let timer: ReturnType<typeof setTimeout> | null = null;
  const p: AppealPoints = {
    position: new Float32Array(0), ids: [], count: 0, changed: signal(),
    reset(items) { points.clear(); add(items); rebuild(); },
    apply(upsert, remove) {
      add(upsert);
      for (const id of remove) points.delete(id);
      if (!timer) timer = setTimeout(() => { timer = null; rebuild(); }, rebuildEveryMs);
    },
  };
  function add(items: readonly AppealView[]) {
    for (const a of items) if (a.lon !== null && a.lat !== null) points.set(a.id, [a.lon, a.lat]);
  }
  function rebuild() {
    const out = new Float32Array(points.size * 2);
    let i = 0;
    for (const [lon, lat] of points.values()) { out[i++] = lon; out[i++] = lat; }
    p.position = out; p.ids = [...points.keys()]; p.count = points.size;
    p.changed.fire();
  }
  return p;
}
