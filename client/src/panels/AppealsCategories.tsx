// Today's appeals by category: a bar per category, the top five in the accent and named as the top five.
import { shortNameOf } from '../i18n/lang';
import { useWall } from '../store/wall-store';
import { Bar } from '../ui/Bar';
import { Num } from '../ui/Num';
import { useFmt } from '../ui/use-fmt';
import { APPEALS_STREAMS, Loading } from './AppealsToday';
import { PanelFrame } from './PanelFrame';
import type { PanelProps } from './registry';

export function AppealsCategories({ options }: PanelProps) {
  const fmt = useFmt();
  const byCategory = useWall((s) => s.summary?.appeals.byCategory);
  const top5 = useWall((s) => s.summary?.appeals.top5);
  const ref = useWall((s) => s.reference);
  // the top five first, in the server's order (ties broken there), then the rest by count
  const rank = new Map(top5?.map((t, i) => [t.id, i + 1]));
  const rows = [...(byCategory ?? [])].sort((a, b) => (rank.get(a.id) ?? 99) - (rank.get(b.id) ?? 99) || b.today - a.today)
    .slice(0, options.rows ?? 7);
  const max = Math.max(1, ...rows.map((r) => r.today));
  const top = new Set(rank.keys());
  return (
    <PanelFrame kind="appeals-categories" streams={APPEALS_STREAMS} title={`${fmt.t('panel.appeals-categories')} · ${fmt.t('top5')}`} figures={['appeals.byCategory']}>
      {byCategory && ref ? (
        <table className="rows bars">
          <tbody data-fit>
            {rows.map((r) => (
              <tr key={r.id} className={top.has(r.id) ? 'top' : 'rest'} data-category={r.id}>
                <td className="rank">{rank.get(r.id) ?? ''}</td>
                <td className="label">{shortNameOf(ref.category.get(r.id), fmt.lang, r.id)}</td>
                <td className="barcell"><Bar share={r.today / max} tone={top.has(r.id) ? 'accent' : 'muted'} /></td>
                <td className="value"><Num text={fmt.n(r.today)} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : <Loading />}
    </PanelFrame>
  );
}
