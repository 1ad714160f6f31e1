// The binary fleet frame: one per second for the whole fleet, encoded once and sent to every screen.
// Layout (little-endian), 32-byte header then columns, 12 bytes per vehicle:
//   u8 kind (=1), u8 version (=2), u8 flags (bit 0: dense, no index column), u8 reserved, u32 count, u32 seq, u32 reserved, f64 server time (epoch ms),
//   i32 origin lon, i32 origin lat (1e-6 degrees: the frame's south-west corner)
// (version 1, used when the fleet spans more than 16.7°: 24-byte header, i32 lon and lat, 14 bytes per vehicle)
//   u24 lon[count] (1e-6 degrees east of the origin), u24 lat[count] (north of it), u16 index[count] (VehicleView.index),
//   u8 speed[count] (km/h, 255 = unknown), u8 heading[count] (degrees × 255/360, 255 = unknown),
//   u8 status[count] (index into VEHICLE_STATUSES, 255 = unknown), u8 fixAge[count] (seconds since the fix, capped 254,
//   255 = unknown)
import { VEHICLE_STATUSES, VEHICLE_STATUS_UNKNOWN, type VehicleStatus } from './views';

export const FLEET_FRAME_KIND = 1;
export const FLEET_FRAME_VERSION = 2;
export const FLEET_FRAME_HEADER = 32;
export const FLEET_FRAME_BYTES_PER_VEHICLE = 12;
/** a frame spans at most 16.7° (2^24 − 1 millionths) in each direction: a region, or a federal district */
const SPAN = 0xffffff;

/** header byte 2, bit 0: the frame holds vehicles 0…count−1 in order and has no index column (10 bytes a vehicle) */
const DENSE = 1;
/** version 1, for fleets wider than SPAN: a 24-byte header and whole i32 coordinates */
const FLEET_FRAME_HEADER_V1 = 24;
const FLEET_FRAME_BYTES_PER_VEHICLE_V1 = 14;

export interface FleetFix {
  index: number;
  lon: number;
  lat: number;
  speedKmh: number | null;
  heading: number | null;
  status: VehicleStatus | null;
  fixAt: number;
}

export interface FleetFrame {
  seq: number;
  time: number;
  count: number;
  lon: Float64Array;
  lat: Float64Array;
  index: Uint16Array;
  speedKmh: Uint8Array;
  heading: Float32Array;
  status: Uint8Array;
  fixAgeS: Uint8Array;
}

export function encodeFleetFrame(fixes: readonly FleetFix[], seq: number, time: number): Uint8Array {
  const n = fixes.length;
  let lon0 = n ? Infinity : 0, lat0 = n ? Infinity : 0, lon1 = 0, lat1 = 0;
  for (const f of fixes) {
    const x = Math.round(f.lon * 1e6), y = Math.round(f.lat * 1e6);
    if (x < lon0) lon0 = x;
    if (y < lat0) lat0 = y;
    if (x > lon1) lon1 = x;
    if (y > lat1) lat1 = y;
  }
  // a fleet spread wider than 16.7° (a federal view) falls back to version 1: whole 32-bit coordinates
  const compact = n === 0 || (lon1 - lon0 <= SPAN && lat1 - lat0 <= SPAN);
  const header = compact ? FLEET_FRAME_HEADER : FLEET_FRAME_HEADER_V1;
  // the whole fleet in index order (the usual case): the index column is left out and flagged
  let dense = compact;
  for (let i = 0; dense && i < n; i++) if (fixes[i]!.index !== i) dense = false;
  const bytes = new Uint8Array(header + n * (compact ? FLEET_FRAME_BYTES_PER_VEHICLE : FLEET_FRAME_BYTES_PER_VEHICLE_V1) - (dense ? 2 * n : 0));
  const view = new DataView(bytes.buffer);
  view.setUint8(0, FLEET_FRAME_KIND);
  view.setUint8(1, compact ? FLEET_FRAME_VERSION : 1);
  view.setUint8(2, dense ? DENSE : 0);
  view.setUint32(4, n, true);
  view.setUint32(8, seq >>> 0, true);
  view.setFloat64(16, time, true);
  let o = header;
  if (compact) {
    view.setInt32(24, lon0, true);
    view.setInt32(28, lat0, true);
    for (const f of fixes) { const v = Math.round(f.lon * 1e6) - lon0; bytes[o] = v & 0xff; bytes[o + 1] = (v >> 8) & 0xff; bytes[o + 2] = v >> 16; o += 3; }
    for (const f of fixes) { const v = Math.round(f.lat * 1e6) - lat0; bytes[o] = v & 0xff; bytes[o + 1] = (v >> 8) & 0xff; bytes[o + 2] = v >> 16; o += 3; }
  } else {
    for (const f of fixes) { view.setInt32(o, Math.round(f.lon * 1e6), true); o += 4; }
    for (const f of fixes) { view.setInt32(o, Math.round(f.lat * 1e6), true); o += 4; }
  }
  if (!dense) for (const f of fixes) { view.setUint16(o, f.index, true); o += 2; }
  for (const f of fixes) bytes[o++] = f.speedKmh === null ? 255 : Math.min(254, Math.max(0, Math.round(f.speedKmh)));
  for (const f of fixes) bytes[o++] = f.heading === null ? 255 : Math.round((((f.heading % 360) + 360) % 360) * 255 / 360) % 255;
  for (const f of fixes) bytes[o++] = f.status === null ? VEHICLE_STATUS_UNKNOWN : VEHICLE_STATUSES.indexOf(f.status);
  for (const f of fixes) bytes[o++] = Math.min(254, Math.max(0, Math.round((time - f.fixAt) / 1000)));
  return bytes;
}

