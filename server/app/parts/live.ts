// The live state and what feeds and derives it: the hub (loaded from the store by the writer; a follower copies the
// primary's), the ingest pipeline every producer goes through, and the periodic jobs (indicators, fleet frame,
// records, retention) that run while the server does.
import type { FastifyInstance } from 'fastify';
import type { Config } from '../../config/config';
import type { Reference } from '../../reference/load';
import type { Store } from '../../store';
import { createHub, APPEAL_WINDOW, RESOLVED_INCIDENT_WINDOW } from '../../hub/hub';
import { createIngest } from '../../ingest/pipeline';
import { createJobs } from '../../jobs';
import { computeSummary } from '../../domain/indicators';
import { createMoments } from '../../history/moments';
import type { Log } from './data';

export interface LiveDeps { config: Config; reference: Reference; store: Store; primary: boolean; now: () => number; log: Log }

export function livePart(app: FastifyInstance, { config, reference, store, primary, now, log }: LiveDeps) {
  const hub = createHub(reference.municipalities.map((m) => m.id), reference.operators.map((o) => o.id), (msg, extra) => app.log.error(extra ?? {}, msg));
  const t0 = now();
  if (primary) hub.load({
    appeals: store.appeals.receivedSince(t0 - APPEAL_WINDOW), incidents: store.incidents.live(t0 - RESOLVED_INCIDENT_WINDOW),
    vehicles: store.fleet.all(), containers: store.containers.all(),
  }, t0);
  const ingest = createIngest({ store, hub, reference, now, timezone: config.timezone, outOfRegion: config.outOfRegion });
  const compute = (t: number) => computeSummary(store, reference, hub, t, config.timezone, { deadlineWindowDays: config.deadlineWindowDays });
  const jobs = createJobs({ store, hub, ingest, config, now, log, computeSummary: compute });
  ingest.onCommit(() => jobs.markDirty());
  app.addHook('preClose', async () => { jobs.stop(); });
  // the indicators: computed here on a single server or the primary; a follower shows the primary's copy
  const summary = () => (primary ? jobs.summary() : (hub.snapshot('kpi') ?? compute(now())));
  // past moments, recomputed from the store (time travel)
  const moments = createMoments(store, reference, config);
  return { hub, ingest, jobs, summary, moments };
}
