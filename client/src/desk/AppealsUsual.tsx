// A municipality's appeals today by channel or topic against their usual range (the wall's baseline, in that
// municipality): today's count opens the list of those appeals; above or below the usual range is said in words.
import type { AgainstUsual } from '../../../server/desk/appeals-usual';
import type { Lang } from '../i18n/lang';
import type { DeskFormat } from './format';
import { deskText } from './strings';
import type { ListScope } from './url-state';

export function AppealsUsual({ title, dim, rows, municipality, lang, f, name, onList }: {
  title: string; dim: 'channel' | 'category'; rows: readonly AgainstUsual[]; municipality: string; lang: Lang; f: DeskFormat;
  name: (id: string) => string; onList: (scope: ListScope) => void;
}) {
  const t = (k: Parameters<typeof deskText>[1]) => deskText(lang, k);
  if (!rows.length) return null;
  return (
    <table className="d-usual" data-usual={dim}>
      <caption>{title}</caption>
      <thead><tr><th /><th>{t('today')}</th><th>{t('usualCol')}</th></tr></thead>
      <tbody>{rows.map((r) => {
        const u = r.usual;
        const flag = u?.flag ? t(u.flag) : null;
        return (
          <tr key={r.id} data-key={r.id} data-flag={u?.flag ?? ''}>
            <th scope="row">{name(r.id)}</th>
            <td><button className="d-link" data-opens="appeals" data-value={r.today}
              onClick={() => onList({ list: 'appeals', filters: { municipality, [dim]: r.id, window: 'today' } })}>{f.n(r.today)}</button></td>
            <td className={flag ? 'd-flag' : 'd-muted'}>{u ? `${f.n(u.usual)} (${f.n(u.low)}–${f.n(u.high)})` : t('noUsual')}{flag ? ` · ${flag}` : ''}</td>
          </tr>);
      })}</tbody>
    </table>
  );
}
