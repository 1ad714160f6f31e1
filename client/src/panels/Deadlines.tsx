// Deadlines: the share answered within the deadline over the window, the open overdue count, the worst municipalities.
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
    <PanelFrame kind="deadlines" streams={STREAMS} title={fmt.t('panel.deadlines')}>
      {d && worst && ref ? <>
        <Gauge share={d.onTimeShare} good={0.9} warn={0.75} label={fmt.pct(d.onTimeShare)} />
        <div className="center small muted">{fmt.t('onTime')} {fmt.t('windowDays', { n: d.windowDays })}</div>
        <div className="pair">
          <span><Num className={d.openOverdue > 0 ? 'tone-crit-text' : ''} text={fmt.n(d.openOverdue)} /> {fmt.t('overdueOpen')}</span>
          <span className="muted small">{fmt.n(d.openPastCeiling)} {fmt.t('pastCeiling')}</span>
        </div>
        <ol className="worst small">
          {worst.filter((w) => w.openOverdue > 0).slice(0, options.rows ?? 3).map((w) => (
            <li key={w.id}><span>{municipalityLabel(ref.municipality.get(w.id), fmt.lang, w.id)}</span><b>{fmt.n(w.openOverdue)}</b></li>
          ))}
        </ol>
      </> : <Loading />}
    </PanelFrame>
  );
}
