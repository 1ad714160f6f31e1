// The duty officer's console (/console, laptop or tablet): each wall with a faithful miniature of its screens and
// the scene on them, scene buttons, the rotation, focus, layers, language, banner and visitor mode, alarms, screen
// pairing, the action log and (for admins) users. Every button is an HTTP call the server checks and logs.
import { useCallback, useEffect, useMemo, useState, type FormEvent, type ReactNode } from 'react';
import { MAP_LAYERS, type Layout, type MapLayer } from '../../../server/protocol/layout';
import type { FocusKind, OnlineScreen, PendingPairing, ScreenInfo, WallAction, WallConfig, WallState } from '../../../server/protocol/walls';
import { pickLang, type Lang } from '../i18n/lang';
import { api, consoleSocket, consoleToken, keepConsoleToken } from './api';
import { CONSOLE_STRINGS, type ConsoleKey } from './strings';
import './console.css';

interface WallView { wall: WallConfig; state: WallState; scenes: Record<string, Layout>; online: OnlineScreen[] }
export interface Me { role: string; name: string }
interface Named { id: string; name_ru: string; name_en: string }
interface Feature { id: string; properties: Record<string, unknown> }

const useT = (lang: Lang) => useCallback((k: ConsoleKey) => CONSOLE_STRINGS[lang][k], [lang]);
const nameIn = (lang: Lang, x: { name_ru: string; name_en: string } | undefined, fallback = '') => (x ? (lang === 'ru' ? x.name_ru : x.name_en) : fallback);
const hm = (t: number) => new Date(t).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit' });

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

function Card({ title, children, className }: { title: string; children: ReactNode; className?: string }) {
  return <div className={`c-card ${className ?? ''}`}><h3>{title}</h3>{children}</div>;
}

/** The wall drawn small: each screen with its state, the current scene's panels over them, labelled by kind. */
function Miniature({ lang, view }: { lang: Lang; view: WallView }) {
  const { wall, state, scenes, online } = view;
  const scene = scenes[state.scene];
  const pct = (v: number, of: number) => `${(v / of) * 100}%`;
  return (
    <div className="c-mini" style={{ aspectRatio: `${wall.width} / ${wall.height}` }} data-miniature={state.scene}>
      {scene?.panels.map((p, i) => (
        <div key={i} className={`c-mini-panel k-${p.kind}`} style={{ left: pct(p.area.col - 1, scene.grid.cols), top: pct(p.area.row - 1, scene.grid.rows),
          width: pct(p.area.cols, scene.grid.cols), height: pct(p.area.rows, scene.grid.rows) }}><span>{p.kind}</span></div>
      ))}
      {wall.screens.map((s) => {
        const on = online.filter((o) => o.screen === s.id);
        return (
          <div key={s.id} className={`c-mini-screen ${on.length ? 'is-on' : ''}`} data-screen-status={on.length ? 'online' : 'offline'}
            style={{ left: pct(s.x, wall.width), top: pct(s.y, wall.height), width: pct(s.width, wall.width), height: pct(s.height, wall.height) }}>
            <span className="c-mini-label">{nameIn(lang, s)} · {on.length ? `● ${on.length}` : '○'}</span>
          </div>
        );
      })}
    </div>
  );
}

