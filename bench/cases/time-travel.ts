// #14 a jump to a past moment: the whole wall's state (every topic's snapshot, the fleet's frame, the indicators) over
// the live socket's `moment` event, against the live path's own work in the same run (the indicators computed now).
// The store holds the default data's size: 300 teams with 7 days of replay track (a fix a minute), 24,000 sites
// with a month of events each, 400 days of appeals (about 1,000 a day). A moment is asked once (never kept), at a
// random time in the last 7 days. #14-fleet: the fleet alone, as a playing wall asks for it four times a second.
import { rmSync } from 'node:fs';
import type { Socket } from 'socket.io-client';
import { io } from 'socket.io-client';
import { interleave, median, summarize, type BenchContext, type Result } from '../harness';
import { startSitroom, type BenchApp } from '../servers';
import { EVENTS, type MomentReply } from '../../server/protocol/live';
import { liveSocketOptions } from '../../server/protocol/socket-parser';
import type { Store } from '../../server/store';
import { DAY, MINUTE, dayKey } from '../../server/domain/time';
import { MUNICIPALITIES, rng, sites as siteFixtures } from '../fixtures';
import { buildCheckpoints, thinCheckpoints } from '../../server/history/site-states';

const NOW = Date.UTC(2026, 10, 23, 9);
const CHANNELS = ['social', 'portal', 'pos', 'hotline'];
const CATEGORIES = ['roads', 'housing_utilities', 'landscaping', 'transport'];

/** 400 days of appeals, about 1,000 a day, answered within three days but one in five hundred, never */
export function fillAppeals(store: Store, days: number): void {
  const r = rng(14);
  for (let d = days; d >= 0; d--) {
    const n = d === 0 ? 400 : 900 + Math.floor(r() * 200);
    for (let k = 0; k < n; k++) {
      const at = NOW - d * DAY - Math.floor(r() * DAY);
      if (at > NOW) continue;
      const answered = r() < 0.998 ? at + Math.floor(r() * 3 * DAY) : null;
      store.appeals.put({ id: `b-${d}-${k}`, source: 'bench', channel: CHANNELS[k % 4]!, category: CATEGORIES[k % 4]!, municipality: MUNICIPALITIES[k % 63]!,
        lon: 56 + r(), lat: 54 + r(), address: null, text: null, author: null, contact: null, status: answered !== null && answered <= NOW ? 'answered' : 'received',
        receivedAt: at, inWorkAt: null, answeredAt: answered !== null && answered <= NOW ? answered : null, closedAt: null,
        dueAt: at + 5 * DAY, ceilingAt: at + 30 * DAY, updatedAt: at }, true, dayKey(at, 'Asia/Yekaterinburg'));
    }
  }
}

/** 300 teams, a fix a minute for `days` days (the replay track), statuses changing every half hour */
export function fillFleet(store: Store, days: number): void {
  const statuses = ['free', 'en_route', 'on_scene', 'to_hospital', 'returning'] as const;
  for (let v = 0; v < 300; v++) {
    const lon0 = 54 + (v % 30) * 0.15, lat0 = 52 + Math.floor(v / 30) * 0.4;
    for (let t = NOW - days * DAY; t <= NOW; t += MINUTE) {
      const k = Math.floor(t / (30 * MINUTE)) + v;
      store.fleet.addPosition({ vehicle: `b-amb-${v}`, at: t, lon: lon0 + Math.sin(t / 3.6e6) * 0.05, lat: lat0 + Math.cos(t / 3.6e6) * 0.05,
        speedKmh: 40, heading: 90, status: statuses[k % 5]!, accuracyM: null, source: 'bench', attributes: null });
    }
    store.fleet.put({ id: `b-amb-${v}`, callsign: `B ${v}`, substation: null, status: statuses[(Math.floor(NOW / (30 * MINUTE)) + v) % 5]!,
      lon: lon0, lat: lat0, speedKmh: 40, heading: 90, fixAt: NOW, updatedAt: NOW });
  }
}

