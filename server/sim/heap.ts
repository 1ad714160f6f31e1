// A min-heap of timed items: the simulator's queue of future changes (appeals answered, incidents resolved).
export class TimeHeap<T> {
  private readonly items: { at: number; value: T }[] = [];
  get size(): number { return this.items.length; }
  push(at: number, value: T): void {
    const a = this.items;
    a.push({ at, value });
    for (let i = a.length - 1; i > 0;) {
      const p = (i - 1) >> 1;
      if (a[p]!.at <= a[i]!.at) break;
      [a[p], a[i]] = [a[i]!, a[p]!];
      i = p;
    }
  }
  /** removes and returns every item due at or before t, in time order */
  popUntil(t: number): T[] {
    const out: T[] = [];
    while (this.items.length && this.items[0]!.at <= t) out.push(this.pop()!);
    return out;
  }
  private pop(): T | undefined {
    const a = this.items;
    const top = a[0];
    const last = a.pop();
    if (a.length && last) {
      a[0] = last;
      for (let i = 0; ;) {
        const l = 2 * i + 1, r = l + 1;
        let m = i;
        if (l < a.length && a[l]!.at < a[m]!.at) m = l;
        if (r < a.length && a[r]!.at < a[m]!.at) m = r;
        if (m === i) break;
        [a[m], a[i]] = [a[i]!, a[m]!];
        i = m;
      }
    }
    return top?.value;
  }
}
