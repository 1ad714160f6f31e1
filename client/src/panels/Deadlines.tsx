// Deadlines: of the appeals whose deadline fell in the window the share answered by it; open overdue "of which past the
// ceiling" (a subset, never a second count); the municipalities with the most overdue.
import { municipalityLabel } from '../i18n/lang';
import { useWall } from '../store/wall-store';
import { Gauge } from '../ui/Gauge';
import { Num } from '../ui/Num';
import { useFmt } from '../ui/use-fmt';
import { Loading } from './AppealsToday';
import { PanelFrame } from './PanelFrame';
import type { PanelProps } from './registry';

const STREAMS = ['kpi'] as const;

export function Deadlines({ options }: PanelProps) {
  const fmt = useFmt();
  const d = useWall((s) => s.summary?.deadlines);
  const worst = useWall((s) => s.summary?.ranking.byOverdue);
  const ref = useWall((s) => s.reference);
  return (
    <PanelFrame kind="deadlines" streams={STREAMS} title={fmt.t('panel.deadlines')} figures={['deadlines.onTimeShare', 'deadlines.openOverdue']}>
      {d && worst && ref ? <>
        <Gauge share={d.onTimeShare} good={0.9} warn={0.75} label={fmt.pct(d.onTimeShare)} />
        <div className="center small muted">{fmt.t('onTime')} {fmt.t('windowDays', { n: d.windowDays })}</div>
        <div className="pair">
          <span><Num className={d.openOverdue > 0 ? 'tone-crit-text' : ''} text={fmt.n(d.openOverdue)} /> {fmt.t('overdueOpen')}</span>
          <span className="muted small" data-figure="past-ceiling">{fmt.t('ofWhichPastCeiling')}: {fmt.n(d.openPastCeiling)}</span>
        </div>
        <ol className="worst small" data-fit>
          {worst.filter((w) => w.openOverdue > 0).slice(0, options.rows ?? 3).map((w) => (
            <li key={w.id}><span>{municipalityLabel(ref.municipality.get(w.id), fmt.lang, w.id)}</span><b>{fmt.n(w.openOverdue)}</b></li>
          ))}
        </ol>
      </> : <Loading />}
    </PanelFrame>
  );
}