function WallPanel({ lang, view, act }: { lang: Lang; view: WallView; act: (p: string, b: unknown) => Promise<void> }) {
  const t = useT(lang);
  const { wall, state, scenes } = view;
  const list = state.rotation.playlist === 'default' ? wall.playlist : wall.schedule[state.rotation.playlist]?.playlist ?? wall.playlist;
  const left = state.rotation.nextAt ? Math.max(0, Math.round((state.rotation.nextAt - Date.now()) / 1000)) : null;
  return (
    <Card title={`${nameIn(lang, wall)} · ${t('scene')}: ${nameIn(lang, scenes[state.scene], state.scene)}`}>
      {state.alarm && (
        <div className="c-alarm" role="alert" data-alarm={state.alarm.rule}>
          <b>{t('alarm')}</b> {lang === 'ru' ? state.alarm.reason_ru : state.alarm.reason_en}
          <button onClick={() => act('alarm', { action: 'end' })}>{t('handBack')}</button>
        </div>
      )}
      <Miniature lang={lang} view={view} />
      <div className="c-buttons">
        {wall.scenes.map((id) => (
          <button key={id} data-scene-button={id} className={id === state.scene ? 'on' : ''} onClick={() => act('scene', { scene: id })}>
            {nameIn(lang, scenes[id], id)}
          </button>
        ))}
      </div>
      <div className="c-row">
        <span>{t('rotation')}: <b data-rotation={state.rotation.playing ? 'playing' : 'paused'}>{state.rotation.playing ? t('playing') : t('paused')}</b>
          {state.rotation.playlist !== 'default' && <span className="c-muted"> ({t('night')} {wall.schedule[state.rotation.playlist]?.from}–{wall.schedule[state.rotation.playlist]?.to})</span>}
          {left !== null && <span className="c-muted"> · {t('nextIn')} {left} s</span>}</span>
        <span className="c-spacer" />
        {state.rotation.playing
          ? <button data-action="pause" onClick={() => act('rotation', { action: 'pause' })}>{t('pause')}</button>
          : <button data-action="resume" onClick={() => act('rotation', { action: 'resume' })}>{t('resume')}</button>}
        <button data-action="next" onClick={() => act('rotation', { action: 'next' })}>{t('next')}</button>
      </div>
      <ol className="c-playlist">
        {list.map((p, i) => <li key={i} className={state.rotation.index === i ? 'on' : ''}>{nameIn(lang, scenes[p.scene], p.scene)} <span className="c-muted">{p.seconds} s</span></li>)}
      </ol>
    </Card>
  );
}

function FocusPanel({ lang, view, act, ref_, incidents, vehicles }: { lang: Lang; view: WallView; act: (p: string, b: unknown) => Promise<void>;
  ref_: { municipalities: Named[]; incidentTypes: Named[] } | null; incidents: Feature[]; vehicles: Feature[] }) {
  const t = useT(lang);
  const [m, setM] = useState('');
  const [v, setV] = useState('');
  const focus = view.state.focus;
  const go = (kind: FocusKind, id: string) => { if (id) void act('focus', { kind, id }); };
  const munis = useMemo(() => [...(ref_?.municipalities ?? [])].sort((a, b) => nameIn(lang, a).localeCompare(nameIn(lang, b))), [ref_, lang]);
  const vehicleByCallsign = new Map(vehicles.map((f) => [String(f.properties['callsign'] ?? f.id), f.id]));
  return (
    <Card title={`${t('focus')}${focus ? `: ${lang === 'ru' ? focus.label_ru : focus.label_en}` : ''}`}>
      <div className="c-row">
        <select aria-label={t('municipality')} value={m} onChange={(e) => setM(e.target.value)} data-focus-municipality>
          <option value="">{t('municipality')}…</option>
          {munis.map((x) => <option key={x.id} value={x.id}>{nameIn(lang, x)}</option>)}
        </select>
        <button onClick={() => go('municipality', m)} disabled={!m}>{t('show')}</button>
        <button data-action="unfocus" onClick={() => act('focus', {})} disabled={!focus}>{t('wholeRepublic')}</button>
      </div>
      <div className="c-row">
        <input list="c-vehicles" placeholder={`${t('vehicle')} (${t('callsign')})`} value={v} onChange={(e) => setV(e.target.value)} />
        <datalist id="c-vehicles">{[...vehicleByCallsign.keys()].slice(0, 500).map((c) => <option key={c} value={c} />)}</datalist>
        <button onClick={() => go('vehicle', vehicleByCallsign.get(v) ?? v)} disabled={!v}>{t('show')}</button>
      </div>
      <div className="c-sub">{t('activeIncidents')}</div>
      <ul className="c-list">
        {incidents.slice(0, 12).map((f) => {
          const type = ref_?.incidentTypes.find((x) => x.id === f.properties['type']);
          const place = ref_?.municipalities.find((x) => x.id === f.properties['municipality']);
          return (
            <li key={f.id}><button className={`c-link sev-${String(f.properties['severity'])}`} onClick={() => go('incident', f.id)}>
              {nameIn(lang, type, String(f.properties['type']))}, {nameIn(lang, place, String(f.properties['municipality']))} · {String(f.properties['severity'])}
            </button></li>
          );
        })}
        {incidents.length === 0 && <li className="c-muted">{t('none')}</li>}
      </ul>
    </Card>
  );
}

