// Appeals today: the total and each channel, each against its usual value for this weekday and time of day (marked
// only when outside the usual range); yesterday by this hour as a secondary figure.
import { shortNameOf } from '../i18n/lang';
import { useWall } from '../store/wall-store';
import { UsualMark } from '../ui/Usual';
import { Num } from '../ui/Num';
import { useFmt } from '../ui/use-fmt';
import { PanelFrame } from './PanelFrame';
import type { PanelProps } from './registry';

export const APPEALS_STREAMS = ['kpi'] as const;

export function AppealsToday(_: PanelProps) {
  const fmt = useFmt();
  const appeals = useWall((s) => s.summary?.appeals);
  const ref = useWall((s) => s.reference);
  const holiday = useWall((s) => s.summary?.baseline.holiday != null);
  return (
    <PanelFrame kind="appeals-today" streams={APPEALS_STREAMS} title={fmt.t('panel.appeals-today')} figures={['appeals.total', 'appeals.byChannel']}>
      {appeals && ref ? <>
        <div className="headline">
          <Num className="big" text={fmt.n(appeals.total.today)} />
          <div className="headline-side">
            <UsualMark usual={appeals.total.usual} riseIsBad fmt={fmt} holiday={holiday} />
            <span className="muted small">{fmt.t('yesterdayWas')}: {fmt.n(appeals.total.yesterdaySameTime)}</span>
          </div>
        </div>
        <table className="rows">
          <tbody>
            {appeals.byChannel.map((c) => (
              <tr key={c.id} data-channel={c.id}>
                <td className="label">{shortNameOf(ref.channel.get(c.id), fmt.lang, c.id)}</td>
                <td className="value"><Num text={fmt.n(c.today)} /></td>
                <td className="cmp"><UsualMark usual={c.usual} riseIsBad fmt={fmt} holiday={holiday} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      </> : <Loading />}
    </PanelFrame>
  );
}

export function Loading() {
  const fmt = useFmt();
  return <div className="loading muted">{fmt.t('loading')}</div>;
}
