// The simulator never stops the server: a batch the pipeline refuses is sent again in halves until the refused items
// stand alone; they are skipped, logged with the reason and counted (GET /healthz, `simulator.refused`), and everything else goes in.
// A refusal means the simulator's plan disagrees with what is stored (another seed, other boundaries): the stored past
// stays as it is.
import { IngestError } from '../ingest/errors';
import type { Ingest } from '../ingest/pipeline';
import type { AppealIn, ContainerIn, IncidentIn, MetricIn, PositionIn } from '../ingest/schemas';

type Kinds = { appeals: AppealIn; incidents: IncidentIn; metrics: MetricIn; positions: PositionIn; containers: ContainerIn };

export interface RefusalStats { refused: number; last: { at: number; kind: string; reason: string } | null }

export function guardedIngest(ingest: Ingest, source: string, now: () => number, log: (msg: string, extra?: Record<string, unknown>) => void) {
  const stats: RefusalStats = { refused: 0, last: null };
  let logged = 0;
  function refuse(kind: string, e: IngestError): void {
    stats.refused++;
    stats.last = { at: now(), kind, reason: e.message };
    // the first refusals in full, then every hundredth: a plan at odds with a whole history would flood the log
    if (logged++ < 20 || stats.refused % 100 === 0) log('simulator: item refused, skipped', { kind, reason: e.message, refused: stats.refused });
  }
  /** Sends a batch; a refused one is halved until the refused items stand alone (a few transactions, not one each). */
  function send<K extends keyof Kinds>(kind: K, items: readonly Kinds[K][]): void {
    if (!items.length) return;
    const run = ingest[kind] as (items: readonly Kinds[K][], source: string) => unknown;
    try { run(items, source); return; } catch (e) {
      if (!(e instanceof IngestError)) throw e;
      if (items.length === 1) { refuse(kind, e); return; }
    }
    const half = Math.ceil(items.length / 2);
    send(kind, items.slice(0, half));
    send(kind, items.slice(half));
  }
  return { send, stats };
}
export type GuardedIngest = ReturnType<typeof guardedIngest>;
