// What the live topics carry about each thing: what a screen needs to draw it, nothing personal (no names, contacts,
// free text or exact addresses: those stay in the store and the authorised HTTP API).

export const APPEAL_STATUSES = ['received', 'in_work', 'answered', 'closed'] as const;
export type AppealStatus = (typeof APPEAL_STATUSES)[number];

export interface AppealView {
  id: string;
  channel: string;
  category: string;
  municipality: string;
  /** rounded to ~100 m so a point never identifies a household */
  lon: number | null;
  lat: number | null;
  status: AppealStatus;
  receivedAt: number;
  dueAt: number;
  answeredAt: number | null;
  closedAt: number | null;
}

export const INCIDENT_SEVERITIES = ['minor', 'moderate', 'severe', 'extreme'] as const;
export type IncidentSeverity = (typeof INCIDENT_SEVERITIES)[number];
export const INCIDENT_STATUSES = ['active', 'resolved'] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];

export interface IncidentView {
  id: string;
  type: string;
  severity: IncidentSeverity;
  status: IncidentStatus;
  municipality: string;
  lon: number;
  lat: number;
  /** GeoJSON Polygon or MultiPolygon coordinates when the incident covers an area */
  area: { type: 'Polygon' | 'MultiPolygon'; coordinates: unknown } | null;
  title: string;
  reportedAt: number;
  resolvedAt: number | null;
}

/** Vehicle statuses; the number is the code used in the binary fleet frame. */
export const VEHICLE_STATUSES = ['free', 'en_route', 'on_scene', 'to_hospital', 'returning', 'off_duty'] as const;
export type VehicleStatus = (typeof VEHICLE_STATUSES)[number];
export const VEHICLE_STATUS_UNKNOWN = 255;
/** a team counted busy (the fleet figure's definition): on its way to, at, or back from a call */
export const BUSY_STATUSES: readonly VehicleStatus[] = ['en_route', 'on_scene', 'to_hospital', 'returning'];

export interface VehicleView {
  /** stable index used by the binary fleet frame */
  index: number;
  id: string;
  callsign: string;
  substation: string | null;
  status: VehicleStatus | null;
  lon: number | null;
  lat: number | null;
  speedKmh: number | null;
  heading: number | null;
  fixAt: number | null;
}

/** Container site statuses: ours plus the FIWARE WasteContainer status values that fit. */
export const CONTAINER_STATUSES = ['ok', 'full', 'overflowing', 'damaged', 'lidOpen', 'dropped', 'moved', 'vandalized',
  'burning', 'unknown'] as const;
export type ContainerStatus = (typeof CONTAINER_STATUSES)[number];

export interface ContainerSiteView {
  index: number;
  id: string;
  operator: string;
  municipality: string;
  lon: number;
  lat: number;
  containers: number;
  fill: number;
  status: ContainerStatus;
  servicedAt: number | null;
}

export interface ContainerChange {
  index: number;
  fill: number;
  status: ContainerStatus;
  servicedAt: number | null;
}
