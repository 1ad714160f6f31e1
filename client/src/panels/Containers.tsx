// Container sites: per operator, serviced today of the sites due by now (serviced today or past their sanitary limit),
// overflowing now, sites past the sanitary limit, and sites not serviced for over 24 h and 72 h.
import { shortNameOf } from '../i18n/lang';
import { useWall } from '../store/wall-store';
import { Bar } from '../ui/Bar';
import { Num } from '../ui/Num';
import { useFmt } from '../ui/use-fmt';
import { Loading } from './AppealsToday';
import { PanelFrame } from './PanelFrame';
import type { PanelProps } from './registry';

const STREAMS = ['kpi', 'containers'] as const;
const tone = (share: number | null) => (share === null || share >= 0.9 ? 'ok' : share >= 0.75 ? 'warn' : 'crit');

export function Containers(_: PanelProps) {
  const fmt = useFmt();
  const c = useWall((s) => s.summary?.containers);
  const ref = useWall((s) => s.reference);
  return (
    <PanelFrame kind="containers" streams={STREAMS} title={fmt.t('panel.containers')} figures={['containers.servicedTodayShare', 'containers.overflowing']}>
      {c && ref ? <>
        <div className="pair">
          <span><Num text={fmt.n(c.sites)} /> <span className="muted small">{fmt.t('sites')}</span></span>
          <span><Num className={c.overflowing ? 'tone-crit-text' : ''} text={fmt.n(c.overflowing)} /> <span className="muted small">{fmt.t('overflowing')}</span></span>
        </div>
        <div className="small muted">{fmt.t('servicedOfDue')} · {fmt.t(c.sanitaryLimit.days === 1 ? 'limitDaily' : 'limit3Days')}</div>
        <table className="rows bars">
          <tbody>
            {c.byOperator.map((o) => (
              <tr key={o.id} data-operator={o.id}>
                <td className="label">{shortNameOf(ref.operator.get(o.id), fmt.lang, o.id)}</td>
                <td className="barcell"><Bar share={o.servicedTodayShare ?? 0} tone={tone(o.servicedTodayShare)} /></td>
                <td className="value"><Num text={fmt.pct(o.servicedTodayShare)} /></td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="small tone-warn-text">{fmt.t('pastLimit')}: {fmt.n(c.pastLimit)} · {fmt.t('notServiced72')}: {fmt.n(c.notServiced72h)}</div>
      </> : <Loading />}
    </PanelFrame>
  );
}
