// Where each live topic lands on a screen (server/topics/ says how a snapshot or delta is applied to its sink):
// positions, container statuses and appeal points in typed buffers the map reads; indicators and incidents in the
// store React panels read.
import type { Sinks } from '../../../server/topics';
import type { Summary } from '../../../server/protocol/summary';
import type { IncidentView } from '../../../server/protocol/views';
import { touchStream, useWall } from '../store/wall-store';
import type { AppealPoints } from './appeal-points';
import type { ContainerSites } from './container-sites';

/** The indicators as of their server time; the kpi stream and the newest appeal are heard from with them. */
function setSummary(summary: Summary): void {
  useWall.setState({ summary });
  touchStream('kpi', summary.time);
  touchStream('appeals', summary.appeals.newestAt);
}

function incidentsSink(): Sinks['incidents'] {
  const incidents = new Map<string, IncidentView>();
  const publish = (time: number) => {
    useWall.setState({ incidents: [...incidents.values()].sort((a, b) => b.reportedAt - a.reportedAt) });
    touchStream('incidents', time);
  };
  return {
    reset(items, time) { incidents.clear(); for (const i of items) incidents.set(i.id, i); publish(time); },
    apply(upsert, remove, time) { for (const i of upsert) incidents.set(i.id, i); for (const id of remove) incidents.delete(id); publish(time); },
  };
}

export function createSinks(buffers: { containers: ContainerSites; appeals: AppealPoints; fleetIndex: Map<string, number> }): Sinks {
  return {
    appeals: buffers.appeals,
    incidents: incidentsSink(),
    // positions come from the binary frames (EVENTS.fleetFrame); the names say which frame index is which team
    fleet: { names(vehicles) { for (const v of vehicles) buffers.fleetIndex.set(v.id, v.index); } },
    containers: {
      load(snap, time) { buffers.containers.load(snap); touchStream('containers', time); },
      apply(added, changes, time) { buffers.containers.apply(added, changes); touchStream('containers', time); },
    },
    kpi: {
      set: setSummary,
      merge(sections, time) { const prev = useWall.getState().summary; if (prev) setSummary({ ...prev, ...sections, time }); },
    },
  };
}
