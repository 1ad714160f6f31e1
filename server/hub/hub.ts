// The live hub: what is true now (per topic), sequence numbers, and the deltas that move every screen from one
// state to the next. It knows nothing of sockets; the gateway listens to it.
import type { AppealRecord, ContainerSiteRecord, IncidentRecord, VehicleRecord } from '../domain/records';
import { HOUR } from '../domain/time';
import { containerChangesList, decodeContainerChanges, encodeContainerChanges, encodeContainerColumns } from '../protocol/container-columns';
import { decodeFleetFrame, encodeFleetFrame, type FleetFix } from '../protocol/fleet-frame';
import type { Delta, Snapshots, Topic } from '../protocol/live';
import type { Summary } from '../protocol/summary';
import { CONTAINER_STATUSES, VEHICLE_STATUSES, type AppealView, type ContainerChange, type ContainerSiteView, type IncidentView, type VehicleView } from '../protocol/views';
import { TopicLog } from './sequence';
import { appealView, containerView, incidentView, vehicleView } from './views';

export const APPEAL_WINDOW = 24 * HOUR;
export const RESOLVED_INCIDENT_WINDOW = 24 * HOUR;
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

/** Everything a hub holds, with the topics' sequence numbers: what a second server copies to mirror this one. */
export interface HubImage {
  seqs: Record<Topic, number>;
  frameSeq: number;
  lastTime: number;
  touched: [Topic, number][];
  appeals: AppealView[];
  incidents: IncidentView[];
  vehicles: VehicleView[];
  sites: ContainerSiteView[];
  kpi: Summary | null;
}

const hasFix = (v: VehicleView): v is VehicleView & FleetFix => v.lon !== null && v.lat !== null && v.fixAt !== null;

/** The indicators' sections (all but the time), each serialised, to tell which changed. */
const sectionsOf = (summary: Summary): Map<string, string> =>
  new Map(Object.entries(summary).filter(([k]) => k !== 'time').map(([k, v]) => [k, JSON.stringify(v)]));

