// The year's appeals for a delegation: how many came since 1 January against the same days last year, the share
// answered on time, and each channel's two years side by side (GET /api/summary/year).
import { shortNameOf } from '../i18n/lang';
import { useWall } from '../store/wall-store';
import { useFmt } from '../ui/use-fmt';
import { PairedBars } from '../year/PairedBars';
import { YearFigure, YearHead } from '../year/parts';
import { useYear } from '../year/year-store';
import { Loading } from './AppealsToday';
import { PanelFrame } from './PanelFrame';
import type { PanelProps } from './registry';

const STREAMS = ['kpi'] as const;

export function YearAppeals(_: PanelProps) {
  const fmt = useFmt();
  const { year: y, error } = useYear();
  const ref = useWall((s) => s.reference);
  const last = y?.lastYearPeriod.to.slice(0, 4) ?? '';
  // a month's count in thousands ("30.9K", "30,9 тыс."): twelve full numbers side by side would run together
  const compact = new Intl.NumberFormat(fmt.lang === 'ru' ? 'ru-RU' : 'en-GB', { notation: 'compact', maximumFractionDigits: 1 });
  const month = new Intl.DateTimeFormat(fmt.lang === 'ru' ? 'ru-RU' : 'en-GB', { month: 'short', timeZone: 'UTC' });
  return (
    <PanelFrame kind="year-appeals" streams={STREAMS} title={fmt.t('panel.yearAppeals')} figures={['year.appeals', 'year.onTime']}>
      {y && ref ? <div className="year">
        <YearHead y={y} fmt={fmt} group="appeals" />
        <div className="year-figures">
          <YearFigure figure="year-appeals" c={y.appeals.total} label={fmt.t('yearAppealsLabel')} fmt={fmt} format={fmt.n} riseIsBad={null} absolute={false} lastYearLabel={last} />
          <YearFigure figure="year-on-time" c={y.appeals.onTimeShare} label={fmt.t('yearOnTime')} fmt={fmt} format={(v) => fmt.pct(v)} riseIsBad={false} lastYearLabel={last} />
        </div>
        <PairedBars format={fmt.n} pairs={y.appeals.byChannel.map((c) => ({ ...c, label: shortNameOf(ref.channel.get(c.id), fmt.lang, c.id) }))} />
        <h3 className="year-sub">{fmt.t('yearAppealsByMonth')}</h3>
        <PairedBars vertical format={(v) => compact.format(v)} pairs={y.appeals.byMonth.map((m) => ({ id: String(m.month), label: month.format(Date.UTC(2001, m.month - 1, 15)), value: m.value, lastYear: m.lastYear }))} />
      </div> : error ? <div className="muted" role="alert">{error}</div> : <Loading />}
    </PanelFrame>
  );
}
