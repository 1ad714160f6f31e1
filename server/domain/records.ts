// Domain records: what the ingest pipeline hands to the store and the hub, one shape per kind, already validated
// and normalised (times in epoch ms, municipality resolved, deadlines computed).
import type { AppealStatus, ContainerSiteView, IncidentSeverity, IncidentStatus, VehicleStatus, VehicleView } from '../protocol/views';
import type { Geometry } from '../reference/geometry';

export interface AppealRecord {
  id: string;
  source: string;
  channel: string;
  category: string;
  municipality: string;
  lon: number | null;
  lat: number | null;
  /** personal data: kept in the store, never sent on live topics */
  address: string | null;
  text: string | null;
  author: string | null;
  contact: string | null;
  status: AppealStatus;
  receivedAt: number;
  inWorkAt: number | null;
  answeredAt: number | null;
  closedAt: number | null;
  /** the deadline in force when the appeal was registered */
  dueAt: number;
  ceilingAt: number;
  updatedAt: number;
}

export interface IncidentRecord {
  id: string;
  source: string;
  type: string;
  severity: IncidentSeverity;
  status: IncidentStatus;
  municipality: string;
  lon: number;
  lat: number;
  area: Geometry | null;
  title: string;
  description: string | null;
  reportedAt: number;
  resolvedAt: number | null;
  updatedAt: number;
}

/** A vehicle's current state: what the fleet topic shows, less the frame index, plus when it was last written. */
export type VehicleRecord = Omit<VehicleView, 'index'> & { updatedAt: number };

export interface PositionRecord {
  vehicle: string;
  at: number;
  lon: number;
  lat: number;
  speedKmh: number | null;
  heading: number | null;
  status: VehicleStatus | null;
  accuracyM: number | null;
  source: string;
  /** what else the device reported (battery, hdop, driver...), as it sent it */
  attributes?: Record<string, string | number | boolean> | null;
}

/** A container site: what the containers topic shows, less its index, plus its volume and last write. */
export type ContainerSiteRecord = Omit<ContainerSiteView, 'index'> & { volumeM3: number; updatedAt: number };

export interface MetricRecord {
  name: string;
  at: number;
  value: number;
  municipality: string | null;
  labels: Record<string, string> | null;
  /** optional producer key: a sample sent twice with the same key is stored once */
  key: string | null;
  source: string;
}
