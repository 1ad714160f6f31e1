// The year's city services for a delegation: container sites monitored and collected on time, incidents by type,
// and the systems connected, each against the same days last year (GET /api/summary/year).
import { nameOf } from '../i18n/lang';
import { useWall } from '../store/wall-store';
import { useFmt } from '../ui/use-fmt';
import { PairedBars } from '../year/PairedBars';
import { YearFigure, YearHead } from '../year/parts';
import { useYear } from '../year/year-store';
import { Loading } from './AppealsToday';
import { PanelFrame } from './PanelFrame';
import type { PanelProps } from './registry';

const STREAMS = ['kpi'] as const;
const TYPES_SHOWN = 5;

export function YearCity(_: PanelProps) {
  const fmt = useFmt();
  const { year: y, error } = useYear();
  const ref = useWall((s) => s.reference);
  const last = y?.lastYearPeriod.to.slice(0, 4) ?? '';
  return (
    <PanelFrame kind="year-city" streams={STREAMS} title={fmt.t('panel.yearCity')} figures={['year.sites', 'year.incidents', 'year.producers']}>
      {y && ref ? <div className="year">
        <YearHead y={y} fmt={fmt} group="incidents" />
        <div className="year-figures year-figures-3">
          <YearFigure figure="year-sites" c={y.sites.monitored} label={fmt.t('yearSites')} fmt={fmt} format={fmt.n} riseIsBad={false} absolute lastYearLabel={last} />
          <YearFigure figure="year-collected" c={y.sites.onTimeShare} label={fmt.t('yearServiced')} fmt={fmt} format={(v) => fmt.pct(v)} riseIsBad={false} lastYearLabel={last} />
          <YearFigure figure="year-producers" c={y.producers.producers} label={fmt.t('yearProducers')} fmt={fmt} format={fmt.n} riseIsBad={false} absolute lastYearLabel={last} />
        </div>
        <div className="year-split">
          <YearFigure figure="year-incidents" c={y.incidents.total} label={fmt.t('yearIncidents')} fmt={fmt} format={fmt.n} riseIsBad absolute={false} lastYearLabel={last} />
          <PairedBars format={fmt.n} pairs={y.incidents.byType.slice(0, TYPES_SHOWN).map((i) => ({ ...i, label: nameOf(ref.incidentType.get(i.id), fmt.lang, i.id) }))} />
        </div>
      </div> : error ? <div className="muted" role="alert">{error}</div> : <Loading />}
    </PanelFrame>
  );
}
