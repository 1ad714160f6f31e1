// The map, outside React: MapLibre draws the basemap from our GeoJSON, deck.gl (MapLibreOverlay) draws the live
// layers. Live buffers and the store notify it; it redraws on the next animation frame, and keeps animating only
// while vehicles glide or new incidents pulse (at most ~30 frames a second).
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
import { buildLayers, PULSE_MS, type MapInputs } from './live-layers';

setWorkerUrl(workerUrl);

const FRAME_MS = 33;
const OVERFLOWING = CONTAINER_STATUSES.indexOf('overflowing');

export interface MapController { destroy(): void; map: MapLibre; frames(): number }

export function createMapController(container: HTMLElement, geo: Geodata, live: Live, layers: readonly MapLayer[], approximate: boolean): MapController {
  const scale = () => Math.max(0.6, window.innerHeight / 1080);
  const bounds = bboxOf(geo.republic);
  const padding = () => Math.round(12 * scale());
  const map = new MapLibre({
    container, style: basemapStyle(geo, approximate, scale()), bounds, fitBoundsOptions: { padding: padding() },
    attributionControl: false, dragRotate: false, pitchWithRotate: false, touchPitch: false, renderWorldCopies: false,
    fadeDuration: 0,
  });
  const overlay = new MapLibreOverlay({ interleaved: false, layers: [] });
  map.addControl(overlay);

  const icons: IconAtlas = drawIconAtlas();
  const settlements = geo.settlements.features.filter((f) => Number(f.properties?.['population'] ?? 0) >= 15_000 || f.properties?.['capital']);
  const state = {
    per10k: new Map<string, number>(), per10kMax: 1, per10kVersion: 0, summaryRef: null as unknown,
    incidentsRef: null as unknown, incidents: [] as IncidentView[], incidentAreas: [] as Feature[],
    overflowing: new Uint32Array(0), containersVersion: 0, fleetVersion: 0,
  };
  let raf = 0, lastDraw = 0, frames = 0, destroyed = false;

  function readStore(s: WallState) {
    const byM = s.summary?.appeals.byMunicipality;
    if (byM && byM !== state.summaryRef) {
      state.summaryRef = byM;
      state.per10k = new Map(byM.map((r) => [r.id, r.per10k]));
      state.per10kMax = Math.max(1, ...byM.map((r) => r.per10k));
      state.per10kVersion++;
    }
    if (s.incidents !== state.incidentsRef) {
      state.incidentsRef = s.incidents;
      state.incidents = s.incidents.filter((i) => i.status === 'active');
      state.incidentAreas = state.incidents.filter((i) => i.area).map((i) => ({ type: 'Feature', geometry: i.area as Feature['geometry'], properties: { id: i.id, severity: i.severity } }));
    }
  }

  function refreshOverflowing() {
    const c = live.containers;
    const out: number[] = [];
    for (let i = 0; i < c.count; i++) if (c.status[i] === OVERFLOWING) out.push(i);
    state.overflowing = Uint32Array.from(out);
    state.containersVersion++;
  }

  function draw(t: number) {
    raf = 0;
    if (destroyed) return;
    if (t - lastDraw < FRAME_MS) { schedule(); return; }
    lastDraw = t;
    const s = useWall.getState();
    const moving = live.fleet.advance(t);
    const now = serverNow(s);
    const pulsing = state.incidents.filter((i) => now - i.reportedAt < PULSE_MS);
    const inputs: MapInputs = {
      lang: s.lang, layers, scale: scale(), time: t, serverTime: now, municipalities: geo.municipalities, settlements,
      per10k: state.per10k, per10kMax: state.per10kMax, per10kVersion: state.per10kVersion,
      incidents: state.incidents, incidentAreas: state.incidentAreas, pulsing,
      fleet: live.fleet, fleetVersion: state.fleetVersion, containers: live.containers, containersVersion: state.containersVersion,
      overflowing: state.overflowing, appeals: live.appeals, icons,
    };
    overlay.setProps({ layers: buildLayers(inputs) });
    frames++;
    if (moving || pulsing.length) schedule();
  }
  function schedule() { if (!raf && !destroyed) raf = requestAnimationFrame(draw); }

  readStore(useWall.getState());
  refreshOverflowing();
  const unsubs = [
    useWall.subscribe((s, prev) => {
      if (s.summary !== prev.summary || s.incidents !== prev.incidents || s.lang !== prev.lang) { readStore(s); schedule(); }
    }),
    live.fleet.changed.listen(() => { state.fleetVersion++; schedule(); }),
    live.containers.changed.listen(() => { refreshOverflowing(); schedule(); }),
    live.appeals.changed.listen(schedule),
  ];
  const resize = new ResizeObserver(() => { map.resize(); map.fitBounds(bounds, { padding: padding(), animate: false }); schedule(); });
  resize.observe(container);
  map.on('load', schedule);
  map.on('webglcontextlost', () => { /* the kiosk issue rebuilds the map; here the next redraw resumes */ });

  return {
    map, frames: () => frames,
    destroy() {
      destroyed = true;
      if (raf) cancelAnimationFrame(raf);
      unsubs.forEach((u) => u());
      resize.disconnect();
      map.removeControl(overlay);
      overlay.finalize();
      map.remove();
    },
  };
}
