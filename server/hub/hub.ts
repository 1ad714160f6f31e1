// The live hub: what is true now (per topic), sequence numbers, and the deltas that move every screen from one
// state to the next. Generic over the topics (server/topics/): each topic keeps its own state; the hub numbers its
// changes, keeps the recent ones for "since N", and tells its listeners. It knows nothing of sockets.
import { randomBytes } from 'node:crypto';
import type { AppealRecord, ContainerSiteRecord, IncidentRecord, VehicleRecord } from '../domain/records';
import type { Delta, Deltas, Snapshots, Topic } from '../protocol/live';
import type { Summary } from '../protocol/summary';
import type { ContainerSiteView, VehicleView } from '../protocol/views';
import { TOPIC_DEFS, TOPICS, type Images, type States } from '../topics';
import { APPEAL_WINDOW } from '../topics/appeals';
import { RESOLVED_INCIDENT_WINDOW } from '../topics/incidents';
import { TopicLog } from './sequence';

export { APPEAL_WINDOW, RESOLVED_INCIDENT_WINDOW };
const RING = 2000;

export interface HubListener {
  delta(d: Delta): void;
  fleetFrame(bytes: Uint8Array, time: number): void;
}

export interface HubSeed {
  appeals: AppealRecord[];
  incidents: IncidentRecord[];
  vehicles: VehicleRecord[];
  containers: ContainerSiteRecord[];
}

/** Everything a hub holds, with its run and the topics' sequence numbers: what a second server copies. */
export interface HubImage {
  run: string;
  seqs: Record<Topic, number>;
  frameSeq: number;
  lastTime: number;
  touched: [Topic, number][];
  topics: Images;
}

/** A new server run's id: sequence numbers restart with it, so a client's "since N" is only good within one. */
const newRun = (): string => `${Date.now().toString(36)}-${randomBytes(6).toString('base64url')}`;

function topicStates(municipalityIds: readonly string[], operatorIds: readonly string[]): States {
  const ctx = { municipalityIds, operatorIds };
  return Object.fromEntries(TOPICS.map((t) => [t, TOPIC_DEFS[t].state(ctx)])) as States;
}

// The correlated types of one topic's state and payload cannot be followed through a union by TypeScript; these two
// helpers are the only places that say "the payload of topic T goes to the state of topic T".
type Merge = { merge(p: unknown): void; image(): unknown; load(i: unknown): void };
const generic = (s: States[Topic]): Merge => s as unknown as Merge;

/** Where a listener's failure is reported; the other listeners are told all the same (a screen never misses a delta
 *  because an alarm rule threw). */
export type HubErrorLog = (msg: string, extra?: Record<string, unknown>) => void;

