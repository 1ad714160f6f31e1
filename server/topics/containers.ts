// ~24,000 container sites: the snapshot as binary columns (site i is index i), changes as a binary block of a few
// bytes each (protocol/container-columns.ts); one changed site never re-sends the others.
import type { ContainerSiteRecord } from '../domain/records';
import { containerView } from '../hub/views';
import { containerChangesList, decodeContainerChanges, encodeContainerChanges, encodeContainerColumns } from '../protocol/container-columns';
import { CONTAINER_STATUSES, type ContainerChange, type ContainerSiteView } from '../protocol/views';
import { defineTopic, type Redact, type TopicContext } from './topic';

/** 24,000 sites as binary columns (see container-columns.ts); site i is index i. */
export interface ContainersSnapshot {
  operators: string[];
  statuses: readonly string[];
  count: number;
  municipalities: string[];
  /** municipality index per site, as a Uint16 column inside `columns` */
  columns: Uint8Array;
}
/** changes: binary columns, see encodeContainerChanges in container-columns.ts */
export interface ContainersPayload { added: ContainerSiteView[]; changes: Uint8Array }
export interface ContainersSink {
  load(snap: ContainersSnapshot, time: number): void;
  apply(added: readonly ContainerSiteView[], changes: Uint8Array, time: number): void;
}

// a registry's site id may be an operator's ticket number: visitors get an opaque one
const visitorSite = (r: Redact) => (s: ContainerSiteView): ContainerSiteView => ({ ...s, id: r.opaque('c', s.id) });

function containersState({ municipalityIds, operatorIds }: TopicContext) {
  const sites: ContainerSiteView[] = [];
  const index = new Map<string, number>();
  let cache: ContainersSnapshot | null = null;
  const put = (s: ContainerSiteRecord): ContainerSiteView => {
    const i = index.get(s.id) ?? sites.length;
    const view = containerView(s, i);
    sites[i] = view;
    index.set(s.id, i);
    cache = null;
    return view;
  };
  const place = (view: ContainerSiteView) => { sites[view.index] = view; index.set(view.id, view.index); cache = null; };
  return {
    sites: (): readonly ContainerSiteView[] => sites,
    seed(records: readonly ContainerSiteRecord[]): void { records.forEach(put); },
    apply(records: readonly ContainerSiteRecord[], now: number): ContainersPayload | null {
      const added: ContainerSiteView[] = [];
      const changes: ContainerChange[] = [];
      for (const s of records) {
        const known = index.has(s.id);
        const view = put(s);
        if (known) changes.push({ index: view.index, fill: view.fill, status: view.status, servicedAt: view.servicedAt });
        else added.push(view);
      }
      return added.length || changes.length ? { added, changes: encodeContainerChanges(changes, now) } : null;
    },
    count: () => sites.length,
    snapshot: (): ContainersSnapshot => (cache ??= {
      operators: [...operatorIds], statuses: CONTAINER_STATUSES, count: sites.length, municipalities: [...municipalityIds],
      columns: encodeContainerColumns({ sites, operators: operatorIds, municipalities: municipalityIds }),
    }),
    merge(p: ContainersPayload): void {
      p.added.forEach(place);
      for (const c of containerChangesList(decodeContainerChanges(p.changes))) {
        const site = sites[c.index];
        if (site) sites[c.index] = { ...site, fill: c.fill, status: c.status, servicedAt: c.servicedAt };
      }
      cache = null;
    },
    image: (): ContainerSiteView[] => [...sites],
    load(list: readonly ContainerSiteView[]): void { sites.length = 0; index.clear(); list.forEach(place); },
  };
}

export const containers = defineTopic({
  state: containersState,
  visitor: {
    snapshot: (snap: ContainersSnapshot) => snap, // positions, operators and statuses of public sites: no ids in it
    delta: (p: ContainersPayload, r) => ({ added: p.added.map(visitorSite(r)), changes: p.changes }),
  },
  client: {
    snapshot: (sink: ContainersSink, snap, time) => sink.load(snap, time),
    delta: (sink, p, time) => sink.apply(p.added, p.changes, time),
  },
});
