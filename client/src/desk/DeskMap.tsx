// The desk's map: the wall's live map panel with a pointer. Hovering names what is under it (one line); a click opens
// its card. A container site is known to the live topic by its index only: its id is asked of the server on click.
import { useEffect, useRef, useState } from 'react';
import type { FeatureCollection } from 'geojson';
import type { MapMouseEvent } from 'maplibre-gl';
import { CONTAINER_STATUSES, VEHICLE_STATUSES } from '../../../server/protocol/views';
import type { Lang } from '../i18n/lang';
import type { Live } from '../live/connection';
import type { MapController } from '../map/map-controller';
import { MapPanel } from '../panels/MapPanel';
import { api } from '../console/api';
import { useWall } from '../store/wall-store';
import { pick, type Pick } from './picking';

interface Tip { x: number; y: number; text: string; kind: string }

/** One line about what the pointer is on: its name and the figure that matters for it. */
function describe(p: Pick, live: Live, lang: Lang): string {
  const s = useWall.getState();
  if (p.kind === 'vehicle') {
    const index = live.fleetIndex.get(p.id), slot = index === undefined ? -1 : live.fleet.slotOf(index);
    return `${p.id} · ${VEHICLE_STATUSES[live.fleet.status[slot] ?? 255] ?? '—'}`;
  }
  if (p.kind === 'incident') { const i = s.incidents.find((x) => x.id === p.id); return i ? `${i.title} · ${i.severity}` : p.id; }
  if (p.kind === 'site') return `${CONTAINER_STATUSES[live.containers.status[p.index!] ?? 0]} · ${live.containers.fill[p.index!]} %`;
  if (p.kind === 'appeal') return `${lang === 'ru' ? 'Обращение' : 'Appeal'} ${p.id}`;
  const m = s.reference?.municipality.get(p.id), row = s.summary?.appeals.byMunicipality.find((r) => r.id === p.id);
  return `${m ? (lang === 'ru' ? m.name_ru : m.name_en) : p.id} · ${row?.today ?? 0} ${lang === 'ru' ? 'обращений сегодня' : 'appeals today'}`;
}

export function DeskMap({ lang, live, municipalities, onPick }: { lang: Lang; live: Live; municipalities: FeatureCollection | null; onPick: (kind: string, id: string) => void }) {
  const [controller, setController] = useState<MapController | null>(null);
  const [tip, setTip] = useState<Tip | null>(null);
  const deps = useRef({ live, municipalities, onPick, lang });
  deps.current = { live, municipalities, onPick, lang };
  useEffect(() => {
    if (!controller) return;
    const map = controller.map;
    const at = (e: MapMouseEvent): Pick | null => {
      const a = map.unproject([e.point.x + 1, e.point.y + 1]);
      return pick({ lon: e.lngLat.lng, lat: e.lngLat.lat, degX: Math.abs(a.lng - e.lngLat.lng) || 1e-9, degY: Math.abs(a.lat - e.lngLat.lat) || 1e-9,
        live: deps.current.live, incidents: useWall.getState().incidents.filter((i) => i.status === 'active'), municipalities: deps.current.municipalities });
    };
    const move = (e: MapMouseEvent) => {
      const p = at(e);
      map.getCanvas().style.cursor = p && p.kind !== 'municipality' ? 'pointer' : '';
      setTip(p ? { x: e.point.x, y: e.point.y, kind: p.kind, text: describe(p, deps.current.live, deps.current.lang) } : null);
    };
    const click = (e: MapMouseEvent) => {
      const p = at(e);
      if (!p) return;
      if (p.kind !== 'site') { deps.current.onPick(p.kind, p.id); return; }
      void api<{ id: string | null }>('GET', `/api/sites/near?lon=${p.lon}&lat=${p.lat}&radius=30`).then((r) => { if (r.id) deps.current.onPick('site', r.id); });
    };
    map.on('mousemove', move);
    map.on('click', click);
    map.on('mouseout', () => setTip(null));
    // for tests and diagnostics: where a place is on the page, so a browser test can click a real feature
    window.sitroomDesk = { project: (lon, lat) => { const r = map.getContainer().getBoundingClientRect(), q = map.project([lon, lat]); return { x: r.left + q.x, y: r.top + q.y }; },
      ready: () => map.loaded(),
      // for the hover benchmark (#13): what a move at a point of the map costs, and the map's own projection
      pickAt: (x, y) => { const l = map.unproject([x, y]); return at({ point: { x, y }, lngLat: l } as unknown as MapMouseEvent)?.kind ?? null; },
      projectRaw: (lon, lat) => { const q = map.project([lon, lat]); return [q.x, q.y]; } };
    return () => { map.off('mousemove', move); map.off('click', click); window.sitroomDesk = undefined; };
  }, [controller]);
  return (
    <div className="d-map">
      <MapPanel options={{ layers: ['choropleth', 'appeals', 'incidents', 'fleet', 'containers'] }} onMap={setController} />
      {tip && <div className="d-tip" data-tip={tip.kind} style={{ left: tip.x + 14, top: tip.y + 10 }}>{tip.text}</div>}
    </div>
  );
}

declare global {
  interface Window {
    sitroomDesk?: { project(lon: number, lat: number): { x: number; y: number }; ready(): boolean;
      pickAt(x: number, y: number): string | null; projectRaw(lon: number, lat: number): [number, number] };
  }
}