function DisplayPanel({ lang, view, act }: { lang: Lang; view: WallView; act: (p: string, b: unknown) => Promise<void> }) {
  const t = useT(lang);
  const { state } = view;
  const [text, setText] = useState('');
  const [minutes, setMinutes] = useState(15);
  const layer = (l: MapLayer, v: boolean | null) => act('layers', v === null ? { reset: [l] } : v ? { show: [l] } : { hide: [l] });
  const visitor = state.mode === 'visitor';
  return (
    <Card title={`${t('layers')} · ${t('language')} · ${t('banner')}`}>
      <table className="c-layers"><tbody>
        {MAP_LAYERS.map((l) => {
          const v = state.layers[l];
          return (
            <tr key={l}><td>{l}</td><td>
              <button className={v === undefined ? 'on' : ''} onClick={() => layer(l, null)}>{t('sceneChoice')}</button>
              <button className={v === true ? 'on' : ''} data-layer-on={l} onClick={() => layer(l, true)}>{t('on')}</button>
              <button className={v === false ? 'on' : ''} data-layer-off={l} onClick={() => layer(l, false)}>{t('off')}</button>
            </td></tr>
          );
        })}
      </tbody></table>
      <div className="c-row">
        {t('language')}:
        {(['ru', 'en'] as const).map((l) => <button key={l} className={state.lang === l ? 'on' : ''} data-wall-lang={l} onClick={() => act('lang', { lang: l })}>{l.toUpperCase()}</button>)}
      </div>
      <form className="c-row" onSubmit={(e) => { e.preventDefault(); void act('banner', { text, minutes }); }}>
        <input className="c-grow" placeholder={t('banner')} value={text} maxLength={280} onChange={(e) => setText(e.target.value)} data-banner-text />
        <input type="number" min={1} max={1440} value={minutes} onChange={(e) => setMinutes(Number(e.target.value))} style={{ width: '4.5em' }} /> {t('minutes')}
        <button type="submit" disabled={!text.trim()}>{t('show')}</button>
        <button type="button" disabled={!state.banner} onClick={() => act('banner', { text: null })}>{t('clear')}</button>
      </form>
      {state.banner && <p className="c-muted">«{state.banner.text}»{state.banner.until ? ` → ${hm(state.banner.until)}` : ''}</p>}
      <div className={`c-visitor ${visitor ? 'on' : ''}`}>
        <div><b>{t('visitor')}</b>: {visitor ? t('on') : t('off')}<br /><span className="c-muted">{t('visitorHint')}</span></div>
        <button className="c-primary" data-action="visitor" onClick={() => act('mode', { mode: visitor ? 'normal' : 'visitor' })}>
          {visitor ? t('visitorOff') : t('visitorOn')}</button>
      </div>
    </Card>
  );
}

