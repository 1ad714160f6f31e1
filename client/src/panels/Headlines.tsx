// The delegation's panel: four headline figures in big numbers, each with what it is compared with and a one-line
// footnote saying what it counts, and today's top five topics of residents' appeals. Aggregates only; nothing
// operational or personal.
import { shortNameOf } from '../i18n/lang';
import { useWall } from '../store/wall-store';
import { Change } from '../ui/Change';
import { UsualMark } from '../ui/Usual';
import { Num } from '../ui/Num';
import { useFmt } from '../ui/use-fmt';
import { Loading } from './AppealsToday';
import { PanelFrame } from './PanelFrame';
import type { PanelProps } from './registry';

const STREAMS = ['kpi'] as const;

export function Headlines(_: PanelProps) {
  const fmt = useFmt();
  const s = useWall((st) => st.summary);
  const ref = useWall((st) => st.reference);
  const top = s?.appeals.top5 ?? [];
  const topMax = Math.max(1, ...top.map((t) => t.count));
  const foot = (id: string) => {
    const d = s?.definitions[id]?.[fmt.lang];
    return d ? <span className="hl-foot" data-footnote={id}>{d.short ?? d.counts}</span> : null;
  };
  return (
    <PanelFrame kind="headlines" streams={STREAMS} title={fmt.t('panel.headlines')}
      figures={['appeals.total', 'deadlines.onTimeShare', 'fleet.onDuty', 'containers.servicedTodayShare', 'appeals.byCategory']}>
      {s && ref ? <div className="headlines">
        <div className="hl-tiles">
          <div className="hl-tile" data-figure="appeals">
            <Num className="hl-big" text={fmt.n(s.appeals.total.today)} />
            <span className="hl-label">{fmt.t('hlAppeals')}</span>
            <UsualMark usual={s.appeals.total.usual} riseIsBad fmt={fmt} holiday={s.baseline.holiday !== null} />
            {foot('appeals.total')}
          </div>
          <div className="hl-tile" data-figure="on-time">
            <Num className="hl-big" text={fmt.pct(s.deadlines.onTimeShare)} />
            <span className="hl-label">{fmt.t('hlOnTime')}</span>
            <span className="muted small">{fmt.t('windowDays', { n: s.deadlines.windowDays })}</span>
            {foot('deadlines.onTimeShare')}
          </div>
          <div className="hl-tile" data-figure="teams">
            <Num className="hl-big" text={fmt.n(s.fleet.onDuty)} />
            <span className="hl-label">{fmt.t('hlTeams')}</span>
            {s.fleet.onDutyLastYear === null ? <span className="muted small">{fmt.t('lastYearUnknown')}</span>
              : <Change now={s.fleet.onDuty} before={s.fleet.onDutyLastYear} riseIsBad={false} absolute fmt={fmt} label={fmt.t('toLastYear')} />}
            {foot('fleet.onDuty')}
          </div>
          <div className="hl-tile" data-figure="sites">
            <Num className="hl-big" text={fmt.n(s.containers.sites)} />
            <span className="hl-label">{fmt.t('hlSites')}</span>
            <span className="muted small">{fmt.t('servicedOfDue')}: {fmt.pct(s.containers.dueSoFar ? s.containers.servicedToday / s.containers.dueSoFar : null)}</span>
            {foot('containers.servicedTodayShare')}
          </div>
        </div>
        <h3 className="hl-sub">{fmt.t('hlTop')}</h3>
        <ol className="hl-top" data-fit>
          {top.map((t) => (
            <li key={t.id}>
              <span className="hl-top-name">{shortNameOf(ref.category.get(t.id), fmt.lang, t.id)}</span>
              <span className="hl-top-bar"><i style={{ width: `${(t.count / topMax) * 100}%` }} /></span>
              <Num className="hl-top-n" text={fmt.n(t.count)} />
            </li>
          ))}
        </ol>
      </div> : <Loading />}
    </PanelFrame>
  );
}
