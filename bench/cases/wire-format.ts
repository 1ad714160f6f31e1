// #1: bytes and encode+decode CPU of the three big live messages, through the live socket's packet encoder and
// decoder (socket.io's, plus the single-binary rule: server/protocol/socket-parser.ts), against JSON.stringify/JSON.parse of the same information as plain objects.
import { PacketType, type Packet } from 'socket.io-parser';
import { Decoder, Encoder } from '../../server/protocol/socket-parser';
import { encodeFleetFrame, decodeFleetFrame } from '../../server/protocol/fleet-frame';
import { encodeContainerColumns, encodeContainerChanges, decodeContainerChanges } from '../../server/protocol/container-columns';
import { createContainerSites } from '../../client/src/live/container-sites';
import type { Snapshots } from '../../server/protocol/live';
import { CONTAINER_STATUSES } from '../../server/protocol/views';
import { fixesOf, MUNICIPALITIES, OPERATORS, siteChanges, sites, vehicles } from '../fixtures';
import { interleave, summarize, timeSync, warmUp, type BenchContext, type Result } from '../harness';

const NOW = Date.UTC(2026, 10, 23, 9);

const encoder = new Encoder();
/** the wire form of one event: its WebSocket messages, as a screen receives them */
function packetFrames(event: string, payload: unknown): (string | Uint8Array)[] {
  const packet: Packet = { type: PacketType.EVENT, nsp: '/', data: [event, payload] };
  return encoder.encode(packet) as (string | Uint8Array)[];
}
const frameBytes = (frames: readonly (string | Uint8Array)[]) =>
  frames.reduce((n, f) => n + (typeof f === 'string' ? Buffer.byteLength(f) : f.byteLength), 0);
// one decoder for the run, as a screen has one for its connection
const decoder = new Decoder();
let decoded: unknown = null;
decoder.on('decoded', (p: Packet) => { decoded = (p.data as unknown[])[1]; });
function decodeFrames(frames: readonly (string | Uint8Array)[]): unknown {
  decoded = null;
  for (const f of frames) decoder.add(f);
  return decoded;
}

export async function wireFormat(ctx: BenchContext): Promise<Result[]> {
  const fleet = vehicles(2000, NOW);
  const all = sites(24_000, NOW);
  const changes = siteChanges(all, 0.01, NOW);
  const byIndex = new Map(all.map((s) => [s.index, s]));
  const fixes = fixesOf(fleet);
  // the baselines' objects are built once, outside the timing: only stringify and parse are timed
  const fleetJson = { time: NOW, vehicles: fleet.map((v) => ({ id: v.id, lon: v.lon, lat: v.lat, speedKmh: v.speedKmh, heading: v.heading, status: v.status, fixAt: v.fixAt })) };
  const sitesJson = { sites: all.map(({ index: _i, ...s }) => s) };
  const changesJson = { topic: 'containers', time: NOW, changes: changes.map((c) => ({ id: byIndex.get(c.index)!.id, fill: c.fill, status: c.status, servicedAt: c.servicedAt })) };

  const cases = [
    {
      id: '1a', what: 'Wire: 2,000-vehicle fleet tick',
      ours: () => packetFrames('fleet:frame', encodeFleetFrame(fixes, 1, NOW)),
      decode: (f: (string | Uint8Array)[]) => decodeFleetFrame(decodeFrames(f) as Uint8Array),
      // the same fixes as a JSON API would send them: one object per vehicle
      json: () => JSON.stringify(fleetJson),
    },
    {
      id: '1b', what: 'Wire: 24,000-site container snapshot',
      ours: () => packetFrames('snapshot', {
        operators: OPERATORS, statuses: CONTAINER_STATUSES, municipalities: MUNICIPALITIES, count: all.length,
        columns: encodeContainerColumns({ sites: all, operators: OPERATORS, municipalities: MUNICIPALITIES }),
      } satisfies Snapshots['containers']),
      decode: (f: (string | Uint8Array)[]) => { createContainerSites().load(decodeFrames(f) as Snapshots['containers']); },
      json: () => JSON.stringify(sitesJson),
    },
    {
      id: '1c', what: 'Wire: 1 % container status delta (240 sites)',
      ours: () => packetFrames('delta', { topic: 'containers', seq: 2, time: NOW, payload: { added: [], changes: encodeContainerChanges(changes, NOW) } }),
      decode: (f: (string | Uint8Array)[]) => {
        const d = decodeFrames(f) as { time: number; payload: { changes: Uint8Array } };
        return decodeContainerChanges(d.payload.changes);
      },
      json: () => JSON.stringify(changesJson),
    },
  ];

  const results: Result[] = [];
  for (const c of cases) {
    const oursBytes = frameBytes(c.ours());
    const jsonBytes = Buffer.byteLength(c.json());
    const baseline = () => { JSON.parse(c.json()); };
    const sitroom = () => { c.decode(c.ours()); };
    warmUp(baseline);
    warmUp(sitroom);
    const pairs = await interleave(ctx.rounds, () => timeSync(baseline), () => timeSync(sitroom));
    const s = summarize(pairs);
    results.push({ id: `${c.id}-bytes`, what: `${c.what}: bytes`, ratio: oursBytes / jsonBytes, target: '≤ 0.10', met: oursBytes / jsonBytes <= 0.10,
      noise: null, raw: { oursBytes, jsonBytes } });
    results.push({ id: `${c.id}-cpu`, what: `${c.what}: encode+decode CPU`, ratio: s.ratio, target: '≤ 0.05', met: s.ratio <= 0.05, noise: s.noise,
      raw: { oursNsMedian: Math.round(s.b), jsonNsMedian: Math.round(s.a), rounds: pairs } });
    ctx.log(`  ${c.what}: ${oursBytes} B vs ${jsonBytes} B JSON; ${(s.b / 1e3).toFixed(1)} µs vs ${(s.a / 1e3).toFixed(1)} µs`);
  }
  return results;
}
