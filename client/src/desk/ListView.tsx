// A figure's list: every item it counts, sortable by any column, scrolled virtually (only the rows in view are in the
// page, so thousands of rows cost what thirty do), with the same list as CSV. A row opens its item's card.
import { useEffect, useMemo, useState, type UIEvent } from 'react';
import type { IncidentView } from '../../../server/protocol/views';
import type { Lang } from '../i18n/lang';
import { loadList, type ListData, type Row } from './lists';
import { DESK_STRINGS, deskText } from './strings';
import type { DeskView, ListName, Near } from './url-state';

const ROW_PX = 28;
const VIEW_ROWS = 40;

export function ListView({ name, filters, near, incidents, lang, onOpen, onClose }: { name: ListName; filters: DeskView['filters']; near: Near | null;
  incidents: readonly IncidentView[]; lang: Lang; onOpen: (r: Row) => void; onClose: () => void }) {
  const t = DESK_STRINGS[lang];
  const [data, setData] = useState<ListData | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [sort, setSort] = useState<{ col: number; desc: boolean } | null>(null);
  const [top, setTop] = useState(0);
  const key = JSON.stringify([filters, near]);
  useEffect(() => {
    let stop = false;
    setData(null); setError(null); setTop(0);
    loadList(name, filters, near, incidents).then((d) => { if (!stop) setData(d); }).catch((e: Error) => { if (!stop) setError(e.message); });
    return () => { stop = true; };
    // filters by value (key); the incidents are read once, when the list opens
  }, [name, key]);
  const rows = useMemo(() => {
    if (!data || !sort) return data?.rows ?? [];
    const k = sort.col, sign = sort.desc ? -1 : 1;
    return [...data.rows].sort((a, b) => sign * String(a.cells[k] ?? '').localeCompare(String(b.cells[k] ?? ''), undefined, { numeric: true }));
  }, [data, sort]);
  const first = Math.max(0, Math.floor(top / ROW_PX) - 5);
  const shown = rows.slice(first, first + VIEW_ROWS + 10);
  return (
    <section className="d-list" data-list={name} data-total={data?.total ?? ''} data-rows={data?.rows.length ?? ''}>
      <header>
        <b>{t[name]}{near ? ` ${deskText(lang, 'nearWithin', { km: near.km })} ${near.at}` : ''}</b>
        {data && <span className="d-muted" data-count>{data.total.toLocaleString()} {t.rows}</span>}
        {data && <a className="d-link" href={data.csv} data-action="csv" download>{t.csv}</a>}
        <button className="d-link" onClick={onClose} aria-label={t.close}>✕</button>
      </header>
      {error && <p className="d-error">{error}</p>}
      {!data && !error && <p className="d-muted">{t.loading}</p>}
      {data && <div className="d-table-head">{data.columns.map((c, i) => (
        <button key={c} onClick={() => setSort({ col: i, desc: sort?.col === i ? !sort.desc : false })}>{c}{sort?.col === i ? (sort.desc ? ' ↓' : ' ↑') : ''}</button>))}</div>}
      {data && <div className="d-table" onScroll={(e: UIEvent<HTMLDivElement>) => setTop(e.currentTarget.scrollTop)}>
        <div style={{ height: rows.length * ROW_PX, position: 'relative' }}>
          {shown.map((r, i) => (
            <button key={`${r.kind}:${r.id}`} className="d-row" data-row={r.id} style={{ top: (first + i) * ROW_PX, height: ROW_PX }} onClick={() => onOpen(r)}>
              {/* a cell may end in "…" (a list's row is one line): the whole text is its hover title */}
              {r.cells.map((c, j) => <span key={j} data-ellipsis title={c === null ? undefined : String(c)}>{c ?? '—'}</span>)}
            </button>))}
        </div>
      </div>}
    </section>
  );
}
