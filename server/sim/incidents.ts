// A day of incidents, planned from (seed, day): road accidents all year, fires, forest fires in the warm season,
// heat/water/power outages (heat in the cold months), floods in spring. Each with severity, place and lifecycle.
import type { Reference } from '../reference/load';
import type { IncidentIn } from '../ingest/schemas';
import type { IncidentSeverity } from '../protocol/views';
import { HOUR, MINUTE, localParts } from '../domain/time';
import { offsetKm } from '../reference/geometry';
import { rng, type Random } from './random';
import type { Places } from './places';

export interface IncidentPlan { item: IncidentIn; reportedAt: number; resolvedAt: number }

interface Kind { type: string; perDay: (month: number) => number; hours: [number, number]; areaKm?: [number, number]; severity: number[] }

const warm = (m: number) => (m >= 3 && m <= 8 ? 1 : 0);
const KINDS: Kind[] = [
  { type: 'road_accident', perDay: (m) => (m <= 1 || m >= 10 ? 24 : 18), hours: [0.7, 3], severity: [0.55, 0.3, 0.12, 0.03] },
  { type: 'fire', perDay: (m) => (m <= 2 || m >= 10 ? 9 : 6), hours: [1, 5], severity: [0.4, 0.4, 0.15, 0.05] },
  { type: 'forest_fire', perDay: (m) => 4 * warm(m) * (m === 4 || m === 5 ? 2 : 1), hours: [8, 72], areaKm: [0.5, 4], severity: [0.3, 0.4, 0.22, 0.08] },
  { type: 'outage_heat', perDay: (m) => (m <= 3 || m >= 9 ? 5 : 0.3), hours: [3, 20], severity: [0.35, 0.45, 0.15, 0.05] },
  { type: 'outage_water', perDay: () => 4, hours: [2, 14], severity: [0.5, 0.4, 0.08, 0.02] },
  { type: 'outage_power', perDay: (m) => (m <= 1 || m >= 10 ? 5 : 3.5), hours: [1, 10], severity: [0.5, 0.35, 0.12, 0.03] },
  { type: 'flood', perDay: (m) => (m === 3 ? 2.5 : m === 4 ? 1.5 : 0), hours: [24, 168], areaKm: [1.5, 6], severity: [0.3, 0.4, 0.22, 0.08] },
];
/** how many incidents of each type a day of this month (0-11) brings on average (the archive's summary, ./archive.ts) */
export const incidentsPerDay = (month: number): [string, number][] => KINDS.map((k) => [k.type, k.perDay(month)]);

const SEVERITIES: IncidentSeverity[] = ['minor', 'moderate', 'severe', 'extreme'];

function area(center: [number, number], r: Random, [min, max]: [number, number]): NonNullable<IncidentIn['area']> {
  const radius = r.range(min, max);
  const ring: number[][] = [];
  for (let i = 0; i < 12; i++) {
    const a = (i / 12) * 2 * Math.PI;
    const k = radius * r.range(0.7, 1.2);
    const [lon, lat] = offsetKm(center, Math.cos(a) * k * 1.4, Math.sin(a) * k);
    ring.push([Math.round(lon * 1e5) / 1e5, Math.round(lat * 1e5) / 1e5]);
  }
  ring.push(ring[0]!);
  return { type: 'Polygon', coordinates: [ring] };
}

export function planIncidents(seed: number, day: number, dayStart: number, timezone: string, places: Places, reference: Reference, tag = ''): IncidentPlan[] {
  const r = rng(seed, 'incidents', day);
  const month = localParts(dayStart + 12 * HOUR, timezone).month - 1;
  const plans: IncidentPlan[] = [];
  for (const kind of KINDS) {
    const count = r.poisson(kind.perDay(month));
    for (let k = 0; k < count; k++) {
      const reportedAt = dayStart + Math.floor(r.next() * 24 * HOUR);
      const municipality = places.municipality(r);
      const at = places.pointIn(municipality, r, kind.type === 'forest_fire' || kind.type === 'flood' ? 0.8 : 0.3);
      const severity = SEVERITIES[r.weighted(kind.severity)]!;
      const duration = Math.max(20 * MINUTE, r.range(kind.hours[0], kind.hours[1]) * HOUR);
      const typeName = reference.incidentTypes.find((t) => t.id === kind.type)?.name_ru ?? kind.type;
      const place = reference.municipalityById.get(municipality)!.name_ru;
      plans.push({
        reportedAt, resolvedAt: Math.round(reportedAt + duration),
        item: { id: `sim-i-${tag}${day}-${kind.type}-${k}`, type: kind.type, severity, municipality, lon: at[0], lat: at[1],
          ...(kind.areaKm ? { area: area(at, r, kind.areaKm) } : {}), title: `${typeName}: ${place}`, reportedAt },
      });
    }
  }
  return plans.sort((a, b) => a.reportedAt - b.reportedAt);
}

export function incidentAt(p: IncidentPlan, t: number): IncidentIn | null {
  if (t < p.reportedAt) return null;
  return t >= p.resolvedAt ? { ...p.item, status: 'resolved', resolvedAt: p.resolvedAt } : { ...p.item, status: 'active' };
}
