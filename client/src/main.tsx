// The page's entry: which page this is (a wall screen, the single-layout wall, the console, pairing), the language,
// the live connection, a 1 Hz clock for ages, then React.
import '@fontsource-variable/golos-text';
// MapLibre's own rules before the wall's, so wall.css wins where both style the map's box (the map's code comes later, in its own chunk)
import 'maplibre-gl/dist/maplibre-gl.css';
import './styles/wall.css';
import { Component, StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { DEFAULT_FRESHNESS } from '../../server/protocol/layout';
import { pickLang } from './i18n/lang';
import { Fatal, Wall } from './layout/Wall';
import { loadReference, loadStartWithRetry, withRetry } from './layout/load-layout';
import { startLive } from './live/connection';
import { ReplayParamError, replayPlan, type ReplayPlan } from './replay/plan';
import { followWallReplay } from './replay/wall-replay';
import { LiveContext } from './live/live-context';
import { useWall } from './store/wall-store';
import { mapFrameCount } from './map/frame-count';
import { useScreen } from './screen/screen-store';
import { forgetScreenToken, screenToken } from './screen/token';
import { wallSession } from './screen/wall-session';
import { ScreenApp } from './screen/ScreenApp';
import { PairingPage } from './screen/PairingPage';
import { enterKiosk, kioskBlockedKeys, reloadOnErrors } from './screen/kiosk';
import { switches } from './screen/scene-switch';

const params = new URLSearchParams(location.search);
const path = location.pathname.replace(/\/+$/, '') || '/';
const wallPath = /^\/wall\/([^/]+)(?:\/([^/]+))?$/.exec(path);
const route = path === '/console' ? 'console' : path === '/desk' ? 'desk' : path === '/pair' ? 'pair' : wallPath ? 'wall' : 'single';
const root = createRoot(document.getElementById('root')!);

const lang = pickLang(location.search, navigator.languages ?? [navigator.language]);
document.documentElement.lang = lang;
useWall.setState({ lang });

if (route === 'console') {
  void import('./console/ConsoleApp').then(({ ConsoleApp }) => root.render(<StrictMode><ConsoleApp /></StrictMode>));
} else if (route === 'desk') {
  setInterval(() => useWall.setState({ now: Date.now() }), 1000);
  void import('./desk/DeskApp').then(({ DeskApp }) => root.render(<StrictMode><DeskApp /></StrictMode>));
} else {
  startWallPage();
}

/** The replay the URL asks for; one it cannot read stops the page naming the parameter. */
function readReplay(): ReplayPlan | null {
  try { return replayPlan(location.search, Date.now()); } catch (e) {
    if (!(e instanceof ReplayParamError)) throw e;
    useWall.setState({ fatal: e.message });
    return null;
  }
}

/** Where a paired screen belongs, when it was opened somewhere else (/, /pair). */
async function pairedPlace(token: string): Promise<string | null> {
  try {
    const res = await fetch('/api/auth/me', { headers: { authorization: `Bearer ${token}` } });
    if (!res.ok) return null;
    const me = (await res.json()) as { screen?: { wall: string; screen: string } };
    return me.screen ? `/wall/${encodeURIComponent(me.screen.wall)}/${encodeURIComponent(me.screen.screen)}` : null;
  } catch { return null; }
}

function startWallPage() {
  setInterval(() => useWall.setState({ now: Date.now() }), 1000);
  const token = screenToken();
  const kiosk = params.has('kiosk') || (route === 'wall' && token !== null);
  const reloading = { inSeconds: 0 };
  const fail = kiosk || route === 'wall' ? reloadOnErrors((s) => { reloading.inSeconds = s; }) : null;
  if (kiosk) enterKiosk();
  const unpaired = () => { forgetScreenToken(); live?.stop(); useScreen.setState({ unpaired: true }); };

  if (route === 'pair') {
    if (token) void pairedPlace(token).then((to) => { if (to) location.replace(to); });
    root.render(<StrictMode><PairingPage /></StrictMode>);
    return;
  }
  if (route === 'single' && token) void pairedPlace(token).then((to) => { if (to) location.replace(to); });

  const options = {
    token,
    beforeSubscribe: wallPath ? wallSession(decodeURIComponent(wallPath[1]!), wallPath[2] ? decodeURIComponent(wallPath[2]) : null,
      (w, s) => location.replace(`/wall/${encodeURIComponent(w)}/${encodeURIComponent(s)}${location.search}`)) : undefined,
    onUnpaired: unpaired,
  };
  // ?at= or ?from=&to=&speed=: the wall in the past (client/src/replay), unmistakably marked
  const replay = readReplay();
  if (replay) document.documentElement.classList.add('replay');
  const live = startLive(options, replay);
  // the console may put the whole wall into the past and back (POST /api/walls/<wall>/replay)
  if (!replay && route === 'wall') followWallReplay(live);

  class Boundary extends Component<{ children: ReactNode }, { error: Error | null }> {
    override state = { error: null as Error | null };
    static getDerivedStateFromError(error: Error) { return { error }; }
    override componentDidCatch(error: Error) { fail?.(error); }
    override render() { return this.state.error ? <Fatal message={`${this.state.error.message}${fail ? ' · ↻' : ''}`} /> : this.props.children; }
  }

  function App() {
    const layout = useWall((s) => s.layout);
    const reference = useWall((s) => s.reference);
    const fatal = useWall((s) => s.fatal);
    const isUnpaired = useScreen((s) => s.unpaired);
    if (isUnpaired) return <PairingPage />;
    if (fatal) return <Fatal message={fatal} />;
    if (route === 'wall') return reference ? <LiveContext.Provider value={live}><ScreenApp /></LiveContext.Provider> : null;
    if (!layout) return null;
    return <LiveContext.Provider value={live}><Wall layout={layout} /></LiveContext.Provider>;
  }
  root.render(<StrictMode><Boundary><App /></Boundary></StrictMode>);

  // the numbers do not wait for the bundled font (it swaps in when it arrives); the map does (panels/MapPanel.tsx)
  if (route === 'wall') {
    withRetry(loadReference)
      .then((reference) => useWall.setState({ reference }))
      .catch((e: Error) => useWall.setState({ fatal: e.message }));
  } else {
    loadStartWithRetry(location.search, () => undefined)
      .then(({ layout, reference }) => {
        useWall.setState({ layout, reference, freshness: { ...DEFAULT_FRESHNESS, ...layout.freshness } });
        document.title = `Sitroom · ${lang === 'ru' ? layout.name_ru : layout.name_en}`;
      })
      .catch((e: Error) => useWall.setState({ fatal: e.message }));
  }

  /** Read-only diagnostics for operators and tests (no data beyond what the wall shows). */
  window.sitroom = {
    diagnostics: () => ({
      fleetFrames: live.fleet.frames, fleetDropped: live.fleet.dropped, vehicles: live.fleet.count,
      positions: Array.from(live.fleet.position.subarray(0, live.fleet.count * 2)),
      containerSites: live.containers.count, appealPoints: live.appeals.count, resyncs: live.resyncs(),
      connection: useWall.getState().connection, mapFrames: mapFrameCount(),
      scene: useScreen.getState().state?.scene ?? null, wallVersion: useScreen.getState().state?.version ?? null,
      focus: useScreen.getState().state?.focus?.id ?? null,
      switches: [...switches], kiosk, blockedKeys: kioskBlockedKeys(), reloadingIn: reloading.inSeconds,
      dataVersion: useWall.getState().summary?.time ?? null,
      replayAt: useWall.getState().replay?.at ?? null, replayStats: live.replayStats(),
    }),
  };
}

declare global { interface Window { sitroom?: { diagnostics(): Record<string, unknown> } } }