export function createHub(municipalityIds: readonly string[], operatorIds: readonly string[], log: HubErrorLog = () => undefined) {
  const states = topicStates(municipalityIds, operatorIds);
  const logs = Object.fromEntries(TOPICS.map((t) => [t, new TopicLog(t, RING)])) as { [K in Topic]: TopicLog<K> };
  const listeners = new Set<HubListener>();
  const tell = (fn: (l: HubListener) => void) => {
    for (const l of listeners) {
      try { fn(l); } catch (e) { log('hub: a listener failed', { error: (e as Error).stack ?? String(e) }); }
    }
  };
  let run = newRun();
  let frameSeq = 0;
  let lastTime = 0;
  const touched = new Map<Topic, number>();

  const emit = <T extends Topic>(topic: T, time: number, payload: Deltas[T]) => {
    lastTime = Math.max(lastTime, time);
    touched.set(topic, time);
    const d = logs[topic].append(time, payload);
    tell((l) => l.delta(d as Delta));
  };
  /** Runs a change on one topic's state; a payload it returns becomes that topic's next delta. */
  const change = <T extends Topic>(topic: T, time: number, fn: (state: States[T]) => Deltas[T] | null): void => {
    const p = fn(states[topic]);
    if (p) emit(topic, time, p);
  };

  const hub = {
    change,
    /** one topic's state, for reads (hub.state('fleet').vehicles...) */
    state: <T extends Topic>(topic: T): States[T] => states[topic],
    /** this run's id (on a follower: the primary's) */
    run: (): string => run,
    /** Fills the state from the store at start, without deltas (no client is connected yet). */
    load(seed: HubSeed, now: number): void {
      states.appeals.seed(seed.appeals, now);
      states.incidents.seed(seed.incidents);
      states.fleet.seed(seed.vehicles);
      states.containers.seed(seed.containers);
      lastTime = now;
    },
    listen(l: HubListener): () => void {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    applyAppeals: (records: readonly AppealRecord[], now: number) => change('appeals', now, (s) => s.apply(records, now)),
    applyIncidents: (records: readonly IncidentRecord[], now: number) => change('incidents', now, (s) => s.apply(records, now)),
    applyVehicles: (records: readonly VehicleRecord[], now: number) => change('fleet', now, (s) => s.apply(records)),
    applyContainers: (records: readonly ContainerSiteRecord[], now: number) => change('containers', now, (s) => s.apply(records, now)),
    /** Sends only the indicator sections that changed. */
    setKpi: (summary: Summary) => change('kpi', summary.time, (s) => s.set(summary)),
    /** Drops appeals and resolved incidents that left their windows. */
    prune(now: number): void {
      change('appeals', now, (s) => s.prune(now));
      change('incidents', now, (s) => s.prune(now));
    },
    seq: (topic: Topic): number => logs[topic].seq,
    since: (topic: Topic, seq: number): Delta[] | null => logs[topic].since(seq) as Delta[] | null,
    lastTime: () => lastTime,
    /** server time of the topic's last change in this run, or null */
    touched: (topic: Topic): number | null => touched.get(topic) ?? null,
    snapshot: <T extends Topic>(topic: T): Snapshots[T] => states[topic].snapshot() as Snapshots[T],
    /** The whole state under its run and sequence numbers (for a mirror on another server). */
    image(): HubImage {
      return { run, seqs: Object.fromEntries(TOPICS.map((t) => [t, logs[t].seq])) as Record<Topic, number>, frameSeq, lastTime,
        touched: [...touched], topics: Object.fromEntries(TOPICS.map((t) => [t, generic(states[t]).image()])) as Images };
    },
    /** Becomes a copy of another server's hub, its run included; the caller asks screens to resubscribe. */
    loadImage(img: HubImage): void {
      for (const t of TOPICS) { generic(states[t]).load(img.topics[t]); logs[t].reset(img.seqs[t]); }
      touched.clear();
      for (const [t, at] of img.touched) touched.set(t, at);
      run = img.run;
      frameSeq = img.frameSeq;
      lastTime = img.lastTime;
    },
    /** Applies a delta made by another server's hub under its own number and passes it on to this server's
     *  listeners. 'old' = already had it; 'gap' = some were missed (the caller reloads the image). */
    adopt(d: Delta): 'applied' | 'old' | 'gap' {
      const log = logs[d.topic] as TopicLog<Topic>;
      if (d.seq <= log.seq) return 'old';
      if (d.seq !== log.seq + 1) return 'gap';
      generic(states[d.topic]).merge(d.payload);
      log.adopt(d);
      lastTime = Math.max(lastTime, d.time);
      touched.set(d.topic, d.time);
      tell((l) => l.delta(d));
      return 'applied';
    },
    /** Takes another server's fleet frame: positions are updated for snapshots and the same bytes go on. */
    adoptFrame(bytes: Uint8Array): void {
      const f = states.fleet.adoptFrame(bytes);
      frameSeq = f.seq;
      lastTime = Math.max(lastTime, f.time);
      tell((l) => l.fleetFrame(bytes, f.time));
    },
    /** Encodes the whole fleet's latest fixes once and hands the frame to every listener. */
    tickFleet(now: number): Uint8Array | null {
      const bytes = states.fleet.frame(frameSeq + 1, now);
      if (!bytes) return null;
      frameSeq++;
      tell((l) => l.fleetFrame(bytes, now));
      return bytes;
    },
    counts: () => ({ appeals: states.appeals.count(), incidents: states.incidents.count(), vehicles: states.fleet.count(), sites: states.containers.count() }),
    vehicles: (): VehicleView[] => [...states.fleet.vehicles.values()],
    vehicle: (id: string): VehicleView | undefined => states.fleet.vehicles.get(id),
    sites: (): readonly ContainerSiteView[] => states.containers.sites(),
  };
  return hub;
}
export type Hub = ReturnType<typeof createHub>;
