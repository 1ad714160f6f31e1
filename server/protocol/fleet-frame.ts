// The binary fleet frame: one per second for the whole fleet, encoded once and sent to every screen.
// Layout (little-endian), 24-byte header then columns, 14 bytes per vehicle:
//   u8 kind (=1), u8 version (=1), u16 reserved, u32 count, u32 seq, u32 reserved, f64 server time (epoch ms)
//   i32 lon[count] (1e-6 degrees), i32 lat[count], u16 index[count] (VehicleView.index),
//   u8 speed[count] (km/h, 255 = unknown), u8 heading[count] (degrees × 255/360, 255 = unknown),
//   u8 status[count] (index into VEHICLE_STATUSES, 255 = unknown), u8 fixAge[count] (seconds since the fix, capped 254,
//   255 = unknown)
import { VEHICLE_STATUSES, VEHICLE_STATUS_UNKNOWN, type VehicleStatus } from './views';

export const FLEET_FRAME_KIND = 1;
export const FLEET_FRAME_VERSION = 1;
export const FLEET_FRAME_HEADER = 24;
export const FLEET_FRAME_BYTES_PER_VEHICLE = 14;

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
  const buf = new ArrayBuffer(FLEET_FRAME_HEADER + n * FLEET_FRAME_BYTES_PER_VEHICLE);
  const view = new DataView(buf);
  view.setUint8(0, FLEET_FRAME_KIND);
  view.setUint8(1, FLEET_FRAME_VERSION);
  view.setUint32(4, n, true);
  view.setUint32(8, seq >>> 0, true);
  view.setFloat64(16, time, true);
  let o = FLEET_FRAME_HEADER;
  for (const f of fixes) { view.setInt32(o, Math.round(f.lon * 1e6), true); o += 4; }
  for (const f of fixes) { view.setInt32(o, Math.round(f.lat * 1e6), true); o += 4; }
  for (const f of fixes) { view.setUint16(o, f.index, true); o += 2; }
  const bytes = new Uint8Array(buf);
  for (const f of fixes) bytes[o++] = f.speedKmh === null ? 255 : Math.min(254, Math.max(0, Math.round(f.speedKmh)));
  for (const f of fixes) bytes[o++] = f.heading === null ? 255 : Math.round((((f.heading % 360) + 360) % 360) * 255 / 360) % 255;
  for (const f of fixes) bytes[o++] = f.status === null ? VEHICLE_STATUS_UNKNOWN : VEHICLE_STATUSES.indexOf(f.status);
  for (const f of fixes) bytes[o++] = Math.min(254, Math.max(0, Math.round((time - f.fixAt) / 1000)));
  return bytes;
}

export function decodeFleetFrame(input: ArrayBuffer | Uint8Array): FleetFrame {
  const bytes = input instanceof Uint8Array ? input : new Uint8Array(input);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.byteLength < FLEET_FRAME_HEADER || view.getUint8(0) !== FLEET_FRAME_KIND) throw new Error('not a fleet frame');
  if (view.getUint8(1) !== FLEET_FRAME_VERSION) throw new Error(`fleet frame version ${view.getUint8(1)} not supported`);
  const count = view.getUint32(4, true);
  if (bytes.byteLength !== FLEET_FRAME_HEADER + count * FLEET_FRAME_BYTES_PER_VEHICLE) throw new Error('fleet frame length mismatch');
  const frame: FleetFrame = {
    seq: view.getUint32(8, true), time: view.getFloat64(16, true), count,
    lon: new Float64Array(count), lat: new Float64Array(count), index: new Uint16Array(count),
    speedKmh: new Uint8Array(count), heading: new Float32Array(count), status: new Uint8Array(count), fixAgeS: new Uint8Array(count),
  };
  let o = FLEET_FRAME_HEADER;
  for (let i = 0; i < count; i++, o += 4) frame.lon[i] = view.getInt32(o, true) / 1e6;
  for (let i = 0; i < count; i++, o += 4) frame.lat[i] = view.getInt32(o, true) / 1e6;
  for (let i = 0; i < count; i++, o += 2) frame.index[i] = view.getUint16(o, true);
  frame.speedKmh.set(bytes.subarray(o, o + count)); o += count;
  for (let i = 0; i < count; i++) { const h = bytes[o + i]!; frame.heading[i] = h === 255 ? Number.NaN : (h * 360) / 255; }
  o += count;
  frame.status.set(bytes.subarray(o, o + count)); o += count;
  frame.fixAgeS.set(bytes.subarray(o, o + count));
  return frame;
}
