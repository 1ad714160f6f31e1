// Every panel's frame: its name in small capitals, its data's age (or "no data since HH:MM" when stale) at the top
// right, and the data-panel / data-stale attributes tests and operators find it by.
import type { ReactNode } from 'react';
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

export function PanelFrame({ kind, streams, title, children, className, staleAlso }:
  { kind: PanelKind; streams: readonly PanelStream[]; title: string; children: ReactNode; className?: string;
    /** stale for a reason of the panel's own (a departmental value that stopped arriving) */
    staleAlso?: boolean }) {
  const stale = useWall((s) => isStale(s, streams)) || staleAlso === true;
  return (
    <section className={`panel panel-${kind} ${className ?? ''}`} data-panel={kind} data-stale={String(stale)}>
      <header className="panel-head">
        <h2>{title}</h2>
        <Freshness streams={streams} stale={stale} />
      </header>
      <div className="panel-body">{children}</div>
    </section>
  );
}
