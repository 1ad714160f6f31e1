// The duty officer's console (/console, laptop or tablet): each wall with a faithful miniature of its screens and
// the scene on them, scene buttons, the rotation, focus, layers, language, banner and visitor mode, alarms, screen
// pairing, the action log and (for admins) users. Every button is an HTTP call the server checks and logs.
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { PendingPairing, ScreenInfo, WallAction } from '../../../server/protocol/walls';
import { pickLang, type Lang } from '../i18n/lang';
import { api, consoleSocket, consoleToken, keepConsoleToken } from './api';
import { hm, nameIn, useT, type Feature, type Named, type WallView } from './shared';
import { Card, DisplayPanel, FocusPanel, ReplayPanel, WallPanel } from './wall-panels';
import { ScreensPanel, UsersPanel } from './admin-panels';
import './console.css';

export interface Me { role: string; name: string }

export function ConsoleApp() {
  const [lang, setLang] = useState<Lang>(pickLang(location.search, navigator.languages ?? [navigator.language]));
  const t = useT(lang);
  const [me, setMe] = useState<Me | null>(null);
  const [checked, setChecked] = useState(false);
  useEffect(() => {
    document.documentElement.classList.add('console');
    document.title = `Sitroom · ${t('title')}`;
    if (!consoleToken()) { setChecked(true); return; }
    api<Me>('GET', '/api/auth/me').then((m) => setMe(m.role === 'screen' ? null : m)).catch(() => keepConsoleToken(null)).finally(() => setChecked(true));
  }, [t]);
  if (!checked) return null;
  return (
    <div className="console-root" data-console={me ? 'signed-in' : 'sign-in'}>
      <header className="c-top">
        <b>Sitroom</b> · {t('title')}
        <span className="c-spacer" />
        <a className="c-link" href="/desk" data-action="to-desk">{t('desk')}</a>
        <button className="c-link" onClick={() => setLang(lang === 'ru' ? 'en' : 'ru')}>{lang === 'ru' ? 'EN' : 'RU'}</button>
        {me && <>
          <span className="c-muted">{me.name} · {me.role}</span>
          <button className="c-link" onClick={() => { void api('POST', '/api/auth/logout').finally(() => { keepConsoleToken(null); setMe(null); }); }}>{t('signOut')}</button>
        </>}
      </header>
      {me ? <Dashboard lang={lang} me={me} /> : <Login lang={lang} onIn={setMe} />}
    </div>
  );
}

/** Sign-in for operators and admins (the desk uses it too). */
export function Login({ lang, onIn }: { lang: Lang; onIn: (m: Me) => void }) {
  const t = useT(lang);
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [token, setToken] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      if (token.trim()) keepConsoleToken(token.trim());
      else keepConsoleToken((await api<{ token: string }>('POST', '/api/auth/login', { name, password })).token);
      const m = await api<Me>('GET', '/api/auth/me');
      if (m.role === 'screen') throw new Error('this token belongs to a screen');
      onIn(m);
    } catch (err) { keepConsoleToken(null); setError((err as Error).message); }
  };
  return (
    <form className="c-login c-card" onSubmit={submit}>
      <h2>{t('signIn')}</h2>
      <label>{t('name')}<input name="name" autoComplete="username" value={name} onChange={(e) => setName(e.target.value)} /></label>
      <label>{t('password')}<input name="password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} /></label>
      <label>{t('orToken')}<input name="token" value={token} onChange={(e) => setToken(e.target.value)} /></label>
      <button type="submit" className="c-primary">{t('enter')}</button>
      {error && <p className="c-error" role="alert">{error}</p>}
    </form>
  );
}

function Dashboard({ lang, me }: { lang: Lang; me: Me }) {
  const t = useT(lang);
  const [walls, setWalls] = useState<WallView[]>([]);
  const [screens, setScreens] = useState<ScreenInfo[]>([]);
  const [pending, setPending] = useState<PendingPairing[]>([]);
  const [log, setLog] = useState<WallAction[]>([]);
  const [ref, setRef] = useState<{ municipalities: Named[]; incidentTypes: Named[] } | null>(null);
  const [incidents, setIncidents] = useState<Feature[]>([]);
  const [vehicles, setVehicles] = useState<Feature[]>([]);
  const [selected, setSelected] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [, tick] = useState(0);

  const refresh = useCallback(async () => {
    try {
      const [w, s, p, l] = await Promise.all([api<WallView[]>('GET', '/api/walls'), api<ScreenInfo[]>('GET', '/api/screens'),
        api<PendingPairing[]>('GET', '/api/pairing/pending'), api<WallAction[]>('GET', '/api/log?limit=60')]);
      setWalls(w); setScreens(s); setPending(p); setLog(l); setError(null);
    } catch (e) { setError((e as Error).message); }
  }, []);
  const refreshPlaces = useCallback(async () => {
    const [i, v] = await Promise.all([api<{ features: Feature[] }>('GET', '/api/incidents'), api<{ features: Feature[] }>('GET', '/api/vehicles')]);
    setIncidents(i.features.filter((f) => f.properties['status'] === 'active'));
    setVehicles(v.features);
  }, []);
  useEffect(() => {
    void refresh();
    void refreshPlaces().catch(() => undefined);
    void api<{ municipalities: Named[]; incidentTypes: Named[] }>('GET', '/api/reference').then(setRef);
    let timer: ReturnType<typeof setTimeout> | 0 = 0;
    const socket = consoleSocket(() => { if (!timer) timer = setTimeout(() => { timer = 0; void refresh(); }, 150); });
    const slow = setInterval(() => { void refresh(); void refreshPlaces().catch(() => undefined); }, 10_000);
    const second = setInterval(() => tick((n) => n + 1), 1000);
    return () => { socket.close(); clearInterval(slow); clearInterval(second); };
  }, [refresh, refreshPlaces]);

  const view = walls.find((w) => w.wall.id === selected) ?? walls[0];
  const act = async (path: string, body: unknown) => {
    if (!view) return;
    try { await api('POST', `/api/walls/${view.wall.id}/${path}`, body); setError(null); void refresh(); } catch (e) { setError((e as Error).message); }
  };
  return (
    <main className="c-main">
      {error && <p className="c-error c-wide" role="alert">{t('error')}: {error}</p>}
      <nav className="c-tabs c-wide">
        {walls.map((w) => (
          <button key={w.wall.id} className={w === view ? 'on' : ''} onClick={() => setSelected(w.wall.id)}>{nameIn(lang, w.wall)}</button>
        ))}
      </nav>
      {view && <>
        <section className="c-col">
          <WallPanel lang={lang} view={view} act={act} />
          <ReplayPanel lang={lang} view={view} act={act} />
          <FocusPanel lang={lang} view={view} act={act} ref_={ref} incidents={incidents} vehicles={vehicles} />
          <DisplayPanel lang={lang} view={view} act={act} />
        </section>
        <section className="c-col">
          <ScreensPanel lang={lang} walls={walls} screens={screens} pending={pending} refresh={refresh} setError={setError} />
          <Card title={t('log')}>
            <ol className="c-log" data-log>
              {log.map((a) => (
                <li key={a.id}><span className="c-muted">{hm(a.at)}</span> <b>{a.actor}</b> <span className="c-muted">({a.role})</span> {a.wall} · {a.action}
                  {Object.keys(a.detail).length > 0 && <span className="c-muted"> {JSON.stringify(a.detail)}</span>}</li>
              ))}
            </ol>
          </Card>
          {me.role === 'admin' && <UsersPanel lang={lang} setError={setError} />}
        </section>
      </>}
    </main>
  );
}

