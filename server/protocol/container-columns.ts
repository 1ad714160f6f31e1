// Container sites as binary columns for the snapshot (24,000 sites in ~430 KB instead of ~4 MB of JSON objects).
// Per site i (little-endian): i32 lon (1e-6°), i32 lat, u32 servicedAt (epoch seconds, 0 = never), u16 municipality
// index, u8 fill (percent), u8 status (index into CONTAINER_STATUSES), u8 operator index, u8 containers.
import { CONTAINER_STATUSES, type ContainerSiteView } from './views';

export const CONTAINER_BYTES_PER_SITE = 18;

export interface ContainerColumnsInput {
  sites: readonly ContainerSiteView[];
  operators: readonly string[];
  municipalities: readonly string[];
}

export function encodeContainerColumns({ sites, operators, municipalities }: ContainerColumnsInput): Uint8Array {
  const n = sites.length;
  const bytes = new Uint8Array(n * CONTAINER_BYTES_PER_SITE);
  const view = new DataView(bytes.buffer);
  const opIndex = new Map(operators.map((o, i) => [o, i]));
  const muIndex = new Map(municipalities.map((m, i) => [m, i]));
  let o = 0;
  for (const s of sites) { view.setInt32(o, Math.round(s.lon * 1e6), true); o += 4; }
  for (const s of sites) { view.setInt32(o, Math.round(s.lat * 1e6), true); o += 4; }
  for (const s of sites) { view.setUint32(o, s.servicedAt === null ? 0 : Math.floor(s.servicedAt / 1000), true); o += 4; }
  for (const s of sites) { view.setUint16(o, muIndex.get(s.municipality) ?? 0xffff, true); o += 2; }
  for (const s of sites) bytes[o++] = Math.min(255, Math.max(0, Math.round(s.fill)));
  for (const s of sites) bytes[o++] = CONTAINER_STATUSES.indexOf(s.status);
  for (const s of sites) bytes[o++] = opIndex.get(s.operator) ?? 255;
  for (const s of sites) bytes[o++] = Math.min(255, s.containers);
  return bytes;
}

export interface ContainerColumnsEncoded {
  ids: readonly string[];
  operators: readonly string[];
  municipalities: readonly string[];
  columns: Uint8Array;
}

export function decodeContainerColumns(input: ContainerColumnsEncoded): ContainerSiteView[] {
  const n = input.ids.length;
  const bytes = input.columns;
  if (bytes.byteLength !== n * CONTAINER_BYTES_PER_SITE) throw new Error('container columns length mismatch');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out: ContainerSiteView[] = [];
  const at = (col: number, width: number, i: number): number => col * n + i * width;
  for (let i = 0; i < n; i++) {
    const serviced = view.getUint32(at(8, 4, i), true);
    out.push({
      index: i, id: input.ids[i]!,
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
