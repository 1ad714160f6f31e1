// The filters that apply to everything on the desk (figures, lists, the municipality in view), kept in the URL;
// clearing them is one button.
import type { Lang } from '../i18n/lang';
import type { ReferenceIndex } from '../store/reference';
import { DESK_STRINGS } from './strings';
import { WINDOWS, type DeskView, type FilterKey } from './url-state';

type Named = { id: string; name_ru: string; name_en: string };

export function FilterBar({ lang, filters, reference, onChange }: { lang: Lang; filters: DeskView['filters']; reference: ReferenceIndex | null;
  onChange: (f: DeskView['filters']) => void }) {
  const t = DESK_STRINGS[lang];
  const name = (x: Named) => (lang === 'ru' ? x.name_ru : x.name_en);
  const options: Record<Exclude<FilterKey, 'window'>, Named[]> = {
    municipality: [...(reference?.data.municipalities ?? [])].sort((a, b) => name(a).localeCompare(name(b), lang)),
    category: reference?.data.categories ?? [], channel: reference?.data.channels ?? [],
    operator: (reference?.data.operators ?? []).map((o) => ({ id: o.id, name_ru: o.short_ru ?? o.name_ru, name_en: o.short_en ?? o.name_en })),
  };
  const set = (k: FilterKey, v: string) => { const next = { ...filters }; if (v) next[k] = v; else delete next[k]; onChange(next); };
  return (
    <nav className="d-filters" aria-label={t.filters}>
      {(Object.keys(options) as (keyof typeof options)[]).map((k) => (
        <label key={k}>{t[k]}
          <select name={k} value={filters[k] ?? ''} onChange={(e) => set(k, e.target.value)}>
            <option value="">{t.all}</option>
            {options[k].map((x) => <option key={x.id} value={x.id}>{name(x)}</option>)}
          </select>
        </label>))}
      <label>{t.window}
        <select name="window" value={filters.window ?? 'today'} onChange={(e) => set('window', e.target.value === 'today' ? '' : e.target.value)}>
          {WINDOWS.map((w) => <option key={w} value={w}>{t[w]}</option>)}
        </select>
      </label>
      <button className="c-link" data-action="clear-filters" disabled={!Object.keys(filters).length} onClick={() => onChange({})}>{t.clear}</button>
    </nav>
  );
}
