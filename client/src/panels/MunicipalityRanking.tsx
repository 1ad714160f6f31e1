// The 63 municipalities ranked by open overdue appeals or by the median share of its deadline an answer used (hours
// would mix channels whose deadlines differ a hundredfold), the worst on top.
import { municipalityLabel } from '../i18n/lang';
import { useWall } from '../store/wall-store';
import { useFmt } from '../ui/use-fmt';
import { Loading } from './AppealsToday';
import { PanelFrame } from './PanelFrame';
import type { PanelProps } from './registry';

const STREAMS = ['kpi'] as const;

export function MunicipalityRanking({ options }: PanelProps) {
  const fmt = useFmt();
  const by = options.by ?? 'overdue';
  const ranking = useWall((s) => (by === 'overdue' ? s.summary?.ranking.byOverdue : s.summary?.ranking.byResponse));
  const ref = useWall((s) => s.reference);
  const rows = ranking?.slice(0, options.rows ?? 63) ?? [];
  return (
    <PanelFrame kind="municipality-ranking" streams={STREAMS} figures={[by === 'overdue' ? 'ranking.byOverdue' : 'ranking.byResponse']}
      title={`${fmt.t('panel.municipality-ranking')} · ${fmt.t(by === 'overdue' ? 'byOverdue' : 'byResponse')}`}>
      {ranking && ref ? (
        <table className="rows ranking">
          <thead><tr><th /><th className="value small">{fmt.t('overdueShort')}</th><th className="value small">{fmt.t('deadlineUsed')}</th></tr></thead>
          <tbody data-fit>
            {rows.map((r) => (
              <tr key={r.id} data-municipality={r.id}>
                <td className="label">{municipalityLabel(ref.municipality.get(r.id), fmt.lang, r.id)}</td>
                <td className={`value ${r.openOverdue > 0 ? 'tone-crit-text' : 'muted'}`}>{fmt.n(r.openOverdue)}</td>
                <td className={`value ${r.medianDeadlineUsed !== null && r.medianDeadlineUsed > 1 ? 'tone-crit-text' : 'muted'}`}>{fmt.pct(r.medianDeadlineUsed)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : <Loading />}
    </PanelFrame>
  );
}
