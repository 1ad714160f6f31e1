// The map panel: the republic's basemap and the live layers the layout switches on, with a legend and the
// attribution of the geodata in use. The map itself lives outside React (map/map-controller.ts), loaded on demand.
import { useEffect, useMemo, useRef, useState } from 'react';
import { MAP_LAYERS, type MapLayer, type PanelStream } from '../../../server/protocol/layout';
import { useScreen } from '../screen/screen-store';
import { useLive } from '../live/live-context';
import type { Live } from '../live/connection';
import type { Focus } from '../../../server/protocol/walls';
import type { MapController } from '../map/map-controller';
import { loadGeodata, type Geodata } from '../map/geodata';
import { useWall } from '../store/wall-store';
import { useFmt } from '../ui/use-fmt';
import { PanelFrame } from './PanelFrame';
import type { PanelProps } from './registry';

const STREAM_OF: Record<MapLayer, PanelStream> = { choropleth: 'kpi', heat: 'kpi', appeals: 'kpi', incidents: 'incidents', fleet: 'fleet', containers: 'containers' };
const DEFAULT_LAYERS: MapLayer[] = ['choropleth', 'incidents', 'fleet', 'containers'];
let geodata: Promise<Geodata> | null = null;
const MAP_RETRY_MS = 3000;
/** how often a followed team's map moves with it */
const FOLLOW_MS = 4000;
const MAP_FONT = '600 16px "Golos Text Variable"';

/** onMap: the desk's hook into the map (picking, the pointer), told when a map is built or dropped */
export function MapPanel({ options, onMap }: PanelProps & { onMap?: (c: MapController | null) => void }) {
  const fmt = useFmt();
  const switches = useScreen((s) => s.state?.layers);
  const focus = useScreen((s) => s.state?.focus ?? null);
  // the scene's layers, with the wall's switches (from the console) over them
  const layers = useMemo(() => MAP_LAYERS.filter((l) => switches?.[l] ?? (options.layers ?? DEFAULT_LAYERS).includes(l)),
    [switches, options.layers]);
  const streams = useMemo(() => [...new Set(['kpi', ...layers.map((l) => STREAM_OF[l])])] as PanelStream[], [layers]);
  const controllerRef = useRef<MapController | null>(null);
  const [generation, setGeneration] = useState(0);
  const box = useRef<HTMLDivElement>(null);
  const live = useLive();
  const geo = useWall((s) => s.reference?.data.geo);
  const [error, setError] = useState<string | null>(null);

  // the map's code and geodata (megabytes) wait until the numbers are live: they must not share a slow link with them
  const numbersLive = useWall((s) => s.summary !== null);
  useEffect(() => {
    if (!box.current || !geo || !numbersLive) return;
    let controller: MapController | null = null;
    let cancelled = false;
    let retry: ReturnType<typeof setTimeout> | undefined;
    geodata ??= loadGeodata(geo.layers);
    // MapLibre and deck.gl come in a chunk of their own, fetched with the geodata once the numbers are drawn
    let fetched = false;
    // the bundled font must be ready before deck.gl draws its label atlas
    Promise.all([geodata, import('../map/map-controller'), document.fonts.load(MAP_FONT)]).then(([g, { createMapController }]) => {
      fetched = true;
      if (cancelled || !box.current) return;
      // a lost WebGL context: this map is dropped and a new one built in its place
      controller = createMapController(box.current, g, live, layersRef.current, geo.approximate, () => setTimeout(() => setGeneration((n) => n + 1), 500));
      controllerRef.current = controller;
      onMapRef.current?.(controller);
      const f = focusRef.current;
      if (f) controller.focus(f, false);
      setError(null);
    }).catch((e: Error) => {
      // the geodata or the map's code could not be fetched (the server restarting): say so, and try again shortly
      geodata = null;
      setError(e.message);
      if (!cancelled && !fetched) retry = setTimeout(() => setGeneration((n) => n + 1), MAP_RETRY_MS);
    });
    return () => { cancelled = true; clearTimeout(retry); controller?.destroy(); controllerRef.current = null; onMapRef.current?.(null); };
  }, [live, geo, generation, numbersLive]);
  const onMapRef = useRef(onMap);
  onMapRef.current = onMap;
  const layersRef = useRef(layers);
  layersRef.current = layers;
  const focusRef = useRef(focus);
  focusRef.current = focus;
  useEffect(() => { controllerRef.current?.setLayers(layers); }, [layers]);
  useEffect(() => { controllerRef.current?.focus(focus, true); }, [focus]);
  useFollowVehicle(focus, live, controllerRef);

  const on = (l: MapLayer) => layers.includes(l);
  return (
    <PanelFrame kind="map" streams={streams} title={fmt.t('panel.map')} figures={['appeals.byMunicipality', 'fleet.status', 'containers.overflowing', 'incidents.active']}>
      <div className="map-box" ref={box} key={generation} />
      {focus && <div className="map-focus" data-focus={focus.id} data-kind={focus.kind}>
        <span className="map-focus-label">◎ {fmt.lang === 'ru' ? focus.label_ru : focus.label_en}</span>
        {(fmt.lang === 'ru' ? focus.detail_ru : focus.detail_en) && <span className="map-focus-detail">{fmt.lang === 'ru' ? focus.detail_ru : focus.detail_en}</span>}
      </div>}
      {error && <div className="map-error">{error}</div>}
      <ul className="legend small">
        {on('containers') && <>
          <li><i className="sw sw-ok" />{fmt.t('legend.sites-ok')}</li>
          <li><i className="sw sw-warn" />{fmt.t('legend.sites-full')}</li>
          <li><i className="sw sw-crit ring" />{fmt.t('legend.sites-overflowing')}</li>
        </>}
        {on('fleet') && <>
          <li><i className="sw sw-amb arrow" />{fmt.t('legend.ambulance-free')}</li>
          <li><i className="sw sw-info arrow" />{fmt.t('legend.ambulance-busy')}</li>
        </>}
        {on('incidents') && <li><i className="sw sw-crit" />{fmt.t('legend.incident')}</li>}
        {on('choropleth') && <li><i className="sw sw-ramp" />{fmt.t('legend.choropleth')}</li>}
        {on('heat') && <li><i className="sw sw-heat" />{fmt.t('legend.heat')}</li>}
        {on('appeals') && <li><i className="sw sw-appeal" />{fmt.t('legend.appeals')}</li>}
        {geo?.approximate && <li className="muted"><i className="sw sw-dash" />{fmt.t('approximate')}</li>}
      </ul>
      <div className="attribution">{geo?.attribution}</div>
    </PanelFrame>
  );
}

/** A team in the spotlight is followed: the map glides to where it is now, at most every few seconds. */
function useFollowVehicle(focus: Focus | null, live: Live, controller: { current: MapController | null }): void {
  useEffect(() => {
    if (focus?.kind !== 'vehicle') return;
    let last = 0;
    return live.fleet.changed.listen(() => {
      const index = live.fleetIndex.get(focus.id);
      const slot = index === undefined ? -1 : live.fleet.slotOf(index);
      if (slot < 0 || performance.now() - last < FOLLOW_MS) return;
      last = performance.now();
      controller.current?.focus({ lon: live.fleet.position[slot * 2]!, lat: live.fleet.position[slot * 2 + 1]!, zoom: focus.zoom }, true);
    });
  }, [focus, live, controller]);
}
