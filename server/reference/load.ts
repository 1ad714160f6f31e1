// Loads and validates the reference data in data/ (and real boundaries from SITROOM_GEO_DIR when set).
// A broken file stops the start with an error naming the file and the field.
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import type { TSchema, Static } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import {
  CategoriesFile, ChannelsFile, HolidaysFile, IncidentTypesFile, MunicipalitiesFile, OperatorsFile, SubstationsFile,
  type Category, type Channel, type IncidentType, type Municipality, type Operator, type Substation,
} from './schemas';
import { createCalendar, type Calendar } from '../domain/calendar';
import { bboxOf, inBBox, inPolygons, polygonsOf, type BBox, type Geometry, type PolygonCoords, type Position } from './geometry';

export class ReferenceError extends Error {
  constructor(readonly file: string, readonly field: string, message: string) {
    super(`${file}: ${field ? `${field}: ` : ''}${message}`);
  }
}

export interface GeoLayer { type: 'FeatureCollection'; features: { type: 'Feature'; properties: Record<string, unknown>; geometry: unknown }[] }

export interface Geo {
  /** true when municipal areas are Sitroom's approximation, false when real boundaries came from SITROOM_GEO_DIR */
  approximate: boolean;
  attribution: string;
  outline: PolygonCoords[];
  areas: Map<string, { polys: PolygonCoords[]; bbox: BBox }>;
  layers: { republic: GeoLayer; municipalities: GeoLayer; neighbours: GeoLayer; settlements: GeoLayer; roads: GeoLayer | null; water: GeoLayer | null };
  municipalityAt(lon: number, lat: number): string | null;
  insideRepublic(lon: number, lat: number): boolean;
}

export interface Reference {
  municipalities: Municipality[];
  municipalityById: Map<string, Municipality>;
  channels: Channel[];
  channelById: Map<string, Channel>;
  categories: Category[];
  categoryById: Map<string, Category>;
  operators: Operator[];
  operatorByMunicipality: Map<string, Operator>;
  substations: Substation[];
  incidentTypes: IncidentType[];
  geo: Geo;
  /** holidays and transferred days off (data/holidays.json) */
  calendar: Calendar;
}

function readJson(file: string): unknown {
  if (!existsSync(file)) throw new ReferenceError(file, '', 'file not found');
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new ReferenceError(file, '', `not valid JSON (${(e as Error).message})`);
  }
}

/** A reference file read and checked against its schema; errors name the file and the JSON path. */
export function readChecked<T extends TSchema>(file: string, schema: T): Static<T> {
  const value = readJson(file);
  const error = Value.Errors(schema, value).First();
  if (error) throw new ReferenceError(file, error.path, error.message);
  return value as Static<T>;
}

function uniqueIds(file: string, list: { id: string }[], key: string): void {
  const seen = new Set<string>();
  list.forEach((item, i) => {
    if (seen.has(item.id)) throw new ReferenceError(file, `/${key}/${i}/id`, `duplicate id "${item.id}"`);
    seen.add(item.id);
  });
}

function readLayer(file: string): GeoLayer {
  const value = readJson(file) as GeoLayer;
  if (value?.type !== 'FeatureCollection' || !Array.isArray(value.features)) {
    throw new ReferenceError(file, '/type', 'expected a GeoJSON FeatureCollection');
  }
  return value;
}

function checkGeometry(file: string, i: number, g: unknown): Geometry {
  const geom = g as Geometry;
  if (!geom || (geom.type !== 'Polygon' && geom.type !== 'MultiPolygon') || !Array.isArray(geom.coordinates)) {
    throw new ReferenceError(file, `/features/${i}/geometry`, 'expected a Polygon or MultiPolygon');
  }
  return geom;
}

