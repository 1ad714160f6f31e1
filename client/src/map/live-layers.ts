// Every deck.gl layer of the map, from two pure functions: the base layers (choropleth, heat, container sites,
// incidents, labels), redrawn when their data changes, and the motion layers (ambulances, trails, pulses), redrawn
// as they move. Two canvases, so a moving ambulance never makes 24,000 sites redraw. Literal ids, data references
// that change only when the data does, accessors that read typed arrays by index, `updateTriggers` for what
// changes in place, and `visible` to switch a layer off.
import type { Layer } from '@deck.gl/core';
import { GeoJsonLayer, IconLayer, PathLayer, ScatterplotLayer, TextLayer } from '@deck.gl/layers';
import { HeatmapLayer } from '@deck.gl/aggregation-layers';
import type { Feature, FeatureCollection, Point } from 'geojson';
import type { MapLayer } from '../../../server/protocol/layout';
import { CONTAINER_STATUSES, type IncidentView } from '../../../server/protocol/views';
import type { ContainerSites } from '../live/container-sites';
import type { FleetMotion } from '../live/fleet-motion';
import { TRAIL_POINTS } from '../live/fleet-motion';
import type { Lang } from '../i18n/lang';
import type { IconAtlas } from './icons';
import { iconFor } from './icons';
import {
  APPEAL_POINT, CONTAINER_COLOR, CRIT, HEAT_RANGE, SEVERITY_COLOR, VEHICLE_COLOR, VEHICLE_UNKNOWN, choroplethColor, type RGBA,
} from './palette';

export const FONT_FAMILY = 'Golos Text Variable, Golos Text, sans-serif';
/** a new incident pulses this long */
export const PULSE_MS = 120_000;

export interface MapInputs {
  lang: Lang;
  layers: readonly MapLayer[];
  /** pixel sizes are multiplied by this (viewport height / 1080) */
  scale: number;
  /** performance.now() of this frame, for pulses */
  time: number;
  municipalities: FeatureCollection;
  settlements: Feature[];
  /** per municipality id: appeals today per 10,000 residents, and the colour scale's top */
  per10k: Map<string, number>;
  per10kMax: number;
  per10kVersion: number;
  incidents: IncidentView[];
  incidentAreas: Feature[];
  /** incidents reported within PULSE_MS */
  pulsing: IncidentView[];
  fleet: FleetMotion;
  fleetVersion: number;
  /** `{ length }` objects and binary-attribute tables, re-created only when the set of items changes (deck.gl
   *  compares data by reference: a new object would rebuild every attribute) */
  fleetData: { length: number };
  containers: ContainerSites;
  containersVersion: number;
  containersData: BinaryPoints;
  overflowing: Uint32Array;
  appealsData: BinaryPoints;
  icons: IconAtlas;
}

export interface BinaryPoints { length: number; attributes: { getPosition: { value: Float32Array; size: 2 } } }
export const binaryPoints = (position: Float32Array, length: number): BinaryPoints =>
  ({ length, attributes: { getPosition: { value: position, size: 2 } } });

export function baseLayers(m: MapInputs): (Layer | false)[] {
  const on = (l: MapLayer) => m.layers.includes(l);
  const px = (v: number) => v * m.scale;
  return [
    new GeoJsonLayer({
      id: 'choropleth', data: m.municipalities, visible: on('choropleth'), pickable: false, stroked: false, filled: true,
      getFillColor: (f: Feature) => choroplethColor((m.per10k.get(String(f.properties?.['id'])) ?? 0) / m.per10kMax),
      updateTriggers: { getFillColor: m.per10kVersion },
    }),
    // HeatmapLayer reads its weights back from the GPU whenever it updates, even when hidden; it exists only in
    // layouts that ask for it
    m.layers.includes('heat') && new HeatmapLayer({
      id: 'heat', visible: m.appealsData.length > 0, data: m.appealsData,
      radiusPixels: Math.max(10, px(28)), intensity: 1, threshold: 0.08, colorRange: HEAT_RANGE, opacity: 0.55,
    }),
    new ScatterplotLayer({
      id: 'appeal-points', visible: on('appeals'), data: m.appealsData,
      radiusUnits: 'pixels', getRadius: px(2.2), stroked: false, getFillColor: APPEAL_POINT,
    }),
    new ScatterplotLayer({
      id: 'containers', visible: on('containers'),
      data: m.containersData,
      radiusUnits: 'pixels', getRadius: px(1.6), stroked: false,
      getFillColor: (_: unknown, { index }: { index: number }) => CONTAINER_COLOR[CONTAINER_STATUSES[m.containers.status[index]!] ?? 'unknown'],
      updateTriggers: { getFillColor: m.containersVersion },
    }),
    new ScatterplotLayer({
      id: 'containers-overflowing', visible: on('containers'), data: m.overflowing,
      radiusUnits: 'pixels', getRadius: px(2.4), stroked: true, lineWidthUnits: 'pixels', getLineWidth: px(0.6),
      getPosition: (i: number) => [m.containers.position[i * 2]!, m.containers.position[i * 2 + 1]!],
      getFillColor: CRIT, getLineColor: [255, 220, 190, 160],
    }),
    new GeoJsonLayer({
      id: 'incident-areas', data: m.incidentAreas, visible: on('incidents'), stroked: true, filled: true,
      lineWidthUnits: 'pixels', getLineWidth: px(1.5),
      getFillColor: (f: Feature) => withAlpha(SEVERITY_COLOR[(f.properties?.['severity'] ?? 'moderate') as keyof typeof SEVERITY_COLOR], 50),
      getLineColor: (f: Feature) => SEVERITY_COLOR[(f.properties?.['severity'] ?? 'moderate') as keyof typeof SEVERITY_COLOR],
    }),
    new ScatterplotLayer<IncidentView>({
      id: 'incidents', data: m.incidents, visible: on('incidents'), radiusUnits: 'pixels', getRadius: px(11),
      getPosition: (i) => [i.lon, i.lat], getFillColor: (i) => SEVERITY_COLOR[i.severity],
      stroked: true, lineWidthUnits: 'pixels', getLineWidth: px(1.5), getLineColor: [232, 238, 247, 255],
    }),
    new IconLayer<IncidentView>({
      id: 'incident-icons', data: m.incidents, visible: on('incidents'), iconAtlas: m.icons.image as unknown as string,
      // deck.gl accepts ImageData as an atlas at run time; its typing only names URLs and textures
      iconMapping: m.icons.mapping, getIcon: (i) => iconFor(i.type), sizeUnits: 'pixels', getSize: px(13),
      getPosition: (i) => [i.lon, i.lat], getColor: [255, 255, 255, 255],
    }),
    new TextLayer<Feature>({
      id: 'settlement-labels', data: m.settlements, fontFamily: FONT_FAMILY, characterSet: 'auto', fontWeight: 600,
      getText: (f) => String(f.properties?.[m.lang === 'ru' ? 'name_ru' : 'name_en'] ?? ''),
      getPosition: (f) => (f.geometry as Point).coordinates as [number, number],
      getSize: (f) => px(Number(f.properties?.['population'] ?? 0) > 500_000 ? 17 : Number(f.properties?.['population'] ?? 0) > 50_000 ? 13 : 11),
      sizeUnits: 'pixels', getColor: [232, 238, 247, 230], getTextAnchor: 'middle', getAlignmentBaseline: 'center',
      fontSettings: { sdf: true, buffer: 6 }, outlineWidth: 3, outlineColor: [10, 15, 26, 230],
      updateTriggers: { getText: m.lang, getSize: m.scale },
    }),
  ];
}

