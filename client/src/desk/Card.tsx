// A card: what the server knows about one item (GET /api/cards/<kind>/<id>), fetched again every few seconds while
// open so it stays live, with "show on the wall". The element carries data-card and data-id; each count on it opens
// the list of what it counts.
import { useEffect, useState } from 'react';
import type { AnyCard } from '../../../server/desk/cards';
import { api } from '../console/api';
import type { Lang } from '../i18n/lang';
import { useWall } from '../store/wall-store';
import { factsOf, type FactContext } from './card-facts';
import { useDeskFormat } from './format';
import { AppealsUsual } from './AppealsUsual';
import { TeamCall } from './TeamCall';
import { CardDetails } from './CardDetails';
import { DESK_STRINGS, type DeskKey } from './strings';
import { ShowOnWall } from './ShowOnWall';
import type { ListScope } from './url-state';

const REFRESH_MS = 3000;

/** the card, fetched now and every few seconds while it is open */
function useCard(kind: string, id: string): { card: AnyCard | null; error: string | null } {
  const [card, setCard] = useState<AnyCard | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let stop = false;
    setCard(null); setError(null);
    const load = () => api<AnyCard>('GET', `/api/cards/${kind}/${encodeURIComponent(id)}`)
      .then((c) => { if (!stop) { setCard(c); setError(null); } }).catch((e: Error) => { if (!stop) setError(e.message); });
    void load();
    const timer = setInterval(() => { void load(); }, REFRESH_MS);
    return () => { stop = true; clearInterval(timer); };
  }, [kind, id]);
  return { card, error };
}

function useFactContext(lang: Lang): FactContext {
  const f = useDeskFormat(lang);
  const reference = useWall((s) => s.reference);
  const name = (x: { name_ru: string; name_en: string } | null | undefined) => (x ? (lang === 'ru' ? x.name_ru : x.name_en) : '—');
  return { lang, f, name, ref: (kind, id) => { const x = reference?.[kind].get(id); return x ? name(x) : id; } };
}

const titleOf = (card: AnyCard | null, lang: Lang, id: string): string => {
  if (!card) return id;
  if (card.kind === 'municipality') return lang === 'ru' ? card.name_ru : card.name_en;
  if (card.kind === 'incident' || card.kind === 'vehicle') return card.kind === 'incident' ? card.title : card.callsign;
  return id;
};

export function Card({ kind, id, lang, onClose, onList }: { kind: string; id: string; lang: Lang; onClose: () => void; onList: (scope: ListScope) => void }) {
  const t = (k: DeskKey) => DESK_STRINGS[lang][k];
  const { card, error } = useCard(kind, id);
  const x = useFactContext(lang);
  const title = titleOf(card, lang, id);
  return (
    <section className="d-card" data-card={kind} data-id={id} data-loaded={card ? 'true' : 'false'} aria-label={title}>
      <header><b>{title}</b><span className="d-muted">{kind}</span><button className="d-link" onClick={onClose} aria-label={t('close')}>✕</button></header>
      {error && <p className="d-error">{error}</p>}
      {!card && !error && <p className="d-muted">{t('loading')}</p>}
      {card && <dl>{factsOf(card, x).map((fact) => <div key={fact.key} data-fact={fact.key}><dt>{fact.label}</dt>
        <dd className={fact.warn ? 'd-flag' : undefined}>{fact.opens
          ? <button className="d-link" data-opens={fact.opens.list} onClick={() => onList(fact.opens!)}>{fact.value}</button> : fact.value}</dd></div>)}</dl>}
      {card?.kind === 'municipality' && <>
        <AppealsUsual title={t('byChannelUsual')} dim="channel" rows={card.appeals.byChannel} municipality={card.id} lang={lang} f={x.f} name={(k) => x.ref('channel', k)} onList={onList} />
        <AppealsUsual title={t('byCategoryUsual')} dim="category" rows={card.appeals.byCategory} municipality={card.id} lang={lang} f={x.f} name={(k) => x.ref('category', k)} onList={onList} />
        <p className="d-muted">{t('againstUsual')}</p>
      </>}
      {card?.kind === 'vehicle' && <TeamCall call={card.call} lang={lang} f={x.f} />}
      {card && <CardDetails card={card} x={x} />}
      {card && <p className="d-muted">{t('updated')} {x.f.when(card.time)}</p>}
      {card && <ShowOnWall kind={kind} id={id} lang={lang} />}
    </section>
  );
}
