// The live feed: every topic joined with a snapshot, then ordered deltas. A gap in sequence numbers or a reconnect
// asks for "since N" (with the server run N was counted in) and gets the missed deltas or a fresh snapshot. Paused
// while the wall shows the past: it leaves its topics and ignores what is still on its way; resumed, it joins them
// again from fresh snapshots, so nothing replayed stays on screen.
import { WALL_EVENTS } from '../../../server/protocol/walls';
import { EVENTS, TOPICS, isDelta, type Delta, type Hello, type SubscribeReply, type Topic, type TopicSync } from '../../../server/protocol/live';
import { touchStream, useWall } from '../store/wall-store';
import { applyOf, kpiFirst, type LiveClientSocket, type WallBuffers } from './wall-buffers';

export interface LiveFeed {
  /** the socket is (again) connected and the wall joined: ask for what was missed */
  connected(): void;
  pause(): void;
  resume(): void;
  resyncs(): number;
}

export function liveFeed(socket: LiveClientSocket, { fleet, sinks }: WallBuffers, active = true): LiveFeed {
  const seq = new Map<Topic, number>();
  /** the server run the numbers in `seq` were counted in */
  let run: string | null = null;
  let resyncs = 0;
  const pending = new Set<Topic>();
  /** the live clock offset, kept while the past borrows it for its ages */
  let liveOffset = useWall.getState().clockOffset;

  function applyDelta(d: Delta) { applyOf(d.topic).delta(sinks[d.topic], d.payload, d.time); }
  function applySync(r: TopicSync) {
    if (r.mode === 'snapshot') applyOf(r.topic).snapshot(sinks[r.topic], r.snapshot, r.time);
    else for (const d of r.deltas) applyDelta(d);
    seq.set(r.topic, r.seq);
  }

  function subscribe(topics: readonly Topic[]) {
    const fresh = topics.filter((t) => !pending.has(t));
    if (!fresh.length || !active) return;
    fresh.forEach((t) => pending.add(t));
    const request = { ...(run ? { run } : {}), topics: fresh.map((topic) => ({ topic, since: seq.get(topic) })) };
    socket.timeout(10_000).emit(EVENTS.subscribe, request, (err: Error | null, reply: SubscribeReply) => {
      fresh.forEach((t) => pending.delete(t));
      if (!active) return;
      if (err || !reply.ok) { if (socket.connected) setTimeout(() => subscribe(fresh), 1000); return; }
      if (reply.run !== run) { seq.clear(); run = reply.run; }
      for (const r of kpiFirst(reply.results)) applySync(r);
      if (fresh.includes('kpi')) useWall.setState({ connection: 'online', offlineSince: null });
    });
  }
  const setOffset = (offset: number) => { liveOffset = offset; if (active) useWall.setState({ clockOffset: offset }); };

  // the wall's mode changed or the server's copy was reloaded: everything is fetched anew
  socket.on(WALL_EVENTS.resubscribe, () => { seq.clear(); pending.clear(); subscribe(TOPICS); });
  socket.on('disconnect', () => pending.clear());
  socket.on(EVENTS.hello, (h: Hello) => {
    // a new server run needs nothing here: the server answers a "since" of another run with snapshots
    if (typeof h?.time === 'number') setOffset(h.time - Date.now());
  });
  socket.on(EVENTS.delta, (raw: unknown) => {
    if (!isDelta(raw) || !active) return;
    const last = seq.get(raw.topic);
    if (last === undefined || pending.has(raw.topic)) return; // a snapshot is on its way; it includes this change
    if (raw.seq <= last) return;
    if (raw.seq !== last + 1) { resyncs++; subscribe([raw.topic]); return; }
    seq.set(raw.topic, raw.seq);
    applyDelta(raw);
  });
  socket.on(EVENTS.fleetFrame, (bytes: ArrayBuffer | Uint8Array) => {
    if (!active) return;
    fleet.apply(bytes, performance.now());
    if (fleet.frameTime !== null) setOffset(fleet.frameTime - Date.now());
    touchStream('fleet', fleet.newestFixAt);
  });

  return {
    connected: () => subscribe(TOPICS),
    pause() {
      if (!active) return;
      active = false;
      if (socket.connected) socket.emit(EVENTS.unsubscribe, { topics: TOPICS.map((topic) => ({ topic })) });
      seq.clear();
      pending.clear();
    },
    resume() {
      if (active) return;
      active = true;
      fleet.setGlide(1000);
      // the ages count from now again, and every stream from its fresh snapshot
      useWall.setState({ clockOffset: liveOffset, lastAt: { kpi: null, fleet: null, incidents: null, containers: null, appeals: null } });
      if (socket.connected) subscribe(TOPICS);
    },
    resyncs: () => resyncs,
  };
}
