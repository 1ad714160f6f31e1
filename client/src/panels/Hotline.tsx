// The single hotline: calls today against their usual value, the missed share and the median wait.
import { useWall } from '../store/wall-store';
import { UsualMark } from '../ui/Usual';
import { Num } from '../ui/Num';
import { useFmt } from '../ui/use-fmt';
import { Loading } from './AppealsToday';
import { PanelFrame } from './PanelFrame';
import type { PanelProps } from './registry';

const STREAMS = ['kpi'] as const;

export function Hotline(_: PanelProps) {
  const fmt = useFmt();
  const h = useWall((s) => s.summary?.hotline);
  const holiday = useWall((s) => s.summary?.baseline.holiday != null);
  return (
    <PanelFrame kind="hotline" streams={STREAMS} title={fmt.t('panel.hotline')} figures={['hotline.calls']}>
      {h ? <>
        <Num className="big" text={fmt.n(h.calls.today)} />
        <div className="muted small">{fmt.t('callsTodayHotline')} · <UsualMark usual={h.calls.usual} riseIsBad={false} fmt={fmt} holiday={holiday} /></div>
        <div className={h.missedShare !== null && h.missedShare > 0.05 ? 'tone-crit-text' : 'tone-ok-text'}>{fmt.t('missed')} <Num text={fmt.pct(h.missedShare, 1)} /></div>
        <div>{fmt.t('wait')} <Num text={h.medianWaitSeconds === null ? '—' : `${fmt.n(h.medianWaitSeconds)} ${fmt.t('sec')}`} /></div>
      </> : <Loading />}
    </PanelFrame>
  );
}
