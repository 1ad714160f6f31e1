// Map colours (RGBA), from the wall palette in shared/design/STYLE.md: Okabe–Ito status colours, calm greys.
import type { ContainerStatus, IncidentSeverity } from '../../../server/protocol/views';

export type RGBA = [number, number, number, number];

export const COLOR = {
  background: '#0A0F1A', land: '#111A2B', neighbour: '#0D1320', neighbourLine: '#1F2A3D', border: '#5B6B82',
  districtLine: '#2A3A55', water: '#163552', river: '#1F4A6E', road: '#3A4A66', text: '#E8EEF7', textMuted: '#93A4BD',
} as const;

const WARN: RGBA = [230, 159, 0, 255];
export const CRIT: RGBA = [213, 94, 0, 255];
const INFO: RGBA = [86, 180, 233, 255];
const AMBULANCE: RGBA = [204, 121, 167, 255];

export const CONTAINER_COLOR: Record<ContainerStatus, RGBA> = {
  ok: [0, 158, 115, 150], full: [230, 159, 0, 200], overflowing: CRIT, damaged: [240, 228, 66, 220],
  lidOpen: [240, 228, 66, 220], dropped: [240, 228, 66, 220], moved: [147, 164, 189, 200], vandalized: [240, 228, 66, 220],
  burning: [255, 60, 0, 255], unknown: [91, 107, 130, 160],
};

export const SEVERITY_COLOR: Record<IncidentSeverity, RGBA> = {
  minor: INFO, moderate: WARN, severe: CRIT, extreme: [255, 60, 0, 255],
};

/** Vehicle status code (VEHICLE_STATUSES order) → colour: free in the ambulance colour, busy in blue, off duty hidden. */
export const VEHICLE_COLOR: RGBA[] = [AMBULANCE, INFO, INFO, INFO, [204, 121, 167, 170], [0, 0, 0, 0]];
export const VEHICLE_UNKNOWN: RGBA = [147, 164, 189, 200];

/** Sequential ramp for the choropleth (appeals per 10,000 residents), dark to bright teal, translucent. */
export function choroplethColor(share: number): RGBA {
  const t = Math.min(1, Math.max(0, share));
  return [Math.round(17 + t * (79 - 17)), Math.round(26 + t * (209 - 26)), Math.round(43 + t * (197 - 43)), Math.round(40 + t * 120)];
}

/** an appeal's point: the text colour, small, under the sites (the desk draws them to be clicked) */
export const APPEAL_POINT: RGBA = [232, 238, 247, 200];

export const HEAT_RANGE: [number, number, number][] = [
  [17, 60, 80], [30, 110, 130], [79, 209, 197], [230, 200, 90], [230, 159, 0], [213, 94, 0],
];