export function decodeFleetFrame(input: ArrayBuffer | Uint8Array): FleetFrame {
  const bytes = input instanceof Uint8Array ? input : new Uint8Array(input);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.byteLength < FLEET_FRAME_HEADER_V1 || view.getUint8(0) !== FLEET_FRAME_KIND) throw new Error('not a fleet frame');
  const version = view.getUint8(1);
  if (version !== 1 && version !== FLEET_FRAME_VERSION) throw new Error(`fleet frame version ${version} not supported`);
  const compact = version === FLEET_FRAME_VERSION;
  const count = view.getUint32(4, true);
  const header = compact ? FLEET_FRAME_HEADER : FLEET_FRAME_HEADER_V1;
  const dense = compact && (view.getUint8(2) & DENSE) !== 0;
  if (bytes.byteLength !== header + count * (compact ? FLEET_FRAME_BYTES_PER_VEHICLE : FLEET_FRAME_BYTES_PER_VEHICLE_V1) - (dense ? 2 * count : 0)) throw new Error('fleet frame length mismatch');
  const frame: FleetFrame = {
    seq: view.getUint32(8, true), time: view.getFloat64(16, true), count,
    lon: new Float64Array(count), lat: new Float64Array(count), index: new Uint16Array(count),
    speedKmh: new Uint8Array(count), heading: new Float32Array(count), status: new Uint8Array(count), fixAgeS: new Uint8Array(count),
  };
  let o = header;
  if (compact) {
    const lon0 = view.getInt32(24, true);
    const lat0 = view.getInt32(28, true);
    for (let i = 0; i < count; i++, o += 3) frame.lon[i] = (lon0 + (bytes[o]! | (bytes[o + 1]! << 8) | (bytes[o + 2]! << 16))) / 1e6;
    for (let i = 0; i < count; i++, o += 3) frame.lat[i] = (lat0 + (bytes[o]! | (bytes[o + 1]! << 8) | (bytes[o + 2]! << 16))) / 1e6;
  } else {
    for (let i = 0; i < count; i++, o += 4) frame.lon[i] = view.getInt32(o, true) / 1e6;
    for (let i = 0; i < count; i++, o += 4) frame.lat[i] = view.getInt32(o, true) / 1e6;
  }
  if (dense) for (let i = 0; i < count; i++) frame.index[i] = i;
  else for (let i = 0; i < count; i++, o += 2) frame.index[i] = view.getUint16(o, true);
  frame.speedKmh.set(bytes.subarray(o, o + count)); o += count;
  for (let i = 0; i < count; i++) { const h = bytes[o + i]!; frame.heading[i] = h === 255 ? Number.NaN : (h * 360) / 255; }
  o += count;
  frame.status.set(bytes.subarray(o, o + count)); o += count;
  frame.fixAgeS.set(bytes.subarray(o, o + count));
  return frame;
}
