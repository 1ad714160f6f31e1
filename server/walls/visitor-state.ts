// What a screen of a wall in visitor mode is told of its wall's state: everything a scene needs, but a focus on an
// incident, a team, a site or an appeal becomes a place (the municipality it is in, from reference data) at ~1 km, never a label or id
// a producer chose (a callsign can be a driver's name and phone number), and the operator's banner stays as typed
// (operators write it for the room).
import type { Reference } from '../reference/load';
import type { Focus, WallState } from '../protocol/walls';
import { visitorId } from '../hub/visitor';
import { nearestMunicipality } from '../reference/nearest';

const km = (v: number): number => Math.round(v * 100) / 100;

export function visitorFocus(focus: Focus, reference: Reference): Focus {
  if (focus.kind === 'municipality') return focus; // a municipality of the reference data: nothing of a producer's
  const m = nearestMunicipality(reference.municipalities, focus.lon, focus.lat);
  const prefix = { incident: 'i', vehicle: 'v', site: 's', appeal: 'a' }[focus.kind];
  return { kind: focus.kind, id: visitorId(prefix, focus.id), label_ru: m.name_ru, label_en: m.name_en, detail_ru: '', detail_en: '',
    lon: km(focus.lon), lat: km(focus.lat), zoom: Math.min(focus.zoom, 12) };
}

/** ... and a replay does not say which operator started it (a name is a person's) */
export const visitorWallState = (state: WallState, reference: Reference): WallState => ({
  ...state,
  focus: state.focus ? visitorFocus(state.focus, reference) : null,
  replay: state.replay ? { ...state.replay, by: '' } : null,
});
