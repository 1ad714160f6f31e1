// The year's ambulance service for a delegation: teams on duty a day against last year (the seeds' "30 more teams
// on the road every day"), month by month, calls a day and arrivals within 20 minutes (GET /api/summary/year).
import { useFmt } from '../ui/use-fmt';
import { PairedBars } from '../year/PairedBars';
import { YearFigure, YearHead } from '../year/parts';
import { useYear } from '../year/year-store';
import { Loading } from './AppealsToday';
import { PanelFrame } from './PanelFrame';
import type { PanelProps } from './registry';

const STREAMS = ['kpi'] as const;

export function YearFleet(_: PanelProps) {
  const fmt = useFmt();
  const { year: y, error } = useYear();
  const last = y?.lastYearPeriod.to.slice(0, 4) ?? '';
  const month = new Intl.DateTimeFormat(fmt.lang === 'ru' ? 'ru-RU' : 'en-GB', { month: 'short', timeZone: 'UTC' });
  return (
    <PanelFrame kind="year-fleet" streams={STREAMS} title={fmt.t('panel.yearFleet')} figures={['year.fleet', 'year.calls']}>
      {y ? <div className="year">
        <YearHead y={y} fmt={fmt} group="fleet" />
        <div className="year-figures year-figures-3">
          <YearFigure figure="year-teams" c={y.fleet.onDutyPerDay} label={fmt.t('yearTeams')} fmt={fmt} format={(v) => fmt.n(Math.round(v))} riseIsBad={false} absolute lastYearLabel={last} />
          <YearFigure figure="year-calls" c={y.fleet.callsPerDay} label={fmt.t('yearCalls')} fmt={fmt} format={(v) => fmt.n(Math.round(v))} riseIsBad={null} absolute={false} lastYearLabel={last} />
          <YearFigure figure="year-within20" c={y.fleet.within20Share} label={fmt.t('yearWithin20')} fmt={fmt} format={(v) => fmt.pct(v)} riseIsBad={false} lastYearLabel={last} />
        </div>
        <h3 className="year-sub">{fmt.t('yearByMonth')}</h3>
        <PairedBars vertical format={(v) => fmt.n(Math.round(v))}
          pairs={y.fleet.byMonth.map((m) => ({ id: String(m.month), label: month.format(Date.UTC(2001, m.month - 1, 15)), value: m.value, lastYear: m.lastYear }))} />
      </div> : error ? <div className="muted" role="alert">{error}</div> : <Loading />}
    </PanelFrame>
  );
}
