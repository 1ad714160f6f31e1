// Container sites as binary columns for the snapshot (24,000 sites in ~430 KB instead of ~4.6 MB of JSON objects).
// Per site i (little-endian): i32 lon (1e-6°), i32 lat, u32 servicedAt (epoch seconds, 0 = never), u16 municipality
// index, u8 fill (percent), u8 status (index into CONTAINER_STATUSES), u8 operator index, u8 containers.
// A site is its index here (stable for the server's run; a new run sends a new snapshot); ids stay in the HTTP API.
//
// Status changes travel as a binary block too (encodeContainerChanges): a 16-byte header (u8 version = 1, 3 bytes
// reserved, u32 count, f64 reference time in epoch ms), then per change, in index order: varint index step from the
// previous change, u8 fill, u8 status, varint serviced (0 = never, else 1 + whole seconds before the reference time).
// About 5 bytes a change instead of ~80 as JSON.
import { CONTAINER_STATUSES, type ContainerChange, type ContainerSiteView } from './views';

export const CONTAINER_BYTES_PER_SITE = 18;

export interface ContainerColumnsInput {
  sites: readonly ContainerSiteView[];
  operators: readonly string[];
  municipalities: readonly string[];
}

export function encodeContainerColumns({ sites, operators, municipalities }: ContainerColumnsInput): Uint8Array {
  const n = sites.length;
  const bytes = new Uint8Array(n * CONTAINER_BYTES_PER_SITE);
  // typed views over the columns (every column starts on a multiple of its width); the byte order is the
  // platform's, little-endian on every machine Sitroom runs on (x86-64, ARM64) and checked by the decoder's DataView
  const lon = new Int32Array(bytes.buffer, 0, n);
  const lat = new Int32Array(bytes.buffer, n * 4, n);
  const serviced = new Uint32Array(bytes.buffer, n * 8, n);
  const mu = new Uint16Array(bytes.buffer, n * 12, n);
  const opIndex = new Map(operators.map((o, i) => [o, i]));
  const muIndex = new Map(municipalities.map((m, i) => [m, i]));
  const statusIndex = new Map(CONTAINER_STATUSES.map((st, i) => [st as string, i]));
  for (let i = 0; i < n; i++) {
    const s = sites[i]!;
    lon[i] = Math.round(s.lon * 1e6);
    lat[i] = Math.round(s.lat * 1e6);
    serviced[i] = s.servicedAt === null ? 0 : Math.floor(s.servicedAt / 1000);
    mu[i] = muIndex.get(s.municipality) ?? 0xffff;
    const fill = Math.round(s.fill);
    bytes[n * 14 + i] = fill < 0 ? 0 : fill > 255 ? 255 : fill;
    bytes[n * 15 + i] = statusIndex.get(s.status) ?? 0;
    bytes[n * 16 + i] = opIndex.get(s.operator) ?? 255;
    bytes[n * 17 + i] = s.containers > 255 ? 255 : s.containers;
  }
  return bytes;
}

export interface ContainerColumnsEncoded {
  count: number;
  operators: readonly string[];
  municipalities: readonly string[];
  columns: Uint8Array;
}

/** A site as the snapshot describes it: everything but the producer's id. */
export type ContainerSiteColumns = Omit<ContainerSiteView, 'id'>;

export function decodeContainerColumns(input: ContainerColumnsEncoded): ContainerSiteColumns[] {
  const n = input.count;
  const bytes = input.columns;
  if (bytes.byteLength !== n * CONTAINER_BYTES_PER_SITE) throw new Error('container columns length mismatch');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out: ContainerSiteColumns[] = [];
  const at = (col: number, width: number, i: number): number => col * n + i * width;
  for (let i = 0; i < n; i++) {
    const serviced = view.getUint32(at(8, 4, i), true);
    out.push({
      index: i,
      lon: view.getInt32(at(0, 4, i), true) / 1e6,
      lat: view.getInt32(at(4, 4, i), true) / 1e6,
      servicedAt: serviced === 0 ? null : serviced * 1000,
      municipality: input.municipalities[view.getUint16(n * 12 + i * 2, true)] ?? '',
      fill: bytes[n * 14 + i]!,
      status: CONTAINER_STATUSES[bytes[n * 15 + i]!] ?? 'unknown',
      operator: input.operators[bytes[n * 16 + i]!] ?? '',
      containers: bytes[n * 17 + i]!,
    });
  }
  return out;
}