/** 24,000 sites registered a month ago, each with a status change and a service a day since */
export function fillSites(store: Store, days: number): void {
  for (const s of siteFixtures(24_000, NOW)) {
    const { index: _i, ...site } = s;
    store.containers.put({ ...site, volumeM3: 1.1, updatedAt: NOW });
    store.containers.addEvent(s.id, NOW - days * DAY, 'registered', 'ok', 10);
    for (let d = days; d > 0; d--) {
      store.containers.addEvent(s.id, NOW - d * DAY + 6 * 3.6e6, 'serviced', 'ok', 0);
      store.containers.addEvent(s.id, NOW - d * DAY + 20 * 3.6e6, 'status', d % 3 ? 'full' : 'overflowing', 90);
    }
  }
}

const connect = (url: string): Promise<Socket> => new Promise((resolve, reject) => {
  const s = io(url, { transports: ['websocket'], reconnection: false, forceNew: true, ...liveSocketOptions() });
  s.once('connect', () => resolve(s));
  s.once('connect_error', reject);
});

async function askMoment(socket: Socket, at: number, topics?: string[]): Promise<number> {
  const t0 = performance.now();
  const r = await socket.timeout(60_000).emitWithAck(EVENTS.moment, { at, ...(topics ? { topics } : {}) }) as MomentReply;
  if (!r.ok) throw new Error(r.error);
  return performance.now() - t0;
}

export async function timeTravel(ctx: BenchContext): Promise<Result[]> {
  const days = ctx.quick ? 2 : 7;
  // written through the store, then served by a server started on it (its hub loads the live state from the file)
  const seeded = await startSitroom({}, { autoStart: false });
  const store = seeded.app.sitroom.store;
  const t0 = Date.now();
  store.transaction(() => { fillAppeals(store, 400); fillFleet(store, days); fillSites(store, 30); });
  ctx.log(`  seeded in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  // the sites' daily checkpoints, as the running server's job builds them (100 ms of work every 5 s)
  const c0 = performance.now();
  let steps = 0, longestStepMs = 0;
  for (;;) {
    const s0 = performance.now(), built = buildCheckpoints(store, 'Asia/Yekaterinburg', NOW, 0);
    if (!built) break;
    steps++; longestStepMs = Math.max(longestStepMs, performance.now() - s0);
    thinCheckpoints(store, 'Asia/Yekaterinburg', NOW);
  }
  const checkpointMs = performance.now() - c0, checkpoints = store.containers.checkpoints.size();
  const dir = seeded.dir;
  await seeded.app.close(); // the file stays: the next server opens it
  let app: BenchApp | null = null;
  const clock = { now: () => NOW };
  try {
    app = await startSitroom({}, { autoStart: false, dir, clock });
    const socket = await connect(app.url);
    const r = rng(7);
    const at = () => NOW - Math.floor(r() * (days * DAY - MINUTE)) - MINUTE;
    const liveCompute = () => { const s = performance.now(); app!.app.sitroom.jobs.refreshKpi(true); return performance.now() - s; };
    liveCompute();
    await askMoment(socket, at()); // warm-up
    const rounds = ctx.quick ? 5 : 9;
    const jumps = await interleave(rounds, liveCompute, () => askMoment(socket, at()));
    const fleet = await interleave(rounds, liveCompute, () => askMoment(socket, at(), ['fleet']));
    socket.close();
    const j = summarize(jumps), f = summarize(fleet);
    return [
      { id: '14', what: `Jump to a past moment of the last ${days} days: the whole wall over the socket, vs the live indicators' computation`, ratio: j.ratio,
        target: 'jump ≤ 500 ms', met: median(jumps.map((x) => x.b)) <= 500, noise: j.noise,
        raw: { jumpMs: Math.round(median(jumps.map((x) => x.b))), maxJumpMs: Math.round(Math.max(...jumps.map((x) => x.b))), liveComputeMs: Math.round(j.a),
          siteCheckpoints: checkpoints.checkpoints, checkpointKbEach: Math.round(checkpoints.bytes / Math.max(1, checkpoints.checkpoints) / 1024),
          checkpointStepMs: Math.round(checkpointMs / Math.max(1, steps)), longestCheckpointStepMs: Math.round(longestStepMs) } },
      { id: '14-fleet', what: 'A playing wall\'s fleet frame at a past moment, vs the live indicators\' computation', ratio: f.ratio,
        target: '≤ 50 ms (4 a second)', met: median(fleet.map((x) => x.b)) <= 50, noise: f.noise,
        raw: { fleetMs: Number(median(fleet.map((x) => x.b)).toFixed(1)), liveComputeMs: Math.round(f.a) } },
    ];
  } finally {
    await app?.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
