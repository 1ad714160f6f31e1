// Records → what live topics carry (no personal data; appeal points rounded to ~100 m; areas simplified to what a
// screen can draw).
import type { AppealRecord, ContainerSiteRecord, IncidentRecord, VehicleRecord } from '../domain/records';
import { simplifyForScreens } from '../reference/simplify-area';
import type { AppealView, ContainerSiteView, IncidentView, VehicleView } from '../protocol/views';

const coarse = (v: number | null): number | null => (v === null ? null : Math.round(v * 1000) / 1000);

export const appealView = (a: AppealRecord): AppealView => ({
  id: a.id, channel: a.channel, category: a.category, municipality: a.municipality, lon: coarse(a.lon), lat: coarse(a.lat),
  status: a.status, receivedAt: a.receivedAt, dueAt: a.dueAt, answeredAt: a.answeredAt, closedAt: a.closedAt,
});

export const incidentView = (i: IncidentRecord): IncidentView => ({
  id: i.id, type: i.type, severity: i.severity, status: i.status, municipality: i.municipality, lon: i.lon, lat: i.lat,
  area: i.area && simplifyForScreens(i.area), title: i.title, reportedAt: i.reportedAt, resolvedAt: i.resolvedAt,
});

export const vehicleView = (v: VehicleRecord, index: number): VehicleView => ({
  index, id: v.id, callsign: v.callsign, substation: v.substation, status: v.status, lon: v.lon, lat: v.lat,
  speedKmh: v.speedKmh, heading: v.heading, fixAt: v.fixAt,
});

export const containerView = (s: ContainerSiteRecord, index: number): ContainerSiteView => ({
  index, id: s.id, operator: s.operator, municipality: s.municipality, lon: s.lon, lat: s.lat, containers: s.containers,
  fill: s.fill, status: s.status, servicedAt: s.servicedAt,
});
