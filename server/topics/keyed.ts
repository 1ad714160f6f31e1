// The state of a topic of items with ids inside a time window (appeals of the last 24 h, live incidents): upserts of
// items still inside, removals of those that left, one delta for both.
export interface KeyedPayload<V> { upsert: V[]; remove: string[] }

export function keyedItems<V extends { id: string }>() {
  const items = new Map<string, V>();
  return {
    items,
    /** Keeps or drops each record's view; the delta, or null when nothing changed. */
    apply<R extends { id: string }>(records: readonly R[], keep: (r: R) => boolean, view: (r: R) => V): KeyedPayload<V> | null {
      const upsert: V[] = [];
      const remove: string[] = [];
      for (const r of records) {
        if (keep(r)) { const v = view(r); items.set(r.id, v); upsert.push(v); }
        else if (items.delete(r.id)) remove.push(r.id);
      }
      return upsert.length || remove.length ? { upsert, remove } : null;
    },
    /** Drops the items that no longer belong; the delta, or null. */
    drop(gone: (v: V) => boolean): KeyedPayload<V> | null {
      const remove = [...items.values()].filter(gone).map((v) => v.id);
      remove.forEach((id) => items.delete(id));
      return remove.length ? { upsert: [], remove } : null;
    },
    merge(p: KeyedPayload<V>): void {
      for (const v of p.upsert) items.set(v.id, v);
      for (const id of p.remove) items.delete(id);
    },
    image: (): V[] => [...items.values()],
    load(list: readonly V[]): void { items.clear(); for (const v of list) items.set(v.id, v); },
  };
}

/** A visitor's version of a keyed delta: every id opaque, each item through the topic's own redaction. */
export const redactKeyed = <V>(p: KeyedPayload<V>, item: (v: V) => V, id: (raw: string) => string): KeyedPayload<V> =>
  ({ upsert: p.upsert.map(item), remove: p.remove.map(id) });
