// Every panel's frame: its name in small capitals, its data's age (or "no data since HH:MM" when stale) at the top
// right, and the data-panel / data-stale attributes tests and operators find it by.
import { useRef, useState, type ReactNode } from 'react';
import { useFitRows } from './fit-rows';
import type { FigureText } from '../../../server/protocol/summary';
import type { PanelKind, PanelStream } from '../../../server/protocol/layout';
import { asOf, isStale, serverNow, useWall } from '../store/wall-store';
import { useFmt } from '../ui/use-fmt';

function Freshness({ streams, stale }: { streams: readonly PanelStream[]; stale: boolean }) {
  const fmt = useFmt();
  const label = useWall((s) => {
    const at = asOf(s, streams);
    if (at === null) return fmt.t('noData');
    if (stale) return `${fmt.t('noDataSince')} ${fmt.hm(at)}`;
    return fmt.age((serverNow(s) - at) / 1000);
  });
  return <span className={`freshness ${stale ? 'freshness-stale' : ''}`}><i className="dot" />{label}</span>;
}

/** The definitions of the panel's figures as one text (the panel's hover title) and as a list (its ⓘ box). */
function useDefinitions(figures: readonly string[]): FigureText[] {
  const lang = useWall((s) => s.lang);
  const all = useWall((s) => s.summary?.definitions);
  return figures.flatMap((f) => (all?.[f] ? [all[f]![lang]] : []));
}

/** What the panel's figures count, over which window, against what: on hover everywhere, and an i that keeps it open
 *  on a tap where people work with the wall (the laptop layout). */
function ExplainButton({ open, toggle }: { open: boolean; toggle(): void }) {
  const fmt = useFmt();
  return <button type="button" className="explain-btn" aria-expanded={open} aria-label={fmt.t('explain')} onClick={toggle}>i</button>;
}

function ExplainBox({ defs, toggle }: { defs: FigureText[]; toggle(): void }) {
  const fmt = useFmt();
  return (
    <dl className="explain" data-explain="open" onClick={toggle}>
      {defs.map((d, k) => <div key={k}><dt>{fmt.t('defCounts')}</dt><dd>{d.counts}</dd><dt>{fmt.t('defWindow')}</dt><dd>{d.window}</dd>
        <dt>{fmt.t('defCompared')}</dt><dd>{d.compared}</dd></div>)}
    </dl>
  );
}

export function PanelFrame({ kind, streams, title, children, className, staleAlso, figures = [] }:
  { kind: PanelKind; streams: readonly PanelStream[]; title: string; children: ReactNode; className?: string;
    /** stale for a reason of the panel's own (a departmental value that stopped arriving) */
    staleAlso?: boolean;
    /** the ids of the figures it shows (server/domain/indicators/definitions.ts) */
    figures?: readonly string[] }) {
  const stale = useWall((s) => isStale(s, streams)) || staleAlso === true;
  const defs = useDefinitions(figures);
  const [open, setOpen] = useState(false);
  const explains = useWall((s) => s.layout?.id === 'laptop') && defs.length > 0;
  const toggle = () => setOpen(!open);
  const body = useRef<HTMLDivElement>(null);
  useFitRows(body);
  const hover = defs.map((d) => `${d.counts}. ${d.window}. ${d.compared}.`).join('\n');
  return (
    <section className={`panel panel-${kind} ${className ?? ''}`} data-panel={kind} data-stale={String(stale)}
      title={hover || undefined} data-defined={defs.length ? 'true' : 'false'}>
      <header className="panel-head">
        <h2>{title}{explains && <ExplainButton open={open} toggle={toggle} />}</h2>
        <Freshness streams={streams} stale={stale} />
      </header>
      {explains && open && <ExplainBox defs={defs} toggle={toggle} />}
      <div className="panel-body" ref={body}>{children}</div>
    </section>
  );
}
