// One topic's ordered history: a monotonic sequence number and the last deltas, kept so a client that missed a few
// can catch up without a fresh snapshot.
import type { Delta, Deltas, Topic } from '../protocol/live';

export class TopicLog<T extends Topic> {
  seq = 0;
  private readonly ring: Delta<T>[] = [];

  constructor(readonly topic: T, private readonly capacity: number) {}

  append(time: number, payload: Deltas[T]): Delta<T> {
    const delta: Delta<T> = { topic: this.topic, seq: ++this.seq, time, payload };
    this.ring.push(delta);
    if (this.ring.length > this.capacity) this.ring.splice(0, this.ring.length - this.capacity);
    return delta;
  }

  /** A delta made elsewhere (the primary server), kept under its own number; a gap clears the ring so a client that
   *  asks across it gets a snapshot. */
  adopt(delta: Delta<T>): void {
    if (delta.seq !== this.seq + 1) this.ring.length = 0;
    this.seq = delta.seq;
    this.ring.push(delta);
    if (this.ring.length > this.capacity) this.ring.splice(0, this.ring.length - this.capacity);
  }

  /** Starts over at `seq` with no history (a mirror loading the primary's image). */
  reset(seq: number): void {
    this.seq = seq;
    this.ring.length = 0;
  }

  /** Deltas after `since`, or null when some of them are no longer kept (the client needs a snapshot). */
  since(since: number): Delta<T>[] | null {
    if (since > this.seq) return null; // a client from a previous server run: its numbers mean nothing here
    if (since === this.seq) return [];
    const first = this.ring[0];
    if (!first || first.seq > since + 1) return null;
    return this.ring.slice(since + 1 - first.seq);
  }
}
