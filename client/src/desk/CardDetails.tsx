// What a card shows beyond its facts, by kind: a municipality's sites by operator and its departments' indicators;
// an incident's CAP alert with every <info> block; a team's last hour travelled; a site's week of collections and
// status changes. Everything here is in the card's JSON already; nothing is fetched.
import type { AnyCard, IncidentCard, MunicipalityCard, SiteCard, VehicleCard } from '../../../server/desk/cards';
import type { Lang } from '../i18n/lang';
import { distanceKm } from '../../../server/reference/geometry';
import type { FactContext } from './card-facts';
import { DESK_STRINGS, deskText, type DeskKey } from './strings';

type Props<C> = { card: C; x: FactContext };
const said = (lang: Lang, key: string, fallback: string) => (key in DESK_STRINGS.ru ? deskText(lang, key as DeskKey) : fallback);

function MunicipalityDetails({ card, x }: Props<MunicipalityCard>) {
  const ops = Object.entries(card.containers.byOperator);
  return (<>
    {ops.length > 0 && <p data-detail="by-operator"><span className="d-muted">{deskText(x.lang, 'byOperator')}: </span>
      {ops.map(([id, n]) => `${x.ref('operator', id)} ${x.f.n(n)}`).join(' · ')}</p>}
    {card.departmental.length > 0 && <div data-detail="departmental"><span className="d-muted">{deskText(x.lang, 'departmental')}</span>
      <ul className="d-plain">{card.departmental.map((m) => <li key={m.key}>{(x.lang === 'ru' ? m.title_ru : m.title_en) ?? m.key}: <b>{x.f.n(m.value)}</b>{m.unit ? ` ${m.unit}` : ''} <span className="d-muted">{x.f.when(m.at)}</span></li>)}</ul></div>}
  </>);
}

function IncidentDetails({ card, x }: Props<IncidentCard>) {
  return (<>{card.cap.map((a) => (
    <div key={`${a.sender}/${a.identifier}`} className="d-cap" data-detail="cap">
      <span className="d-muted">{deskText(x.lang, 'capAlert')} · {a.sender} · {x.f.when(a.sent)}</span>
      {a.infos.map((i, k) => (
        <p key={k} lang={i.language}><b>{i.headline ?? i.event}</b> · {i.severity} · {i.urgency} · {i.certainty}
          {i.areas.length > 0 && <> · {i.areas.map((ar) => ar.areaDesc).join(', ')}</>}
          {i.expires !== null && <> · {deskText(x.lang, 'expires')} {x.f.when(i.expires)}</>}
          {i.instruction && <><br />{i.instruction}</>}</p>))}
    </div>))}</>);
}

function VehicleDetails({ card, x }: Props<VehicleCard>) {
  let km = 0;
  for (let i = 1; i < card.track.length; i++) { const a = card.track[i - 1]!, b = card.track[i]!; km += distanceKm([a.lon, a.lat], [b.lon, b.lat]); }
  return <p data-detail="track" className="d-muted">{deskText(x.lang, 'trackKm', { km: x.f.n(Math.round(km * 10) / 10), n: card.track.length })}</p>;
}

function SiteDetails({ card, x }: Props<SiteCard>) {
  if (!card.week.length) return null;
  return (<div data-detail="week"><span className="d-muted">{deskText(x.lang, 'weekEvents')}</span>
    <ul className="d-plain">{card.week.slice(-12).reverse().map((e) => (
      <li key={`${e.at}-${e.kind}`}>{x.f.when(e.at)} · {said(x.lang, `k.${e.kind}`, e.kind)} · {e.status} · {x.f.n(e.fill)} %</li>))}</ul></div>);
}

export function CardDetails({ card, x }: { card: AnyCard; x: FactContext }) {
  switch (card.kind) {
    case 'municipality': return <MunicipalityDetails card={card} x={x} />;
    case 'incident': return <IncidentDetails card={card} x={x} />;
    case 'vehicle': return <VehicleDetails card={card} x={x} />;
    case 'site': return <SiteDetails card={card} x={x} />;
    default: return null;
  }
}
