// The wall's entry: language, layout and reference data, the live connection, a 1 Hz clock for ages, then React.
import '@fontsource-variable/golos-text';
import 'maplibre-gl/dist/maplibre-gl.css';
import './styles/wall.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { DEFAULT_FRESHNESS } from '../../server/protocol/layout';
import { pickLang } from './i18n/lang';
import { Fatal, Wall } from './layout/Wall';
import { loadStartWithRetry } from './layout/load-layout';
import { startLive } from './live/connection';
import { LiveContext } from './live/live-context';
import { useWall } from './store/wall-store';
import { mapFrameCount } from './map/map-controller';

const lang = pickLang(location.search, navigator.languages ?? [navigator.language]);
document.documentElement.lang = lang;
useWall.setState({ lang });
setInterval(() => useWall.setState({ now: Date.now() }), 1000);

const root = createRoot(document.getElementById('root')!);
const live = startLive();

function App() {
  const layout = useWall((s) => s.layout);
  const fatal = useWall((s) => s.fatal);
  if (fatal) return <Fatal message={fatal} />;
  if (!layout) return null;
  return <LiveContext.Provider value={live}><Wall layout={layout} /></LiveContext.Provider>;
}
root.render(<StrictMode><App /></StrictMode>);

// the bundled font must be ready before deck.gl draws its label atlas
Promise.all([document.fonts.load('600 16px "Golos Text Variable"'), loadStartWithRetry(location.search, () => undefined)])
  .then(([, { layout, reference }]) => {
    useWall.setState({ layout, reference, freshness: { ...DEFAULT_FRESHNESS, ...layout.freshness } });
    document.title = `Sitroom · ${lang === 'ru' ? layout.name_ru : layout.name_en}`;
  })
  .catch((e: Error) => useWall.setState({ fatal: e.message }));

/** Read-only diagnostics for operators and tests (no data beyond what the wall shows). */
declare global { interface Window { sitroom?: { diagnostics(): Record<string, unknown> } } }
window.sitroom = {
  diagnostics: () => ({
    fleetFrames: live.fleet.frames, fleetDropped: live.fleet.dropped, vehicles: live.fleet.count,
    positions: Array.from(live.fleet.position.subarray(0, live.fleet.count * 2)),
    containerSites: live.containers.count, appealPoints: live.appeals.count, resyncs: live.resyncs(),
    connection: useWall.getState().connection, mapFrames: mapFrameCount(),
  }),
};
