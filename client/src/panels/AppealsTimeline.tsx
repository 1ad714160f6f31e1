// Appeals per hour today in front of the usual band (this hour's usual range on the same weekday over the baseline
// weeks), with yesterday as a faint line.
import { useWall } from '../store/wall-store';
import { Curve } from '../ui/Curve';
import { useFmt } from '../ui/use-fmt';
import { APPEALS_STREAMS, Loading } from './AppealsToday';
import { PanelFrame } from './PanelFrame';
import type { PanelProps } from './registry';

export function AppealsTimeline(_: PanelProps) {
  const fmt = useFmt();
  const hourly = useWall((s) => s.summary?.appeals.hourly);
  const time = useWall((s) => s.summary?.time ?? 0);
  return (
    <PanelFrame kind="appeals-timeline" streams={APPEALS_STREAMS} title={fmt.t('panel.appeals-timeline')} figures={['appeals.hourly']}>
      {hourly ? <>
        <Curve band={hourly.usual ? { low: hourly.usual.low, high: hourly.usual.high, className: 'series-usual' } : undefined} series={[
          { values: hourly.yesterday, className: 'series-yesterday' },
          { values: hourly.today.slice(0, fmt.hour(time) + 1), className: 'series-today' },
        ]} />
        <div className="curve-legend small">
          <span className="key key-today">{fmt.t('today')}</span>
          <span className="key key-yesterday">{fmt.t('yesterday')}</span>
          {hourly.usual && <span className="key key-usual">{fmt.t('usualBand')}</span>}
        </div>
      </> : <Loading />}
    </PanelFrame>
  );
}
