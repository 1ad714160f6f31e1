// The wall's side of the live protocol: one socket, every topic joined with a snapshot, then ordered deltas. A gap
// in sequence numbers or a reconnect asks for "since N" and gets the missed deltas or a fresh snapshot; the page
// never reloads. React-facing state goes to the store; positions, container statuses and appeal points go to
// typed buffers the map reads.
import { io, type Socket } from 'socket.io-client';
import { liveSocketOptions } from '../../../server/protocol/socket-parser';
import { UNPAIRED, WALL_EVENTS } from '../../../server/protocol/walls';
import { EVENTS, TOPICS, isDelta, type Delta, type Hello, type Snapshots, type SubscribeReply, type Topic, type TopicSync } from '../../../server/protocol/live';
import type { Summary } from '../../../server/protocol/summary';
import type { IncidentView } from '../../../server/protocol/views';
import { touchStream, useWall } from '../store/wall-store';
import { createAppealPoints, type AppealPoints } from './appeal-points';
import { createContainerSites, type ContainerSites } from './container-sites';
import { createFleetMotion, type FleetMotion } from './fleet-motion';

export interface Live {
  fleet: FleetMotion;
  containers: ContainerSites;
  appeals: AppealPoints;
  /** deltas that arrived out of order and caused a resync (counted for diagnostics) */
  resyncs(): number;
  /** the one socket, for the wall session (join, state) */
  socket: Socket;
  stop(): void;
}

export interface LiveOptions {
  /** this screen's token (paired screens), sent with every connection */
  token: string | null;
  /** runs on every (re)connect before the topics are asked for: a wall screen joins its wall first, so the server
   *  knows which version of the data (normal or visitor) it may send */
  beforeSubscribe?: (socket: Socket) => Promise<void>;
  /** the server refused this browser (no or a revoked token): show the pairing page */
  onUnpaired?: () => void;
}