export function createHub(municipalityIds: readonly string[], operatorIds: readonly string[]) {
  const logs = {
    appeals: new TopicLog('appeals', RING), incidents: new TopicLog('incidents', RING), fleet: new TopicLog('fleet', RING),
    containers: new TopicLog('containers', RING), kpi: new TopicLog('kpi', RING),
  };
  const listeners = new Set<HubListener>();
  const appeals = new Map<string, AppealView>();
  const incidents = new Map<string, IncidentView>();
  const vehicles = new Map<string, VehicleView>();
  const sites: ContainerSiteView[] = [];
  const siteIndex = new Map<string, number>();
  let containerCache: Snapshots['containers'] | null = null;
  let kpi: Summary | null = null;
  let kpiSections = new Map<string, string>();
  let frameSeq = 0;
  /** vehicle ids by index, for a follower taking the primary's frames (adoptFrame) */
  const viewByIndex: string[] = [];
  let lastTime = 0;
  const touched = new Map<Topic, number>();

  const emit = <T extends Topic>(topic: T, time: number, payload: Delta<T>['payload']) => {
    lastTime = Math.max(lastTime, time);
    touched.set(topic, time);
    const d = (logs[topic] as TopicLog<T>).append(time, payload);
    for (const l of listeners) l.delta(d as Delta);
  };

  /** Upserts records still inside their topic's window, drops those that left it, and sends one delta for both. */
  function applyWindowed<T extends 'appeals' | 'incidents', R extends { id: string }, V>(topic: T, state: Map<string, V>,
    records: readonly R[], now: number, keep: (r: R) => boolean, view: (r: R) => V): void {
    const upsert: V[] = [];
    const remove: string[] = [];
    for (const r of records) {
      if (keep(r)) {
        const v = view(r);
        state.set(r.id, v);
        upsert.push(v);
      } else if (state.delete(r.id)) remove.push(r.id);
    }
    if (upsert.length || remove.length) emit(topic, now, { upsert, remove } as Delta<T>['payload']);
  }

  const putVehicle = (v: VehicleRecord): VehicleView => {
    const view = vehicleView(v, vehicles.get(v.id)?.index ?? vehicles.size);
    vehicles.set(v.id, view);
    return view;
  };
  const putSite = (s: ContainerSiteRecord): ContainerSiteView => {
    const index = siteIndex.get(s.id) ?? sites.length;
    const view = containerView(s, index);
    sites[index] = view;
    siteIndex.set(s.id, index);
    containerCache = null;
    return view;
  };

  const hub = {
    /** Fills the state from the store at start, without deltas (no client is connected yet). */
    load(seed: HubSeed, now: number): void {
      for (const a of seed.appeals) if (a.receivedAt >= now - APPEAL_WINDOW) appeals.set(a.id, appealView(a));
      for (const i of seed.incidents) incidents.set(i.id, incidentView(i));
      for (const v of seed.vehicles) putVehicle(v);
      for (const s of seed.containers) putSite(s);
      lastTime = now;
    },
    listen(l: HubListener): () => void {
      listeners.add(l);
      return () => listeners.delete(l);
    },

    applyAppeals(records: readonly AppealRecord[], now: number): void {
      applyWindowed('appeals', appeals, records, now, (a) => a.receivedAt >= now - APPEAL_WINDOW, appealView);
    },
    applyIncidents(records: readonly IncidentRecord[], now: number): void {
      applyWindowed('incidents', incidents, records, now,
        (i) => i.status === 'active' || (i.resolvedAt ?? 0) >= now - RESOLVED_INCIDENT_WINDOW, incidentView);
    },
    /** Vehicles whose fix moved; a delta only for those that are new or changed status or callsign. */
    applyVehicles(records: readonly VehicleRecord[], now: number): void {
      const upsert: VehicleView[] = [];
      for (const v of records) {
        const before = vehicles.get(v.id);
        const view = putVehicle(v);
        if (!before || before.status !== view.status || before.callsign !== view.callsign || before.substation !== view.substation) {
          upsert.push(view);
        }
      }
      if (upsert.length) emit('fleet', now, { upsert });
    },
    applyContainers(records: readonly ContainerSiteRecord[], now: number): void {
      const added: ContainerSiteView[] = [];
      const changes: ContainerChange[] = [];
      for (const s of records) {
        const known = siteIndex.has(s.id);
        const view = putSite(s);
        if (known) changes.push({ index: view.index, fill: view.fill, status: view.status, servicedAt: view.servicedAt });
        else added.push(view);
      }
      if (added.length || changes.length) emit('containers', now, { added, changes: encodeContainerChanges(changes, now) });
    },
    /** Sends only the indicator sections that changed. */
    setKpi(summary: Summary): void {
      const next = sectionsOf(summary);
      const changed = [...next].filter(([k, v]) => kpiSections.get(k) !== v).map(([k]) => k);
      kpi = summary;
      kpiSections = next;
      if (changed.length === 0) return;
      const sections: Partial<Summary> = { time: summary.time };
      for (const k of changed) (sections as Record<string, unknown>)[k] = summary[k as keyof Summary];
      emit('kpi', summary.time, { sections });
    },
    /** Drops appeals and resolved incidents that left their windows. */
    prune(now: number): void {
      const oldAppeals = [...appeals.values()].filter((a) => a.receivedAt < now - APPEAL_WINDOW).map((a) => a.id);
      oldAppeals.forEach((id) => appeals.delete(id));
      if (oldAppeals.length) emit('appeals', now, { upsert: [], remove: oldAppeals });
      const oldIncidents = [...incidents.values()]
        .filter((i) => i.status === 'resolved' && (i.resolvedAt ?? 0) < now - RESOLVED_INCIDENT_WINDOW).map((i) => i.id);
      oldIncidents.forEach((id) => incidents.delete(id));
      if (oldIncidents.length) emit('incidents', now, { upsert: [], remove: oldIncidents });
    },

    seq: (topic: Topic): number => logs[topic].seq,
    since: (topic: Topic, seq: number): Delta[] | null => logs[topic].since(seq) as Delta[] | null,
    lastTime: () => lastTime,
    /** server time of the topic's last change in this run, or null */
    touched: (topic: Topic): number | null => touched.get(topic) ?? null,
    snapshot<T extends Topic>(topic: T): Snapshots[T] | null {
      const snapshots: { [K in Topic]: () => Snapshots[K] | null } = {
        appeals: () => ({ windowMs: APPEAL_WINDOW, items: [...appeals.values()] }),
        incidents: () => ({ items: [...incidents.values()] }),
        fleet: () => ({ vehicles: [...vehicles.values()] }),
        containers: () => (containerCache ??= {
          operators: [...operatorIds], statuses: CONTAINER_STATUSES, count: sites.length,
          municipalities: [...municipalityIds], columns: encodeContainerColumns({ sites, operators: operatorIds, municipalities: municipalityIds }),
        }),
        kpi: () => kpi,
      };
      return snapshots[topic]() as Snapshots[T] | null;
    },
    /** The whole state under its sequence numbers (for a mirror on another server). */
    image(): HubImage {
      return { seqs: Object.fromEntries(Object.entries(logs).map(([t, l]) => [t, l.seq])) as Record<Topic, number>, frameSeq, lastTime,
        touched: [...touched], appeals: [...appeals.values()], incidents: [...incidents.values()], vehicles: [...vehicles.values()],
        sites: [...sites], kpi };
    },
    /** Becomes a copy of another server's hub; connected screens are told nothing here (the caller asks them to
     *  resubscribe when their numbers may have changed). */
    loadImage(img: HubImage): void {
      appeals.clear(); incidents.clear(); vehicles.clear(); sites.length = 0; siteIndex.clear(); containerCache = null;
      viewByIndex.length = 0;
      for (const a of img.appeals) appeals.set(a.id, a);
      for (const i of img.incidents) incidents.set(i.id, i);
      for (const v of img.vehicles) vehicles.set(v.id, v);
      for (const site of img.sites) { sites[site.index] = site; siteIndex.set(site.id, site.index); }
      kpi = img.kpi;
      kpiSections = kpi ? sectionsOf(kpi) : new Map();
      for (const t of Object.keys(logs) as Topic[]) logs[t].reset(img.seqs[t]);
      touched.clear();
      for (const [t, at] of img.touched) touched.set(t, at);
      frameSeq = img.frameSeq;
      lastTime = img.lastTime;
    },
    /** Applies a delta made by another server's hub under its own number and passes it on to this server's
     *  listeners. 'old' = already had it; 'gap' = some were missed (the caller reloads the image). */
    adopt(d: Delta): 'applied' | 'old' | 'gap' {
      const log = logs[d.topic] as TopicLog<Topic>;
      if (d.seq <= log.seq) return 'old';
      if (d.seq !== log.seq + 1) return 'gap';
      switch (d.topic) {
        case 'appeals': case 'incidents': {
          const state = (d.topic === 'appeals' ? appeals : incidents) as Map<string, AppealView | IncidentView>;
          const p = d.payload as Delta<'appeals' | 'incidents'>['payload'];
          for (const v of p.upsert) state.set(v.id, v);
          for (const id of p.remove) state.delete(id);
          break;
        }
        case 'fleet':
          for (const v of (d.payload as Delta<'fleet'>['payload']).upsert) vehicles.set(v.id, v);
          break;
        case 'containers': {
          const p = d.payload as Delta<'containers'>['payload'];
          for (const site of p.added) { sites[site.index] = site; siteIndex.set(site.id, site.index); }
          for (const c of containerChangesList(decodeContainerChanges(p.changes))) { const site = sites[c.index]; if (site) sites[c.index] = { ...site, fill: c.fill, status: c.status, servicedAt: c.servicedAt }; }
          containerCache = null;
          break;
        }
        case 'kpi': {
          const sections = (d.payload as Delta<'kpi'>['payload']).sections;
          if (kpi) kpi = { ...kpi, ...sections };
          for (const [k, v] of Object.entries(sections)) if (k !== 'time') kpiSections.set(k, JSON.stringify(v));
          break;
        }
      }
      log.adopt(d);
      lastTime = Math.max(lastTime, d.time);
      touched.set(d.topic, d.time);
      for (const l of listeners) l.delta(d);
      return 'applied';
    },
    /** Takes another server's fleet frame: positions are updated for snapshots and the same bytes go on. */
    adoptFrame(bytes: Uint8Array): void {
      const f = decodeFleetFrame(bytes);
      // vehicle views by index, rebuilt only when the fleet's size changed since the last frame
      if (viewByIndex.length !== vehicles.size) {
        viewByIndex.length = 0;
        for (const v of vehicles.values()) viewByIndex[v.index] = v.id;
      }
      for (let i = 0; i < f.count; i++) {
        const id = viewByIndex[f.index[i]!];
        const v = id === undefined ? undefined : vehicles.get(id);
        if (!v) continue;
        const status = f.status[i]!;
        vehicles.set(v.id, { ...v, lon: f.lon[i]!, lat: f.lat[i]!, speedKmh: f.speedKmh[i] === 255 ? null : f.speedKmh[i]!,
          heading: Number.isNaN(f.heading[i]!) ? null : f.heading[i]!, status: VEHICLE_STATUSES[status] ?? v.status,
          fixAt: f.time - f.fixAgeS[i]! * 1000 });
      }
      frameSeq = f.seq;
      lastTime = Math.max(lastTime, f.time);
      for (const l of listeners) l.fleetFrame(bytes, f.time);
    },
    /** Encodes the whole fleet's latest fixes once and hands the frame to every listener. */
    tickFleet(now: number): Uint8Array | null {
      // the views themselves are the fixes (no object per vehicle per tick): a view with a position is a FleetFix
      const fixes: FleetFix[] = [];
      for (const v of vehicles.values()) if (hasFix(v)) fixes.push(v);
      if (fixes.length === 0) return null;
      const bytes = encodeFleetFrame(fixes, ++frameSeq, now);
      for (const l of listeners) l.fleetFrame(bytes, now);
      return bytes;
    },
    counts: () => ({ appeals: appeals.size, incidents: incidents.size, vehicles: vehicles.size, sites: sites.length }),
    vehicles: (): VehicleView[] => [...vehicles.values()],
    vehicle: (id: string): VehicleView | undefined => vehicles.get(id),
    sites: (): readonly ContainerSiteView[] => sites,
  };
  return hub;
}
export type Hub = ReturnType<typeof createHub>;
