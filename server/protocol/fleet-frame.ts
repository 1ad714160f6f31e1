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

const STATUS_CODE = new Map<string, number>(VEHICLE_STATUSES.map((st, i) => [st, i]));

// One pass for the bounds (the coordinates kept in scratch columns), one to write every column: this runs once a
// second for the whole fleet, so it touches each fix object twice and allocates nothing per vehicle.
let scratch = new Int32Array(0);

export function encodeFleetFrame(fixes: readonly FleetFix[], seq: number, time: number): Uint8Array {
  const n = fixes.length;
  if (scratch.length < 2 * n) scratch = new Int32Array(2 * n);
  const xs = scratch;
  let lon0 = n ? Infinity : 0, lat0 = n ? Infinity : 0, lon1 = 0, lat1 = 0;
  // the whole fleet in index order (the usual case): the index column is left out and flagged
  let inOrder = true;
  for (let i = 0; i < n; i++) {
    const f = fixes[i]!;
    const x = Math.round(f.lon * 1e6), y = Math.round(f.lat * 1e6);
    xs[2 * i] = x; xs[2 * i + 1] = y;
    if (x < lon0) lon0 = x;
    if (y < lat0) lat0 = y;
    if (x > lon1) lon1 = x;
    if (y > lat1) lat1 = y;
    if (f.index !== i) inOrder = false;
  }
  // a fleet spread wider than 16.7° (a federal view) falls back to version 1: whole 32-bit coordinates
  const compact = n === 0 || (lon1 - lon0 <= SPAN && lat1 - lat0 <= SPAN);
  const dense = compact && inOrder;
  const header = compact ? FLEET_FRAME_HEADER : FLEET_FRAME_HEADER_V1;
  const bytes = new Uint8Array(header + n * (compact ? FLEET_FRAME_BYTES_PER_VEHICLE : FLEET_FRAME_BYTES_PER_VEHICLE_V1) - (dense ? 2 * n : 0));
  const view = new DataView(bytes.buffer);
  view.setUint8(0, FLEET_FRAME_KIND);
  view.setUint8(1, compact ? FLEET_FRAME_VERSION : 1);
  view.setUint8(2, dense ? DENSE : 0);
  view.setUint32(4, n, true);
  view.setUint32(8, seq >>> 0, true);
  view.setFloat64(16, time, true);
  const coord = compact ? 3 : 4;
  const latAt = header + coord * n;
  const indexAt = latAt + coord * n;
  const speedAt = indexAt + (dense ? 0 : 2 * n);
  const headingAt = speedAt + n, statusAt = headingAt + n, ageAt = statusAt + n;
  if (compact) { view.setInt32(24, lon0, true); view.setInt32(28, lat0, true); }
  for (let i = 0; i < n; i++) {
    const f = fixes[i]!;
    if (compact) {
      // a Uint8Array keeps the low byte of what it is given
      const x = xs[2 * i]! - lon0, y = xs[2 * i + 1]! - lat0, p = header + 3 * i, q = latAt + 3 * i;
      bytes[p] = x; bytes[p + 1] = x >> 8; bytes[p + 2] = x >> 16;
      bytes[q] = y; bytes[q + 1] = y >> 8; bytes[q + 2] = y >> 16;
    } else {
      view.setInt32(header + 4 * i, xs[2 * i]!, true);
      view.setInt32(latAt + 4 * i, xs[2 * i + 1]!, true);
    }
    if (!dense) view.setUint16(indexAt + 2 * i, f.index, true);
    const speed = f.speedKmh, heading = f.heading;
    bytes[speedAt + i] = speed === null ? 255 : speed <= 0 ? 0 : speed >= 254 ? 254 : Math.round(speed);
    bytes[headingAt + i] = heading === null ? 255 : Math.round((((heading % 360) + 360) % 360) * 255 / 360) % 255;
    bytes[statusAt + i] = f.status === null ? VEHICLE_STATUS_UNKNOWN : STATUS_CODE.get(f.status) ?? VEHICLE_STATUS_UNKNOWN;
    const age = Math.round((time - f.fixAt) / 1000);
    bytes[ageAt + i] = age <= 0 ? 0 : age >= 254 ? 254 : age;
  }
  return bytes;
}

/** The frame's sequence number and server time alone (the same offsets in both versions). */
export function decodeFleetHeader(bytes: Uint8Array): { seq: number; time: number } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.byteLength < FLEET_FRAME_HEADER_V1 || view.getUint8(0) !== FLEET_FRAME_KIND) throw new Error('not a fleet frame');
  return { seq: view.getUint32(8, true), time: view.getFloat64(16, true) };
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