export function startLive(options: LiveOptions = { token: null }): Live {
  const fleet = createFleetMotion();
  const containers = createContainerSites();
  const appeals = createAppealPoints();
  const seq = new Map<Topic, number>();
  const incidents = new Map<string, IncidentView>();
  let resyncs = 0;
  const pending = new Set<Topic>();

  const socket: Socket = io({ transports: ['websocket'], reconnectionDelay: 500, reconnectionDelayMax: 3000,
    ...liveSocketOptions(options.token ? { token: options.token } : {}) });

  function publishIncidents() {
    useWall.setState({ incidents: [...incidents.values()].sort((a, b) => b.reportedAt - a.reportedAt) });
  }

  /** The indicators as of their server time; the kpi stream and the newest appeal are heard from with them. */
  function setSummary(summary: Summary) {
    useWall.setState({ summary });
    touchStream('kpi', summary.time);
    touchStream('appeals', summary.appeals.newestAt);
  }

  function mergeKpi(sections: Partial<Summary>, time: number) {
    const prev = useWall.getState().summary;
    if (prev) setSummary({ ...prev, ...sections, time });
  }

  function applySnapshot<T extends Topic>(topic: T, snap: Snapshots[T], time: number) {
    switch (topic) {
      case 'kpi': setSummary(snap as Summary); break;
      case 'incidents':
        incidents.clear();
        for (const i of (snap as Snapshots['incidents']).items) incidents.set(i.id, i);
        publishIncidents();
        touchStream('incidents', time);
        break;
      case 'containers':
        containers.load(snap as Snapshots['containers']);
        touchStream('containers', time);
        break;
      case 'appeals':
        appeals.reset((snap as Snapshots['appeals']).items);
        break;
      case 'fleet':
        break; // positions come from the binary frames; the snapshot's names are for the console (issue 5)
    }
  }

  function applyDelta(d: Delta) {
    switch (d.topic) {
      case 'kpi': mergeKpi((d as Delta<'kpi'>).payload.sections, d.time); break;
      case 'incidents': {
        const p = (d as Delta<'incidents'>).payload;
        for (const i of p.upsert) incidents.set(i.id, i);
        for (const id of p.remove) incidents.delete(id);
        publishIncidents();
        touchStream('incidents', d.time);
        break;
      }
      case 'containers': {
        const p = (d as Delta<'containers'>).payload;
        containers.apply(p.added, p.changes);
        touchStream('containers', d.time);
        break;
      }
      case 'appeals': {
        const p = (d as Delta<'appeals'>).payload;
        appeals.apply(p.upsert, p.remove);
        break;
      }
      case 'fleet': break;
    }
  }

  function applySync(r: TopicSync) {
    if (r.mode === 'snapshot') applySnapshot(r.topic, r.snapshot, r.time);
    else for (const d of r.deltas) applyDelta(d);
    seq.set(r.topic, r.seq);
  }

  function subscribe(topics: readonly Topic[]) {
    const fresh = topics.filter((t) => !pending.has(t));
    if (!fresh.length) return;
    fresh.forEach((t) => pending.add(t));
    socket.timeout(10_000).emit(EVENTS.subscribe, { topics: fresh.map((topic) => ({ topic, since: seq.get(topic) })) },
      (err: Error | null, reply: SubscribeReply) => {
        fresh.forEach((t) => pending.delete(t));
        if (err || !reply.ok) { if (socket.connected) setTimeout(() => subscribe(fresh), 1000); return; }
        // the kpi snapshot must land before kpi deltas can merge into it
        for (const r of [...reply.results].sort((a, b) => (a.topic === 'kpi' ? -1 : b.topic === 'kpi' ? 1 : 0))) applySync(r);
        if (fresh.includes('kpi')) useWall.setState({ connection: 'online', offlineSince: null });
      });
  }

  socket.on('connect', () => {
    const before = options.beforeSubscribe?.(socket) ?? Promise.resolve();
    before.then(() => subscribe(TOPICS), () => { if (socket.connected) setTimeout(() => socket.disconnect().connect(), 2000); });
  });
  // the wall's mode changed: the server has moved this socket to the other rooms; everything is fetched anew
  socket.on(WALL_EVENTS.resubscribe, () => {
    seq.clear();
    pending.clear();
    subscribe(TOPICS);
  });
  socket.on(WALL_EVENTS.revoked, () => options.onUnpaired?.());
  socket.on('disconnect', () => {
    pending.clear();
    useWall.setState((s) => ({ connection: 'offline', offlineSince: s.offlineSince ?? Date.now() }));
  });
  socket.on('connect_error', (e: Error) => {
    if (e.message === UNPAIRED) { socket.close(); options.onUnpaired?.(); return; }
    useWall.setState((s) => ({ connection: 'offline', offlineSince: s.offlineSince ?? Date.now() }));
  });
  socket.on(EVENTS.hello, (h: Hello) => {
    if (typeof h?.time === 'number') useWall.setState({ clockOffset: h.time - Date.now() });
  });
  socket.on(EVENTS.delta, (raw: unknown) => {
    if (!isDelta(raw)) return;
    const last = seq.get(raw.topic);
    if (last === undefined || pending.has(raw.topic)) return; // a snapshot is on its way; it includes this change
    if (raw.seq <= last) return;
    if (raw.seq !== last + 1) { resyncs++; subscribe([raw.topic]); return; }
    seq.set(raw.topic, raw.seq);
    applyDelta(raw);
  });
  socket.on(EVENTS.fleetFrame, (bytes: ArrayBuffer | Uint8Array) => {
    fleet.apply(bytes, performance.now());
    if (fleet.frameTime !== null) useWall.setState({ clockOffset: fleet.frameTime - Date.now() });
    touchStream('fleet', fleet.newestFixAt);
  });

  return { fleet, containers, appeals, socket, resyncs: () => resyncs, stop: () => { socket.close(); } };
}