export const CONTAINER_CHANGES_VERSION = 1;
const CHANGES_HEADER = 16;

/** Changes as columns: what a screen applies in place. servicedAt is NaN for never. */
export interface ContainerChangeColumns {
  count: number;
  index: Uint32Array;
  fill: Uint8Array;
  status: Uint8Array;
  servicedAt: Float64Array;
}

const STATUS_CODE = new Map(CONTAINER_STATUSES.map((st, i) => [st as string, i]));

export function encodeContainerChanges(changes: readonly ContainerChange[], time: number): Uint8Array {
  let sorted = changes;
  for (let i = 1; i < changes.length; i++) {
    if (changes[i]!.index < changes[i - 1]!.index) { sorted = [...changes].sort((a, b) => a.index - b.index); break; }
  }
  const n = sorted.length;
  // worst case per change: 5-byte index step, 2 bytes, 5-byte serviced
  const out = new Uint8Array(CHANGES_HEADER + n * 12);
  const view = new DataView(out.buffer);
  out[0] = CONTAINER_CHANGES_VERSION;
  view.setUint32(4, n, true);
  view.setFloat64(8, time, true);
  let o = CHANGES_HEADER;
  let prev = 0;
  for (let i = 0; i < n; i++) {
    const c = sorted[i]!;
    let v = c.index - prev;
    prev = c.index;
    while (v >= 0x80) { out[o++] = (v & 0x7f) | 0x80; v = Math.floor(v / 128); }
    out[o++] = v;
    const fill = Math.round(c.fill);
    out[o++] = fill < 0 ? 0 : fill > 255 ? 255 : fill;
    out[o++] = STATUS_CODE.get(c.status) ?? 0;
    v = c.servicedAt === null ? 0 : 1 + Math.max(0, Math.floor((time - c.servicedAt) / 1000));
    while (v >= 0x80) { out[o++] = (v & 0x7f) | 0x80; v = Math.floor(v / 128); }
    out[o++] = v;
  }
  return out.slice(0, o);
}

const CUT = 'container changes block: cut short';

export function decodeContainerChanges(input: Uint8Array | ArrayBuffer): ContainerChangeColumns {
  const bytes = input instanceof Uint8Array ? input : new Uint8Array(input);
  if (bytes.byteLength < CHANGES_HEADER || bytes[0] !== CONTAINER_CHANGES_VERSION) throw new Error('not a container changes block (version 1)');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const count = view.getUint32(4, true);
  const time = view.getFloat64(8, true);
  const end = bytes.byteLength;
  if (count > end) throw new Error(CUT);
  const index = new Uint32Array(count);
  const fill = new Uint8Array(count);
  const status = new Uint8Array(count);
  const servicedAt = new Float64Array(count);
  let o = CHANGES_HEADER;
  let prev = 0;
  for (let i = 0; i < count; i++) {
    let v = 0;
    let mul = 1;
    let b = 0;
    do { if (o >= end) throw new Error(CUT); b = bytes[o++]!; v += (b & 0x7f) * mul; mul *= 128; } while (b >= 0x80);
    prev += v;
    index[i] = prev;
    if (o + 2 > end) throw new Error(CUT);
    fill[i] = bytes[o++]!;
    status[i] = bytes[o++]!;
    v = 0; mul = 1;
    do { if (o >= end) throw new Error(CUT); b = bytes[o++]!; v += (b & 0x7f) * mul; mul *= 128; } while (b >= 0x80);
    servicedAt[i] = v === 0 ? Number.NaN : time - (v - 1) * 1000;
  }
  return { count, index, fill, status, servicedAt };
}

/** The changes as objects (the hub's mirror on a follower; tests). */
export function containerChangesList(c: ContainerChangeColumns): ContainerChange[] {
  return Array.from({ length: c.count }, (_, i) => ({ index: c.index[i]!, fill: c.fill[i]!,
    status: CONTAINER_STATUSES[c.status[i]!] ?? 'unknown', servicedAt: Number.isNaN(c.servicedAt[i]!) ? null : c.servicedAt[i]! }));
}
