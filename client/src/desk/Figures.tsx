// The desk's figures: each the wall's own (from the live indicators) when no filter narrows it, else the total of the
// list it opens, counted by the server with the same filters; a click opens that list. Topics today and the
// municipalities by overdue open their list or card.
import { useEffect, useState } from 'react';
import type { Summary } from '../../../server/protocol/summary';
import type { IncidentView } from '../../../server/protocol/views';
import type { Lang } from '../i18n/lang';
import type { ReferenceIndex } from '../store/reference';
import { listTotal } from './lists';
import { DESK_STRINGS } from './strings';
import type { DeskView, ListName } from './url-state';

type Filters = DeskView['filters'];
/** the filters that narrow appeals beyond the wall's figures (a municipality's are on the wall too) */
const appealsNarrowed = (f: Filters) => Boolean(f.category || f.channel || (f.window && f.window !== 'today'));

/** The wall's value of a figure for these filters, or null when only the list's own count can say. */
function wallValue(name: ListName, s: Summary, f: Filters, incidents: readonly IncidentView[]): number | null {
  const m = f.municipality;
  const row = m ? s.deadlines.byMunicipality.find((r) => r.id === m) : null;
  switch (name) {
    case 'overdue': return appealsNarrowed(f) ? null : m ? row?.openOverdue ?? 0 : s.deadlines.openOverdue;
    case 'past-ceiling': return appealsNarrowed(f) || m ? null : s.deadlines.openPastCeiling;
    case 'appeals': return appealsNarrowed(f) ? null : m ? s.appeals.byMunicipality.find((r) => r.id === m)?.today ?? 0 : s.appeals.total.today;
    case 'overflowing': return m || f.operator ? null : s.containers.overflowing;
    case 'busy': return m ? null : s.fleet.busy;
    default: return incidents.filter((i) => i.status === 'active' && (!m || i.municipality === m)).length;
  }
}

function useListTotal(name: ListName, f: Filters, wall: number | null): number | null {
  const [total, setTotal] = useState<number | null>(null);
  const key = JSON.stringify(f);
  useEffect(() => {
    if (wall !== null) { setTotal(null); return; }
    let stop = false;
    listTotal(name, f).then((n) => { if (!stop) setTotal(n); }).catch(() => undefined);
    return () => { stop = true; };
    // filters by value (key)
  }, [name, key, wall]);
  return wall ?? total;
}

function Figure({ name, f, s, incidents, lang, open }: { name: ListName; f: Filters; s: Summary; incidents: readonly IncidentView[]; lang: Lang; open: (l: ListName) => void }) {
  const value = useListTotal(name, f, wallValue(name, s, f, incidents));
  return (
    <button className="d-figure" data-figure={name} data-value={value ?? ''} onClick={() => open(name)}>
      <span className="d-figure-value">{value === null ? '…' : value.toLocaleString(lang)}</span>
      <span className="d-figure-label">{DESK_STRINGS[lang][name]}</span>
    </button>
  );
}

export function Figures({ summary, filters, incidents, reference, lang, openList, openCard, setFilters }: {
  summary: Summary; filters: Filters; incidents: readonly IncidentView[]; reference: ReferenceIndex; lang: Lang;
  openList: (l: ListName) => void; openCard: (kind: string, id: string) => void; setFilters: (f: Filters) => void;
}) {
  const t = DESK_STRINGS[lang];
  const name = (x: { name_ru: string; name_en: string } | undefined, id: string) => (x ? (lang === 'ru' ? x.name_ru : x.name_en) : id);
  const lists: ListName[] = ['overdue', 'past-ceiling', 'appeals', 'overflowing', 'busy', 'incidents'];
  return (
    <div className="d-figures">
      <div className="d-figure-row">{lists.map((l) => <Figure key={l} name={l} f={filters} s={summary} incidents={incidents} lang={lang} open={openList} />)}</div>
      <h3>{t.byCategory}</h3>
      <div className="d-chips">{summary.appeals.byCategory.filter((c) => c.today > 0).slice(0, 8).map((c) => (
        <button key={c.id} className="d-chip" data-category={c.id} onClick={() => { setFilters({ ...filters, category: c.id, window: 'today' }); openList('appeals'); }}>
          {name(reference.category.get(c.id), c.id)} <b>{c.today}</b></button>))}</div>
      <h3>{t.ranking}</h3>
      <ol className="d-ranking">{summary.ranking.byOverdue.slice(0, 8).map((r) => (
        <li key={r.id}><button className="d-link" data-municipality={r.id} onClick={() => openCard('municipality', r.id)}>
          {name(reference.municipality.get(r.id), r.id)}</button> <b>{r.openOverdue}</b></li>))}</ol>
    </div>
  );
}
