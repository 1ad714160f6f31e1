// The console's panels for one wall: its faithful miniature and scene buttons, the focus, and what it displays
// (layers, language, banner, visitor mode), and its replay. Every button is an HTTP call the server checks and logs.
import { useMemo, useState, type ReactNode } from 'react';
import { MAP_LAYERS, type MapLayer } from '../../../server/protocol/layout';
import type { FocusKind } from '../../../server/protocol/walls';
import type { Lang } from '../i18n/lang';
import { hm, nameIn, useT, type Act, type Feature, type Named, type WallView } from './shared';
import { TimeControl } from '../replay/control/TimeControl';
import { timeText } from '../replay/control/strings';

export function Card({ title, children, className }: { title: string; children: ReactNode; className?: string }) {
  return <div className={`c-card ${className ?? ''}`}><h3>{title}</h3>{children}</div>;
}

/** The wall drawn small: each screen with its state, the current scene's panels over them, labelled by kind. */
export function Miniature({ lang, view }: { lang: Lang; view: WallView }) {
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

export function WallPanel({ lang, view, act }: { lang: Lang; view: WallView; act: Act }) {
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

export function FocusPanel({ lang, view, act, ref_, incidents, vehicles }: { lang: Lang; view: WallView; act: Act;
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

export function DisplayPanel({ lang, view, act }: { lang: Lang; view: WallView; act: Act }) {
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


/** The wall in the past for all its screens together, and back (client/src/replay/control). */
export function ReplayPanel({ lang, view, act }: { lang: Lang; view: WallView; act: Act }) {
  return (
    <Card title={timeText(lang, 'title')} className="c-replay">
      <TimeControl lang={lang} replay={view.state.replay} act={(body) => act('replay', body)} />
    </Card>
  );
}
