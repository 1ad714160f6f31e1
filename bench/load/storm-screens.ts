// A separate process holding screens that keep the live state the way a wall does (snapshot, then ordered deltas;
// after a reconnect "since N" for each topic), for benchmark #8. argv: url. Over IPC (one request at a time):
//   { op: 'steady', n }               → N screens that reconnect by themselves (the wall's back-off); answers when synced
//   { op: 'await', target, timeoutMs } → when every steady screen's state digest equals `target`: { at, inconsistent }
//   { op: 'fresh', n, target, timeoutMs } → N new screens connect and take snapshots: { ms, inconsistent } (then closed)
//   { op: 'close' }
// A digest is the topics' sequence numbers, the appeal and incident counts and a hash of every site's status and fill
// (see stateDigest in bench/cases/reconnect-storm.ts, which computes the server's).
import { io, type Socket } from 'socket.io-client';
import { liveSocketOptions } from '../../server/protocol/socket-parser';
import { RECONNECT, EVENTS, TOPICS, type Delta, type Snapshots, type SubscribeReply, type Topic, type TopicSync } from '../../server/protocol/live';
import { createContainerSites } from '../../client/src/live/container-sites';
import { sitesHash } from './digest';

const url = process.argv[2]!;
const now = () => performance.timeOrigin + performance.now();

class Screen {
  readonly socket: Socket;
  private readonly seq = new Map<Topic, number>();
  private readonly appeals = new Set<string>();
  private readonly incidents = new Set<string>();
  private readonly containers = createContainerSites();
  private pending = false;

  constructor(reconnect: boolean) {
    this.socket = io(url, { transports: ['websocket'], forceNew: true, reconnection: reconnect, ...RECONNECT, ...liveSocketOptions() });
    this.socket.on('connect', () => this.subscribe());
    this.socket.on(EVENTS.delta, (d: Delta) => {
      const last = this.seq.get(d.topic);
      if (last === undefined || this.pending || d.seq <= last) return;
      if (d.seq !== last + 1) { this.subscribe(); return; }
      this.applyDelta(d);
      this.seq.set(d.topic, d.seq);
    });
  }

  /** the server run this screen's numbers were counted in */
  private run: string | null = null;

  private subscribe(): void {
    this.pending = true;
    this.socket.timeout(20_000).emit(EVENTS.subscribe, { ...(this.run ? { run: this.run } : {}), topics: TOPICS.map((topic) => ({ topic, since: this.seq.get(topic) })) }, (err: Error | null, reply: SubscribeReply) => {
      this.pending = false;
      if (err || !reply.ok) { if (this.socket.connected) setTimeout(() => this.subscribe(), 500); return; }
      if (reply.run !== this.run) { this.seq.clear(); this.run = reply.run; }
      for (const r of reply.results) this.applySync(r);
    });
  }

  private applySync(r: TopicSync): void {
    if (r.mode === 'replay') for (const d of r.deltas) this.applyDelta(d);
    else if (r.topic === 'containers') this.containers.load(r.snapshot as Snapshots['containers']);
    else if (r.topic === 'appeals' || r.topic === 'incidents') {
      const set = r.topic === 'appeals' ? this.appeals : this.incidents;
      set.clear();
      for (const item of (r.snapshot as Snapshots['appeals' | 'incidents']).items) set.add(item.id);
    }
    this.seq.set(r.topic, r.seq);
  }

  private applyDelta(d: Delta): void {
    if (d.topic === 'containers') { const p = (d as Delta<'containers'>).payload; this.containers.apply(p.added, p.changes); }
    if (d.topic === 'appeals' || d.topic === 'incidents') {
      const p = (d as Delta<'appeals' | 'incidents'>).payload;
      const set = d.topic === 'appeals' ? this.appeals : this.incidents;
      for (const item of p.upsert) set.add(item.id);
      for (const id of p.remove) set.delete(id);
    }
  }

  digest(): string {
    return `${TOPICS.map((t) => this.seq.get(t) ?? '-').join(',')}|${this.appeals.size}|${this.incidents.size}|${sitesHash(this.containers.status, this.containers.fill, this.containers.count)}`;
  }
}

let steady: Screen[] = [];

async function until(screens: readonly Screen[], target: string, timeoutMs: number): Promise<{ at: number; inconsistent: number }> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const off = screens.filter((s) => s.digest() !== target).length;
    if (off === 0 || Date.now() > deadline) {
      const odd = screens.find((s) => s.digest() !== target);
      if (odd) console.error(`storm screens: ${off} differ from the server, e.g. ${odd.digest()} vs ${target}`);
      return { at: now(), inconsistent: off };
    }
    await new Promise((r) => setTimeout(r, 2));
  }
}

type Request = { op: 'steady'; n: number; target: string } | { op: 'await'; target: string; timeoutMs: number }
  | { op: 'fresh'; n: number; target: string; timeoutMs: number } | { op: 'close' };

process.on('message', async (m: Request) => {
  if (m.op === 'steady') {
    steady = Array.from({ length: m.n }, () => new Screen(true));
    const r = await until(steady, m.target, 30_000);
    process.send!(r);
  } else if (m.op === 'await') {
    process.send!(await until(steady, m.target, m.timeoutMs));
  } else if (m.op === 'fresh') {
    const t0 = now();
    const screens = Array.from({ length: m.n }, () => new Screen(false));
    const r = await until(screens, m.target, m.timeoutMs);
    for (const s of screens) s.socket.close();
    process.send!({ ms: r.at - t0, inconsistent: r.inconsistent });
  } else if (m.op === 'close') {
    for (const s of steady) s.socket.close();
    process.exit(0);
  }
});
process.send!('ready');