function loadGeo(dataDir: string, geoDir: string | null, ids: Set<string>): Geo {
  const own = (name: string) => path.join(dataDir, 'geo', name);
  const ext = (name: string) => (geoDir ? path.join(geoDir, name) : null);
  const realFile = ext('municipalities.geojson');
  if (geoDir && !existsSync(realFile!)) throw new ReferenceError(realFile!, '', 'SITROOM_GEO_DIR has no municipalities.geojson');
  const municipalitiesFile = realFile ?? own('municipal-areas.geojson');
  const municipalities = readLayer(municipalitiesFile);
  const republicExt = ext('bashkortostan.geojson');
  const republic = readLayer(republicExt && existsSync(republicExt) ? republicExt : own('republic.geojson'));
  const optional = (name: string) => { const f = ext(name); return f && existsSync(f) ? readLayer(f) : null; };

  const areas = new Map<string, { polys: PolygonCoords[]; bbox: BBox }>();
  municipalities.features.forEach((f, i) => {
    const id = String(f.properties?.id ?? '');
    if (!ids.has(id)) throw new ReferenceError(municipalitiesFile, `/features/${i}/properties/id`, `unknown municipality "${id}"`);
    const polys = polygonsOf(checkGeometry(municipalitiesFile, i, f.geometry));
    areas.set(id, { polys, bbox: bboxOf(polys) });
  });
  const missing = [...ids].filter((id) => !areas.has(id));
  if (missing.length) throw new ReferenceError(municipalitiesFile, '/features', `no boundary for ${missing.join(', ')}`);
  const outline = republic.features.flatMap((f, i) => polygonsOf(checkGeometry('republic', i, f.geometry)));
  const outlineBox = bboxOf(outline);
  const attribution = geoDir
    ? '© OpenStreetMap contributors (ODbL) · GeoNames (CC BY 4.0) · Natural Earth (public domain)'
    : 'Natural Earth (public domain) · GeoNames (CC BY 4.0) · municipal areas approximate (Sitroom)';
  const entries = [...areas];
  return {
    approximate: !geoDir, attribution, outline, areas,
    layers: { republic, municipalities, neighbours: readLayer(own('neighbours.geojson')), settlements: readLayer(own('settlements.geojson')),
      roads: optional('roads.geojson'), water: optional('water.geojson') },
    municipalityAt(lon, lat) {
      for (const [id, a] of entries) if (inBBox(a.bbox, lon, lat) && inPolygons(a.polys, lon, lat)) return id;
      return null;
    },
    insideRepublic: (lon, lat) => inBBox(outlineBox, lon, lat) && inPolygons(outline, lon, lat),
  };
}

export function loadReference(dataDir: string, geoDir: string | null, deadlineOverrides: Record<string, number>): Reference {
  const file = (name: string) => path.join(dataDir, name);
  const { municipalities } = readChecked(file('municipalities.json'), MunicipalitiesFile);
  const { channels } = readChecked(file('channels.json'), ChannelsFile);
  const { categories } = readChecked(file('categories.json'), CategoriesFile);
  const { operators } = readChecked(file('operators.json'), OperatorsFile);
  const { substations } = readChecked(file('substations.json'), SubstationsFile);
  const { types: incidentTypes } = readChecked(file('incident-types.json'), IncidentTypesFile);
  const calendar = createCalendar(readChecked(file('holidays.json'), HolidaysFile));
  uniqueIds(file('municipalities.json'), municipalities, 'municipalities');
  uniqueIds(file('channels.json'), channels, 'channels');
  uniqueIds(file('categories.json'), categories, 'categories');
  uniqueIds(file('operators.json'), operators, 'operators');
  uniqueIds(file('substations.json'), substations, 'substations');

  const ids = new Set(municipalities.map((m) => m.id));
  const known = (f: string, at: string, id: string) => { if (!ids.has(id)) throw new ReferenceError(file(f), at, `unknown municipality "${id}"`); };
  channels.forEach((c, i) => c.municipalities?.forEach((m, j) => known('channels.json', `/channels/${i}/municipalities/${j}`, m)));
  substations.forEach((s, i) => known('substations.json', `/substations/${i}/municipality`, s.municipality));
  const operatorByMunicipality = new Map<string, Operator>();
  operators.forEach((o, i) => o.municipalities.forEach((m, j) => {
    const at = `/operators/${i}/municipalities/${j}`;
    known('operators.json', at, m);
    if (operatorByMunicipality.has(m)) throw new ReferenceError(file('operators.json'), at, `"${m}" is served by two operators`);
    operatorByMunicipality.set(m, o);
  }));
  const unserved = [...ids].filter((m) => !operatorByMunicipality.has(m));
  if (unserved.length) throw new ReferenceError(file('operators.json'), '/operators', `no operator serves ${unserved.join(', ')}`);
  if (!incidentTypes.some((t) => t.id === 'other')) throw new ReferenceError(file('incident-types.json'), '/types', 'an "other" type is required');

  for (const key of Object.keys(deadlineOverrides)) {
    if (!channels.some((c) => c.id === key)) {
      throw new ReferenceError('SITROOM_DEADLINES', key, `unknown channel; known: ${channels.map((c) => c.id).join(', ')}`);
    }
  }
  const configured = channels.map((c) => ({ ...c, deadlineHours: deadlineOverrides[c.id] ?? c.deadlineHours }));
  return {
    municipalities, municipalityById: new Map(municipalities.map((m) => [m.id, m])),
    channels: configured, channelById: new Map(configured.map((c) => [c.id, c])),
    categories, categoryById: new Map(categories.map((c) => [c.id, c])),
    operators, operatorByMunicipality, substations, incidentTypes, calendar,
    geo: loadGeo(dataDir, geoDir, ids),
  };
}

export type { Position };
