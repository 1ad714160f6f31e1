// What a wall's focus is on: a municipality, incident, team, container site or appeal resolved to its label, a
// spotlight line of facts and the place the maps fly to. An appeal is named by its category and place, never by what a
// resident wrote; visitor screens get a redacted copy (visitor-state.ts).
import type { Focus, FocusKind } from '../protocol/walls';
import type { IncidentView } from '../protocol/views';
import type { Reference } from '../reference/load';
import type { Store } from '../store';
import type { Hub } from '../hub/hub';
import { appealView } from '../hub/views';
import { APPEAL_STATUS_TEXT, SEVERITY_TEXT, VEHICLE_STATUS_TEXT, spotlight } from './spotlight';
import { WallError } from './errors';

const ZOOM: Record<FocusKind, number> = { municipality: 9, incident: 11.5, vehicle: 12, site: 14, appeal: 13 };

export function focusResolver(o: { reference: Reference; hub: Hub; store: Store }) {
  function resolveFocus(kind: FocusKind, id: string): Focus {
    if (kind === 'municipality') {
      const m = o.reference.municipalityById.get(id);
      if (!m) throw new WallError(400, 'body/id', `id: no municipality "${id}"`);
      return { kind, id, label_ru: m.name_ru, label_en: m.name_en, detail_ru: '', detail_en: '', lon: m.centre.lon, lat: m.centre.lat, zoom: ZOOM[kind] };
    }
    if (kind === 'site' || kind === 'appeal') return placeFocus(kind, id);
    if (kind === 'incident') {
      const i = o.hub.snapshot('incidents')?.items.find((x) => x.id === id);
      if (!i) throw new WallError(400, 'body/id', `id: no active or recent incident "${id}"`);
      return incidentFocus(i);
    }
    const v = o.hub.vehicle(id);
    if (!v || v.lon === null || v.lat === null) throw new WallError(400, 'body/id', `id: no vehicle "${id}" with a known position`);
    return { kind, id, label_ru: v.callsign, label_en: v.callsign, ...spotlight(VEHICLE_STATUS_TEXT, v.status ?? 'unknown'), lon: v.lon, lat: v.lat, zoom: ZOOM[kind] };
  }
  /** A container site or an appeal, shown by its place and kind: an appeal's label never holds what a resident wrote. */
  function placeFocus(kind: 'site' | 'appeal', id: string): Focus {
    const place = (m: string) => o.reference.municipalityById.get(m);
    if (kind === 'site') {
      const s = o.hub.sites().find((x) => x.id === id);
      if (!s) throw new WallError(400, 'body/id', `id: no container site "${id}"`);
      const m = place(s.municipality);
      return { kind, id, label_ru: `Контейнерная площадка, ${m?.name_ru ?? s.municipality}`, label_en: `Container site, ${m?.name_en ?? s.municipality}`,
        detail_ru: `заполнена на ${Math.round(s.fill)} %`, detail_en: `${Math.round(s.fill)} % full`, lon: s.lon, lat: s.lat, zoom: ZOOM.site };
    }
    const a = o.store.appeals.get(id);
    const v = a && appealView(a);
    if (!a || !v || v.lon === null || v.lat === null) throw new WallError(400, 'body/id', `id: no appeal "${id}" with a place`);
    const c = o.reference.categoryById.get(a.category), m = place(a.municipality);
    return { kind, id, label_ru: `Обращение: ${c?.name_ru ?? a.category}, ${m?.name_ru ?? a.municipality}`, label_en: `Appeal: ${c?.name_en ?? a.category}, ${m?.name_en ?? a.municipality}`,
      ...spotlight(APPEAL_STATUS_TEXT, a.status), lon: v.lon, lat: v.lat, zoom: ZOOM.appeal };
  }
  function incidentFocus(i: IncidentView): Focus {
    const type = o.reference.incidentTypes.find((t) => t.id === i.type);
    const place = o.reference.municipalityById.get(i.municipality);
    return { kind: 'incident', id: i.id, label_ru: `${type?.name_ru ?? i.type}, ${place?.name_ru ?? i.municipality}`,
      label_en: `${type?.name_en ?? i.type}, ${place?.name_en ?? i.municipality}`, ...spotlight(SEVERITY_TEXT, i.severity), lon: i.lon, lat: i.lat, zoom: ZOOM.incident };
  }

  return { resolveFocus, incidentFocus };
}