export function motionLayers(m: MapInputs): Layer[] {
  const on = (l: MapLayer) => m.layers.includes(l);
  const px = (v: number) => v * m.scale;
  const fleetData = m.fleetData;
  return [
    new ScatterplotLayer<IncidentView>({
      id: 'incident-pulse', data: m.pulsing, visible: on('incidents'), radiusUnits: 'pixels', stroked: true, filled: false,
      lineWidthUnits: 'pixels', getLineWidth: px(2), getPosition: (i) => [i.lon, i.lat],
      getRadius: () => px(12 + 14 * ((m.time % 1600) / 1600)),
      getLineColor: (i) => withAlpha(SEVERITY_COLOR[i.severity], Math.round(255 * (1 - (m.time % 1600) / 1600))),
      updateTriggers: { getRadius: m.time, getLineColor: m.time },
    }),
    new PathLayer({
      id: 'fleet-trails', visible: on('fleet'), data: fleetData, widthUnits: 'pixels', getWidth: px(1.5),
      getPath: (_: unknown, { index }: { index: number }) => trailOf(m.fleet, index),
      getColor: (_: unknown, { index }: { index: number }) => { const c = vehicleColor(m.fleet, index); return c[3] === 0 ? c : withAlpha(c, 110); },
      updateTriggers: { getPath: m.fleetVersion, getColor: m.fleetVersion },
    }),
    new IconLayer({
      id: 'fleet', visible: on('fleet'), data: fleetData, iconAtlas: m.icons.image as unknown as string,
      iconMapping: m.icons.mapping, getIcon: () => 'vehicle', sizeUnits: 'pixels', getSize: px(15),
      getPosition: (_: unknown, { index, target }: { index: number; target: number[] }) => {
        target[0] = m.fleet.position[index * 2]!; target[1] = m.fleet.position[index * 2 + 1]!; target[2] = 0; return target as [number, number, number];
      },
      getAngle: (_: unknown, { index }: { index: number }) => { const h = m.fleet.heading[index]!; return Number.isNaN(h) ? 0 : -h; },
      getColor: (_: unknown, { index }: { index: number }) => vehicleColor(m.fleet, index),
      updateTriggers: { getPosition: m.time, getAngle: m.fleetVersion, getColor: m.fleetVersion },
    }),
  ];
}

function withAlpha(c: RGBA, a: number): RGBA { return [c[0], c[1], c[2], a]; }

function vehicleColor(f: FleetMotion, slot: number): RGBA {
  return VEHICLE_COLOR[f.status[slot]!] ?? VEHICLE_UNKNOWN;
}

function trailOf(f: FleetMotion, slot: number): [number, number][] {
  const n = f.trailLength[slot]!, base = slot * TRAIL_POINTS * 2, start = f.trailStart[slot]!;
  const out: [number, number][] = [];
  for (let i = 0; i < n; i++) { const at = base + ((start + i) % TRAIL_POINTS) * 2; out.push([f.trail[at]!, f.trail[at + 1]!]); }
  out.push([f.position[slot * 2]!, f.position[slot * 2 + 1]!]);
  return out;
}

