// The basemap as a MapLibre style built from our own GeoJSON: no tiles, no glyphs, no sprites, nothing remote.
// Neighbouring regions are dimmed; district lines are dashed when the boundaries are approximate; rivers, lakes and
// roads appear when the geodata has them. Labels are drawn by deck.gl with the bundled font (live-layers.ts).
import type { StyleSpecification, LayerSpecification } from 'maplibre-gl';
import { COLOR } from './palette';
import type { Geodata } from './geodata';

export function basemapStyle(geo: Geodata, approximate: boolean, scale: number): StyleSpecification {
  const w = (px: number) => Math.max(0.5, px * scale);
  const sources: StyleSpecification['sources'] = {
    neighbours: { type: 'geojson', data: geo.neighbours },
    republic: { type: 'geojson', data: geo.republic },
    municipalities: { type: 'geojson', data: geo.municipalities },
  };
  const layers: LayerSpecification[] = [
    { id: 'background', type: 'background', paint: { 'background-color': COLOR.background } },
    { id: 'neighbours-fill', type: 'fill', source: 'neighbours', paint: { 'fill-color': COLOR.neighbour } },
    { id: 'neighbours-line', type: 'line', source: 'neighbours', paint: { 'line-color': COLOR.neighbourLine, 'line-width': w(1) } },
    { id: 'republic-fill', type: 'fill', source: 'republic', paint: { 'fill-color': COLOR.land } },
  ];
  if (geo.water) {
    sources['water'] = { type: 'geojson', data: geo.water };
    layers.push(
      { id: 'water-fill', type: 'fill', source: 'water', filter: ['==', ['geometry-type'], 'Polygon'], paint: { 'fill-color': COLOR.water } },
      { id: 'water-line', type: 'line', source: 'water', filter: ['==', ['geometry-type'], 'LineString'],
        paint: { 'line-color': COLOR.river, 'line-width': w(1.4) }, layout: { 'line-join': 'round', 'line-cap': 'round' } },
    );
  }
  if (geo.roads) {
    sources['roads'] = { type: 'geojson', data: geo.roads };
    layers.push({ id: 'roads', type: 'line', source: 'roads', paint: { 'line-color': COLOR.road, 'line-width': w(1.6) },
      layout: { 'line-join': 'round', 'line-cap': 'round' } });
  }
  layers.push(
    { id: 'municipalities-line', type: 'line', source: 'municipalities',
      paint: { 'line-color': COLOR.districtLine, 'line-width': w(1), ...(approximate ? { 'line-dasharray': [3, 2] } : {}) } },
    { id: 'republic-line', type: 'line', source: 'republic', paint: { 'line-color': COLOR.border, 'line-width': w(2) } },
  );
  return { version: 8, name: 'sitroom-basemap', sources, layers };
}