function ScreensPanel({ lang, walls, screens, pending, refresh, setError }: { lang: Lang; walls: WallView[]; screens: ScreenInfo[];
  pending: PendingPairing[]; refresh: () => Promise<void>; setError: (e: string | null) => void }) {
  const t = useT(lang);
  const [code, setCode] = useState('');
  const [wall, setWall] = useState(walls[0]?.wall.id ?? '');
  const [position, setPosition] = useState(walls[0]?.wall.screens[0]?.id ?? '');
  const [name, setName] = useState('');
  const w = walls.find((x) => x.wall.id === wall) ?? walls[0];
  const approve = async (e: FormEvent) => {
    e.preventDefault();
    try { await api('POST', '/api/pairing/approve', { code, wall: w?.wall.id, screen: position || w?.wall.screens[0]?.id, name: name || undefined }); setCode(''); setName(''); setError(null); }
    catch (err) { setError((err as Error).message); }
    void refresh();
  };
  const revoke = async (id: string) => { try { await api('DELETE', `/api/screens/${id}`); } catch (err) { setError((err as Error).message); } void refresh(); };
  const local = walls.flatMap((v) => v.online.filter((o) => o.via !== 'screen'));
  return (
    <Card title={t('screens')}>
      <form className="c-pair" onSubmit={approve}>
        <b>{t('pair')}</b>
        <input placeholder={t('code')} value={code} onChange={(e) => setCode(e.target.value.toUpperCase())} data-pair-code required />
        <select value={w?.wall.id ?? ''} onChange={(e) => setWall(e.target.value)} aria-label={t('walls')}>
          {walls.map((x) => <option key={x.wall.id} value={x.wall.id}>{nameIn(lang, x.wall)}</option>)}
        </select>
        <select value={position} onChange={(e) => setPosition(e.target.value)} aria-label={t('position')} data-pair-position>
          {w?.wall.screens.map((s) => <option key={s.id} value={s.id}>{s.id} · {nameIn(lang, s)}</option>)}
        </select>
        <input placeholder={t('screenName')} value={name} onChange={(e) => setName(e.target.value)} />
        <button type="submit" className="c-primary" data-action="approve">{t('approve')}</button>
      </form>
      {pending.length > 0 && <>
        <div className="c-sub">{t('waiting')}</div>
        <ul className="c-list">{pending.map((p) => (
          <li key={p.code}><button className="c-link" onClick={() => setCode(p.code)}><b>{p.code}</b></button> <span className="c-muted">{p.address} · {hm(p.createdAt)} · {p.userAgent.slice(0, 60)}</span></li>
        ))}</ul>
      </>}
      <table className="c-screens"><tbody>
        {screens.map((s) => (
          <tr key={s.id} data-screen-id={s.id} className={s.revokedAt ? 'revoked' : ''}>
            <td>{s.online ? '●' : '○'}</td><td>{s.name}</td><td>{s.wall}/{s.screen}</td>
            <td className="c-muted">{s.revokedAt ? t('revoked') : s.online ? t('online') : s.lastSeenAt ? hm(s.lastSeenAt) : t('offline')}</td>
            <td>{!s.revokedAt && <button data-action="revoke" onClick={() => revoke(s.id)}>{t('revoke')}</button>}</td>
          </tr>
        ))}
        {local.map((o, i) => (
          <tr key={`l${i}`}><td>●</td><td>{o.name}</td><td>{o.wall}/{o.screen ?? '*'}</td><td className="c-muted">{o.via === 'loopback' ? t('local') : o.via}</td><td /></tr>
        ))}
      </tbody></table>
    </Card>
  );
}

function UsersPanel({ lang, setError }: { lang: Lang; setError: (e: string | null) => void }) {
  const t = useT(lang);
  const [users, setUsers] = useState<{ name: string; role: string; disabledAt: number | null }[]>([]);
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [role, setRole] = useState<'operator' | 'admin'>('operator');
  const load = useCallback(() => api<typeof users>('GET', '/api/admin/users').then(setUsers).catch((e: Error) => setError(e.message)), [setError]);
  useEffect(() => { void load(); }, [load]);
  const add = async (e: FormEvent) => {
    e.preventDefault();
    try { await api('POST', '/api/admin/users', { name, password, role }); setName(''); setPassword(''); setError(null); } catch (err) { setError((err as Error).message); }
    void load();
  };
  return (
    <Card title={t('users')}>
      <ul className="c-list">{users.map((u) => <li key={u.name} className={u.disabledAt ? 'c-muted' : ''}>{u.name} · {u.role}</li>)}</ul>
      <form className="c-row" onSubmit={add}>
        <input placeholder={t('name')} value={name} onChange={(e) => setName(e.target.value)} required />
        <input placeholder={t('password')} type="password" value={password} onChange={(e) => setPassword(e.target.value)} minLength={10} required />
        <select value={role} onChange={(e) => setRole(e.target.value as 'operator' | 'admin')}><option>operator</option><option>admin</option></select>
        <button type="submit">{t('addUser')}</button>
      </form>
    </Card>
  );
}
