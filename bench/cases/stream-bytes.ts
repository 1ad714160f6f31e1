// #10 bytes per second per screen of the whole live stream (every topic) from the real app with the simulator at
// 2,000 teams and 24,000 sites, counted as they arrive on a real socket.io client; the baseline is the same stream
// as JSON: each fleet frame as 2,000 objects, each container block as change objects, the rest as sent.
import { io } from 'socket.io-client';
import { liveSocketOptions } from '../../server/protocol/socket-parser';
import { EVENTS, TOPICS, type Delta } from '../../server/protocol/live';
import { decodeFleetFrame } from '../../server/protocol/fleet-frame';
import { containerChangesList, decodeContainerChanges } from '../../server/protocol/container-columns';
import { VEHICLE_STATUSES } from '../../server/protocol/views';
import { sleep, startSitroom } from '../servers';
import { median, type BenchContext, type Result } from '../harness';

export async function streamBytes(ctx: BenchContext): Promise<Result[]> {
  const sitroom = await startSitroom({ SITROOM_SIM: 'on', SITROOM_SIM_TEAMS: '2000', SITROOM_SIM_SITES: '24000', SITROOM_SIM_BACKFILL_DAYS: '0' }, { autoStart: true });
  const socket = io(sitroom.url, { transports: ['websocket'], forceNew: true, reconnection: false, ...liveSocketOptions() });
  let ours = 0;
  let json = 0;
  let frames = 0;
  // what arrived on the wire: engine.io hands every message to socket.io as 'data' (text or binary)
  socket.io.on('open', () => {
    socket.io.engine.on('data', (d: string | ArrayBuffer) => { ours += typeof d === 'string' ? Buffer.byteLength(d) : d.byteLength; });
  });
  const vehicleIds = new Map<number, string>();
  socket.on(EVENTS.fleetFrame, (b: ArrayBuffer) => {
    frames++;
    const f = decodeFleetFrame(b);
    const objs = Array.from({ length: f.count }, (_, i) => ({ id: vehicleIds.get(f.index[i]!) ?? `amb-${f.index[i]}`, lon: f.lon[i], lat: f.lat[i],
      speedKmh: f.speedKmh[i] === 255 ? null : f.speedKmh[i], heading: Number.isNaN(f.heading[i]!) ? null : Math.round(f.heading[i]!),
      status: VEHICLE_STATUSES[f.status[i]!] ?? null, fixAt: f.time - f.fixAgeS[i]! * 1000 }));
    json += JSON.stringify(['fleet:frame', { seq: f.seq, time: f.time, vehicles: objs }]).length;
  });
  socket.on(EVENTS.delta, (d: Delta) => {
    if (d.topic === 'fleet') for (const v of (d as Delta<'fleet'>).payload.upsert) vehicleIds.set(v.index, v.id);
    if (d.topic === 'containers') {
      const p = (d as Delta<'containers'>).payload;
      json += JSON.stringify(['delta', { ...d, payload: { added: p.added, changes: containerChangesList(decodeContainerChanges(p.changes)) } }]).length;
    } else json += Buffer.byteLength(JSON.stringify(['delta', d]));
  });
  try {
    await new Promise<void>((resolve, reject) => { socket.once('connect', () => resolve()); socket.once('connect_error', reject); });
    await new Promise<void>((resolve) => socket.emit(EVENTS.subscribe, { topics: TOPICS.map((topic) => ({ topic })) }, () => resolve()));
    await sleep(ctx.quick ? 2000 : 3000); // the snapshots and the first burst are not the steady stream
    const seconds = ctx.quick ? 6 : 60;
    const perSecond: { ours: number; json: number }[] = [];
    for (let s = 0; s < seconds; s++) {
      ours = 0; json = 0;
      await sleep(1000);
      perSecond.push({ ours, json });
    }
    const o = perSecond.reduce((n, x) => n + x.ours, 0) / seconds;
    const j = perSecond.reduce((n, x) => n + x.json, 0) / seconds;
    const ratio = o / j;
    ctx.log(`  ${(o / 1024).toFixed(1)} KB/s per screen vs ${(j / 1024).toFixed(1)} KB/s as JSON (${frames} fleet frames)`);
    const vehicles = sitroom.app.sitroom.hub.counts().vehicles;
    return [
      { id: '10', what: `Live stream bytes per screen (${vehicles} vehicles, every topic)`, ratio, target: '≤ 0.15', met: ratio <= 0.15, noise: null,
        raw: { oursBytesPerS: Math.round(o), jsonBytesPerS: Math.round(j), medianOursPerS: median(perSecond.map((x) => x.ours)), seconds, perSecond } },
      { id: '10-abs', what: 'Live stream KB/s per screen (2,000 vehicles)', ratio: o / 1024 / 40, target: '≤ 1 (40 KB/s)', met: o <= 40 * 1024, noise: null,
        raw: { kbPerS: o / 1024 } },
    ];
  } finally {
    socket.close();
    await sitroom.close();
  }
}
