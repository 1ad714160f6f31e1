// Appeals today: the total and each channel, each against the same time yesterday.
import { shortNameOf } from '../i18n/lang';
import { useWall } from '../store/wall-store';
import { Change } from '../ui/Change';
import { Num } from '../ui/Num';
import { useFmt } from '../ui/use-fmt';
import { PanelFrame } from './PanelFrame';
import type { PanelProps } from './registry';

export const APPEALS_STREAMS = ['kpi'] as const;

export function AppealsToday(_: PanelProps) {
  const fmt = useFmt();
  const appeals = useWall((s) => s.summary?.appeals);
  const ref = useWall((s) => s.reference);
  return (
    <PanelFrame kind="appeals-today" streams={APPEALS_STREAMS} title={fmt.t('panel.appeals-today')}>
      {appeals && ref ? <>
        <div className="headline">
          <Num className="big" text={fmt.n(appeals.total.today)} />
          <div className="headline-side">
            <Change now={appeals.total.today} before={appeals.total.yesterdaySameTime} riseIsBad fmt={fmt} label={fmt.t('toYesterday')} />
            <span className="muted small">{fmt.t('yesterdayWas')}: {fmt.n(appeals.total.yesterdaySameTime)}</span>
          </div>
        </div>
        <table className="rows">
          <tbody>
            {appeals.byChannel.map((c) => (
              <tr key={c.id} data-channel={c.id}>
                <td className="label">{shortNameOf(ref.channel.get(c.id), fmt.lang, c.id)}</td>
                <td className="value"><Num text={fmt.n(c.today)} /></td>
                <td className="cmp"><Change now={c.today} before={c.yesterdaySameTime} riseIsBad fmt={fmt} /></td>
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
