// The duty officer's desk (/desk): the live map, where hovering says what is there and a click opens its card; the
// figures, each opening the list of what it counts; filters that apply to all of it and live in the URL; and "show on
// the wall" on every card. Operators only: the server checks every call; a screen's token opens nothing here.
import { useEffect, useMemo, useState } from 'react';
import type { FeatureCollection } from 'geojson';
import { pickLang, type Lang } from '../i18n/lang';
import { api, consoleToken, keepConsoleToken } from '../console/api';
import { Login, type Me } from '../console/ConsoleApp';
import { startLive, type Live } from '../live/connection';
import { LiveContext } from '../live/live-context';
import { loadReference, withRetry } from '../layout/load-layout';
import { useWall } from '../store/wall-store';
import { loadGeodata } from '../map/geodata';
import { Card } from './Card';
import { DeskMap } from './DeskMap';
import { Figures } from './Figures';
import { ListView } from './ListView';
import { FilterBar } from './FilterBar';
import { Handover } from './Handover';
import { WallTime } from './WallTime';
import { DESK_STRINGS } from './strings';
import { useDeskView } from './url-state';
import '../console/console.css';
import './desk.css';

export function DeskApp() {
  const [lang, setLang] = useState<Lang>(pickLang(location.search, navigator.languages ?? [navigator.language]));
  const [me, setMe] = useState<Me | null>(null);
  const [checked, setChecked] = useState(false);
  useEffect(() => {
    document.documentElement.classList.add('console', 'desk');
    document.title = `Sitroom · ${DESK_STRINGS[lang].title}`;
    useWall.setState({ lang });
  }, [lang]);
  useEffect(() => {
    if (!consoleToken()) { setChecked(true); return; }
    api<Me>('GET', '/api/auth/me').then((m) => setMe(m.role === 'screen' ? null : m)).catch(() => keepConsoleToken(null)).finally(() => setChecked(true));
  }, []);
  if (!checked) return null;
  return (
    <div className="console-root desk-root" data-desk={me ? 'signed-in' : 'sign-in'}>
      <header className="c-top">
        <b>Sitroom</b> · {DESK_STRINGS[lang].title}
        <span className="c-spacer" />
        <a className="c-link" href="/console">{DESK_STRINGS[lang].console}</a>
        <button className="c-link" onClick={() => setLang(lang === 'ru' ? 'en' : 'ru')}>{lang === 'ru' ? 'EN' : 'RU'}</button>
        {me && <span className="c-muted">{me.name} · {me.role}</span>}
      </header>
      {me ? <Desk lang={lang} /> : <Login lang={lang} onIn={setMe} />}
    </div>
  );
}

/** The live connection and the reference data, once per signed-in desk. */
function useDeskData(): { live: Live; municipalities: FeatureCollection | null } {
  const live = useMemo(() => startLive({ token: consoleToken() }), []);
  const [municipalities, setMunicipalities] = useState<FeatureCollection | null>(null);
  useEffect(() => {
    withRetry(loadReference).then((reference) => {
      useWall.setState({ reference });
      return loadGeodata(reference.data.geo.layers);
    }).then((g) => setMunicipalities(g.municipalities)).catch((e: Error) => useWall.setState({ fatal: e.message }));
    return () => live.stop();
  }, [live]);
  return { live, municipalities };
}

function Desk({ lang }: { lang: Lang }) {
  const { live, municipalities } = useDeskData();
  const [view, change] = useDeskView();
  const summary = useWall((s) => s.summary);
  const reference = useWall((s) => s.reference);
  const incidents = useWall((s) => s.incidents);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => { if (e.key === 'Escape') change(view.select ? { select: null } : { list: null, near: null }); };
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  }, [view.select, change]);
  const open = (kind: string, id: string) => change({ select: { kind, id } });
  return (
    <LiveContext.Provider value={live}>
      <FilterBar lang={lang} filters={view.filters} reference={reference} onChange={(filters) => change({ filters })} />
      <main className="d-main">
        <DeskMap lang={lang} live={live} municipalities={municipalities} onPick={open} />
        <aside className="d-side">
          {view.select && <Card key={`${view.select.kind}:${view.select.id}`} kind={view.select.kind} id={view.select.id} lang={lang} onClose={() => change({ select: null })}
            onList={(scope) => change({ list: scope.list, filters: { ...view.filters, ...scope.filters }, near: scope.near ?? null })} />}
          {view.list && <ListView name={view.list} filters={view.filters} near={view.near} incidents={incidents} lang={lang}
            onOpen={(r) => open(r.kind, r.id)} onClose={() => change({ list: null, near: null })} />}
          {summary && reference && <Figures summary={summary} filters={view.filters} incidents={incidents} reference={reference} lang={lang}
            openList={(list) => change({ list, near: null })} openCard={open} setFilters={(filters) => change({ filters })} />}
          <Handover lang={lang} />
          <WallTime lang={lang} />
        </aside>
      </main>
    </LiveContext.Provider>
  );
}
