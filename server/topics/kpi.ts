// The indicators (protocol/summary.ts), computed once on the server; a delta carries only the sections that changed.
import type { Summary } from '../protocol/summary';
import { defineTopic } from './topic';

export interface KpiPayload { sections: Partial<Summary> }
export interface KpiSink { set(summary: Summary): void; merge(sections: Partial<Summary>, time: number): void }

/** The indicators' sections (all but the time), each serialised, to tell which changed. */
const sectionsOf = (summary: Summary): Map<string, string> =>
  new Map(Object.entries(summary).filter(([k]) => k !== 'time').map(([k, v]) => [k, JSON.stringify(v)]));

function kpiState() {
  let kpi: Summary | null = null;
  let sections = new Map<string, string>();
  return {
    /** The new indicators; the sections that changed as a delta, or null. */
    set(summary: Summary): KpiPayload | null {
      const next = sectionsOf(summary);
      const changed = [...next].filter(([k, v]) => sections.get(k) !== v).map(([k]) => k);
      kpi = summary;
      sections = next;
      if (!changed.length) return null;
      const out: Partial<Summary> = { time: summary.time };
      for (const k of changed) (out as Record<string, unknown>)[k] = summary[k as keyof Summary];
      return { sections: out };
    },
    /** null until the indicators were computed once (the gateway computes them on demand then) */
    snapshot: (): Summary | null => kpi,
    merge(p: KpiPayload): void {
      if (kpi) kpi = { ...kpi, ...p.sections };
      for (const [k, v] of Object.entries(p.sections)) if (k !== 'time') sections.set(k, JSON.stringify(v));
    },
    image: (): Summary | null => kpi,
    load(image: Summary | null): void { kpi = image; sections = image ? sectionsOf(image) : new Map(); },
  };
}

export const kpi = defineTopic({
  state: kpiState,
  visitor: {
    // aggregates only (counts, shares, medians per municipality, channel and operator): nothing to take out
    snapshot: (s: Summary | null) => s,
    delta: (p: KpiPayload) => p,
  },
  client: {
    snapshot: (sink: KpiSink, s) => { if (s) sink.set(s); },
    delta: (sink, p, time) => sink.merge(p.sections, time),
  },
});
