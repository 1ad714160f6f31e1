// The map, outside React: MapLibre draws the basemap from our GeoJSON, deck.gl (MapLibreOverlay) draws the live
// layers. Live buffers and the store notify it; it redraws on the next animation frame, and keeps animating only
// while vehicles glide or new incidents pulse (at most ~30 frames a second).
import { countMapFrame } from './frame-count';
import { Map as MapLibre, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { MapLibreOverlay } from '@deck.gl/maplibre';
import type { Feature } from 'geojson';
import type { MapLayer } from '../../../server/protocol/layout';
import { CONTAINER_STATUSES, type IncidentView } from '../../../server/protocol/views';
import type { Live } from '../live/connection';
import { serverNow, useWall, type WallState } from '../store/wall-store';
import { basemapStyle } from './basemap-style';
import { bboxOf, type Geodata } from './geodata';
import { drawIconAtlas, type IconAtlas } from './icons';
import { baseLayers, binaryPoints, motionLayers, PULSE_MS, type MapInputs } from './live-layers';
import { afterQuiet } from '../screen/quiet';

setWorkerUrl(workerUrl);

/** redraw intervals: the fastest (smooth glides when zoomed in), pulses, and the slowest while anything moves */
const FRAME_MS = 33, PULSE_FRAME_MS = 100, SLOW_FRAME_MS = 1000;
/** base layers (24,000 sites, choropleth, heat) redraw at most this often: their data changes every few seconds and
 *  a wall read from 5 m gains nothing from more */
const BASE_MIN_MS = 5000;
const OVERFLOWING = CONTAINER_STATUSES.indexOf('overflowing');

export interface MapController {
  destroy(): void;
  map: MapLibre;
  frames(): number;
  /** the live layers shown (the scene's, with the wall's switches applied) */
  setLayers(layers: readonly MapLayer[]): void;
  /** fly to a place (a smooth glide), or back to the whole republic */
  focus(target: { lon: number; lat: number; zoom: number } | null, animate: boolean): void;
}


export function createMapController(container: HTMLElement, geo: Geodata, live: Live, initialLayers: readonly MapLayer[], approximate: boolean,
  onContextLost: () => void = () => undefined): MapController {
  let layers = initialLayers;
  let focused: { lon: number; lat: number; zoom: number } | null = null;
  const scale = () => Math.max(0.6, window.innerHeight / 1080);
  const bounds = bboxOf(geo.republic);
  const padding = () => Math.round(12 * scale());
  const map = new MapLibre({
    container, style: basemapStyle(geo, approximate, scale()), bounds, fitBoundsOptions: { padding: padding() },
    attributionControl: false, dragRotate: false, pitchWithRotate: false, touchPitch: false, renderWorldCopies: false,
    fadeDuration: 0,
  });
  // two deck.gl canvases over the basemap: base layers (redrawn when their data changes) under motion layers
  const base = new MapLibreOverlay({ interleaved: false, layers: [] });
  const motion = new MapLibreOverlay({ interleaved: false, layers: [] });
  map.addControl(base);
  map.addControl(motion);
  let baseDirty = true, baseDrawnAt = -Infinity, baseUrgent = true;

  const icons: IconAtlas = drawIconAtlas();
  const settlements = geo.settlements.features.filter((f) => Number(f.properties?.['population'] ?? 0) >= 15_000 || f.properties?.['capital']);
  const state = {
    per10k: new Map<string, number>(), per10kMax: 1, per10kVersion: 0, summaryRef: null as unknown,
    incidentsRef: null as unknown, incidents: [] as IncidentView[], incidentAreas: [] as Feature[],
    overflowing: new Uint32Array(0), containersVersion: 0, fleetVersion: 0,
    fleetData: { length: live.fleet.count }, containersData: binaryPoints(new Float32Array(0), 0), containersLayout: -1,
    appealsData: binaryPoints(live.appeals.position, live.appeals.count),
  };
  let raf = 0, timer: ReturnType<typeof setTimeout> | 0 = 0, dueAt = 0, frames = 0, destroyed = false, interval = FRAME_MS;

  /** Redraw as often as vehicles move by half a pixel: at the republic's zoom a glide is a fraction of a pixel a
   *  second and one draw per fix is enough; zoomed in on a town, glides get up to ~30 frames a second. */
  function glideInterval(): number {
    const b = map.getBounds();
    const pxPerDeg = container.clientWidth / Math.max(1e-6, b.getEast() - b.getWest());
    const px = live.fleet.maxStepDeg * pxPerDeg;
    return Math.min(SLOW_FRAME_MS, Math.max(FRAME_MS, 1000 / Math.max(1, px * 2)));
  }

  /** Takes what the base layers need from the store; true when any of it changed. */
  function readStore(s: WallState): boolean {
    let changed = false;
    const byM = s.summary?.appeals.byMunicipality;
    if (byM && byM !== state.summaryRef) {
      changed = true;
      state.summaryRef = byM;
      state.per10k = new Map(byM.map((r) => [r.id, r.per10k]));
      state.per10kMax = Math.max(1, ...byM.map((r) => r.per10k));
      state.per10kVersion++;
    }
    if (s.incidents !== state.incidentsRef) {
      changed = true;
      state.incidentsRef = s.incidents;
      state.incidents = s.incidents.filter((i) => i.status === 'active');
      state.incidentAreas = state.incidents.filter((i) => i.area).map((i) => ({ type: 'Feature', geometry: i.area as Feature['geometry'], properties: { id: i.id, severity: i.severity } }));
    }
    return changed;
  }

  function refreshOverflowing() {
    const c = live.containers;
    if (c.layoutVersion !== state.containersLayout) {
      state.containersLayout = c.layoutVersion;
      state.containersData = binaryPoints(c.position, c.count);
    }
    const out: number[] = [];
    for (let i = 0; i < c.count; i++) if (c.status[i] === OVERFLOWING) out.push(i);
    state.overflowing = Uint32Array.from(out);
    state.containersVersion++;
  }

  function draw(t: number) {
    raf = 0;
    if (destroyed) return;
    if (afterQuiet(Date.now()) !== Date.now()) { schedule(0); return; } // drawn after the scene switch
    const s = useWall.getState();
    const moving = live.fleet.advance(t);
    const now = serverNow(s);
    const pulsing = state.incidents.filter((i) => now - i.reportedAt < PULSE_MS);
    const inputs: MapInputs = {
      lang: s.lang, layers, scale: scale(), time: t, municipalities: geo.municipalities, settlements,
      per10k: state.per10k, per10kMax: state.per10kMax, per10kVersion: state.per10kVersion,
      incidents: state.incidents, incidentAreas: state.incidentAreas, pulsing,
      fleet: live.fleet, fleetVersion: state.fleetVersion, fleetData: state.fleetData,
      containers: live.containers, containersVersion: state.containersVersion, containersData: state.containersData,
      overflowing: state.overflowing, appealsData: state.appealsData, icons,
    };
    if (baseDirty && (baseUrgent || t - baseDrawnAt >= BASE_MIN_MS)) {
      base.setProps({ layers: baseLayers(inputs) });
      baseDirty = false; baseUrgent = false; baseDrawnAt = t;
    }
    motion.setProps({ layers: motionLayers(inputs) });
    frames++; countMapFrame();
    // drawn with its data once the style is in: a scene being prepared for a switch is ready
    if (map.loaded() && container.dataset['ready'] !== 'true') container.dataset['ready'] = 'true';
    if (baseDirty) schedule(BASE_MIN_MS - (t - baseDrawnAt)); // a base update waits for its turn
    if (moving || pulsing.length) {
      interval = Math.min(moving ? glideInterval() : SLOW_FRAME_MS, pulsing.length ? PULSE_FRAME_MS : SLOW_FRAME_MS);
      schedule(interval);
    } else interval = FRAME_MS;
  }
  /** Draws on an animation frame at least `delayMs` from now (or sooner, if an earlier draw is already due). */
  function schedule(delayMs = 0) {
    if (destroyed) return;
    const wall = Date.now() + Math.max(0, delayMs);
    delayMs = afterQuiet(wall) - Date.now(); // a scene switch is about to happen: draw after it
    const due = performance.now() + Math.max(0, delayMs);
    if (raf || (timer && dueAt <= due)) return;
    if (timer) clearTimeout(timer);
    dueAt = due;
    timer = setTimeout(() => { timer = 0; raf = requestAnimationFrame(draw); }, Math.max(0, delayMs));
  }

  readStore(useWall.getState());
  refreshOverflowing();
  const unsubs = [
    useWall.subscribe((s, prev) => {
      if (s.lang !== prev.lang) { baseDirty = baseUrgent = true; schedule(); }
      if ((s.summary !== prev.summary || s.incidents !== prev.incidents) && readStore(s)) { baseDirty = true; schedule(); }
    }),
    live.fleet.changed.listen(() => {
      state.fleetVersion++;
      if (state.fleetData.length !== live.fleet.count) state.fleetData = { length: live.fleet.count };
      schedule(); // a new fix is drawn at once, whatever the glide rate
    }),
    live.containers.changed.listen(() => { refreshOverflowing(); baseDirty = true; schedule(); }),
    live.appeals.changed.listen(() => { state.appealsData = binaryPoints(live.appeals.position, live.appeals.count); baseDirty = true; schedule(); }),
  ];
  const frame = (animate: boolean) => {
    if (focused) map.flyTo({ center: [focused.lon, focused.lat], zoom: focused.zoom, duration: animate ? 2500 : 0, essential: true });
    else map.fitBounds(bounds, { padding: padding(), animate, duration: animate ? 2000 : 0 });
  };
  const resize = new ResizeObserver(() => { map.resize(); frame(false); baseDirty = baseUrgent = true; schedule(); });
  resize.observe(container);
  map.on('load', () => schedule());
  // a lost WebGL context (driver reset, GPU memory pressure) is not always given back: the panel builds a new map
  map.on('webglcontextlost', () => onContextLost());

  return {
    map, frames: () => frames,
    setLayers(next) { layers = next; baseDirty = baseUrgent = true; schedule(); },
    focus(target, animate) { focused = target; frame(animate); schedule(); },
    destroy() {
      destroyed = true;
      if (raf) cancelAnimationFrame(raf);
      if (timer) clearTimeout(timer);
      unsubs.forEach((u) => u());
      resize.disconnect();
      for (const o of [motion, base]) { map.removeControl(o); o.finalize(); }
      map.remove();
    },
  };
}
