// A card: what the server knows about one item (GET /api/cards/<kind>/<id>), fetched again every few seconds while
// open so it stays live, with "show on the wall". The element carries data-card and data-id.
import { useEffect, useState } from 'react';
import { api } from '../console/api';
import type { Lang } from '../i18n/lang';
import { DESK_STRINGS, type DeskKey } from './strings';
import { ShowOnWall } from './ShowOnWall';
import type { ListName } from './url-state';

const REFRESH_MS = 3000;
type Json = Record<string, unknown>;
const at = (t: unknown) => (typeof t === 'number' ? new Date(t).toLocaleString([], { day: '2-digit', month: '2-digit', hour: '2-digit', minute: '2-digit' }) : '—');
const num = (v: unknown) => (typeof v === 'number' ? v.toLocaleString() : v === null || v === undefined ? '—' : String(v));

/** A fact: its label, its value, and the list it opens (a card's figures open their lists too). */
type Fact = [string, string] | [string, string, ListName];

/** The facts of a card, by kind. */
function facts(card: Json, t: (k: DeskKey) => string, lang: Lang): Fact[] {
  const name = (x: unknown) => (x && typeof x === 'object' ? String((x as Json)[lang === 'ru' ? 'name_ru' : 'name_en'] ?? '') : '—');
  switch (card['kind']) {
    case 'municipality': {
      const d = (card['deadlines'] ?? {}) as Json, c = card['containers'] as Json, a = card['appeals'] as Json;
      const today = a['today'] as Json | null;
      return [[t('appeals'), num(today?.['today']), 'appeals'], [t('overdue'), num(d['openOverdue']), 'overdue'], ['oldest due', at(d['oldestOverdueDueAt'])],
        ['on time', d['onTimeShare'] === null || d['onTimeShare'] === undefined ? '—' : `${Math.round(Number(d['onTimeShare']) * 100)} %`],
        [t('overflowing'), num((c['byStatus'] as Json)['overflowing'] ?? 0), 'overflowing'], [t('incidents'), num((card['incidents'] as unknown[]).length), 'incidents'],
        ['teams', num(((card['fleet'] as Json)['teams'] as unknown[]).length)], ['calls today', num((card['fleet'] as Json)['callsToday'])]];
    }
    case 'incident':
      return [['type', String(card['type'])], ['severity', String(card['severity'])], ['status', String(card['status'])], ['reported', at(card['reportedAt'])],
        [t('source'), String(card['source'])], [t('description'), String(card['description'] ?? '—')],
        [t('near'), `${((card['near'] as Json)['teams'] as unknown[]).length} teams, ${num((card['near'] as Json)['sites'])} sites`]];
    case 'vehicle':
      return [['callsign', String(card['callsign'])], ['status', `${String(card['status'] ?? '—')} · ${at(card['statusSince'])}`], ['substation', name(card['substation'])],
        ['fix', `${num(card['fixAgeSeconds'])} s ago`], [t('source'), String((card['source'] as Json | null)?.['name'] ?? '—')],
        [t('track'), `${(card['track'] as unknown[]).length} fixes`]];
    case 'site': {
      const s = card['sanitary'] as Json;
      return [['operator', String(card['operator'])], ['fill', `${num(card['fill'])} %`], ['status', String(card['status'])], ['serviced', at(card['servicedAt'])],
        [t('sanitary'), `${num(s['hoursSinceService'])} h / ${num(s['limitDays'])} d${s['pastLimit'] ? ' ⚠' : ''}`], [t('week'), `${(card['week'] as unknown[]).length} events`]];
    }
    default: {
      const p = card['personal'] as Json | null;
      return [['channel', String(card['channel'])], ['category', String(card['category'])], ['status', String(card['status'])],
        ['received', at(card['receivedAt'])], ['due', at(card['dueAt'])],
        [t('history'), (card['history'] as Json[]).map((h) => `${String(h['status'])} ${at(h['at'])}`).join(' · ')],
        ...(p ? [[t('personal'), `${String(p['author'] ?? '—')} · ${String(p['contact'] ?? '—')} · ${String(p['text'] ?? '')}`] as [string, string]] : [])];
    }
  }
}

export function Card({ kind, id, lang, onClose, onList }: { kind: string; id: string; lang: Lang; onClose: () => void;
  /** opens a list of this card's municipality */
  onList: (list: ListName, municipality: string) => void }) {
  const t = (k: DeskKey) => DESK_STRINGS[lang][k];
  const [card, setCard] = useState<Json | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let stop = false;
    setCard(null); setError(null);
    const load = () => api<Json>('GET', `/api/cards/${kind}/${encodeURIComponent(id)}`)
      .then((c) => { if (!stop) { setCard(c); setError(null); } }).catch((e: Error) => { if (!stop) setError(e.message); });
    void load();
    const timer = setInterval(() => { void load(); }, REFRESH_MS);
    return () => { stop = true; clearInterval(timer); };
  }, [kind, id]);
  const title = card ? String(card['title'] ?? card[lang === 'ru' ? 'name_ru' : 'name_en'] ?? card['callsign'] ?? id) : id;
  return (
    <section className="d-card" data-card={kind} data-id={id} data-loaded={card ? 'true' : 'false'} aria-label={title}>
      <header><b>{title}</b><span className="d-muted">{kind}</span><button className="d-link" onClick={onClose} aria-label={t('close')}>✕</button></header>
      {error && <p className="d-error">{error}</p>}
      {!card && !error && <p className="d-muted">{t('loading')}</p>}
      {card && <dl>{facts(card, t, lang).map(([k, v, list]) => <div key={k}><dt>{k}</dt>
        <dd>{list ? <button className="d-link" data-opens={list} onClick={() => onList(list, id)}>{v}</button> : v}</dd></div>)}</dl>}
      {card && <p className="d-muted">{t('updated')} {at(card['time'])}</p>}
      {card && <ShowOnWall kind={kind} id={id} lang={lang} />}
    </section>
  );
}
