// The ambulance fleet: teams on duty now against the same day last year, free against busy, arrivals within the
// target time, median arrival.
import { useWall } from '../store/wall-store';
import { Change } from '../ui/Change';
import { UsualMark } from '../ui/Usual';
import { Num } from '../ui/Num';
import { useFmt } from '../ui/use-fmt';
import { Loading } from './AppealsToday';
import { PanelFrame } from './PanelFrame';
import type { PanelProps } from './registry';

const STREAMS = ['kpi', 'fleet'] as const;

export function Fleet(_: PanelProps) {
  const fmt = useFmt();
  const f = useWall((s) => s.summary?.fleet);
  const holiday = useWall((st) => st.summary?.baseline.holiday != null);
  const busyShare = f && f.onDuty ? f.busy / f.onDuty : 0;
  return (
    <PanelFrame kind="fleet" streams={STREAMS} title={fmt.t('panel.fleet')} figures={['fleet.onDuty', 'fleet.status', 'fleet.calls', 'fleet.arrival']}>
      {f ? <>
        <div className="headline">
          <Num className="big" text={fmt.n(f.onDuty)} />
          <div className="headline-side">
            <span className="muted">{fmt.t('teamsOnDuty')}</span>
            {f.onDutyLastYear === null ? <span className="muted small">{fmt.t('lastYearUnknown')}</span>
              : <Change now={f.onDuty} before={f.onDutyLastYear} riseIsBad={false} absolute fmt={fmt} label={fmt.t('toLastYear')} />}
          </div>
        </div>
        <div className="split">
          <div className="split-bar"><div className="split-free" style={{ width: `${(1 - busyShare) * 100}%` }} /><div className="split-busy" style={{ width: `${busyShare * 100}%` }} /></div>
          <div className="pair small"><span><i className="sw sw-free" />{fmt.t('free')} <b>{fmt.n(f.free)}</b></span><span><i className="sw sw-busy" />{fmt.t('busy')} <b>{fmt.n(f.busy)}</b></span></div>
        </div>
        <div className="pair">
          <span><Num className={f.within20Share !== null && f.within20Share < 0.9 ? 'tone-warn-text' : 'tone-ok-text'} text={fmt.pct(f.within20Share)} /> <span className="small muted">{fmt.t('within20', { n: f.arrivalTargetMinutes })}</span></span>
          <span><Num text={f.medianArrivalMinutes === null ? '—' : `${fmt.n(f.medianArrivalMinutes)} ${fmt.t('min')}`} /> <span className="small muted">{fmt.t('medianArrival')}</span></span>
        </div>
        <div className="small muted">{fmt.t('callsToday')}: {fmt.n(f.callsToday)} · <UsualMark usual={f.callsUsual} riseIsBad fmt={fmt} holiday={holiday} /></div>
      </> : <Loading />}
    </PanelFrame>
  );
}
