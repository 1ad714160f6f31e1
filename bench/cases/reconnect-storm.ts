// #8 reconnect storm: 200 screens holding the whole live state (2,000 vehicles, 24,000 sites) are dropped by the
// server at once while the state moves on (1 % of the sites change); measured from the drop until every screen's
// state equals the server's again. Baseline: 200 fresh screens connecting and taking their snapshots until they
// equal the server's. The screens reconnect with the wall's own back-off (0.5 s ± 50 %, doubling to 3 s) and ask
// for what they missed ("since N"). A screen that never gets there counts as inconsistent.
import { fork } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { TOPICS } from '../../server/protocol/live';
import { CONTAINER_STATUSES } from '../../server/protocol/views';
import { siteChanges, sites, vehicles } from '../fixtures';
import { interleave, summarize, type BenchContext, type Result } from '../harness';
import { seedLive, startSitroom } from '../servers';
import { sitesHash } from '../load/digest';

const here = path.dirname(fileURLToPath(import.meta.url));
const SCREENS = 200;

/** The server's state as a screen's digest (bench/load/storm-screens.ts) describes it. */
function stateDigest(app: FastifyInstance): string {
  const hub = app.sitroom.hub;
  const all = hub.sites();
  const status = new Uint8Array(all.length), fill = new Uint8Array(all.length);
  all.forEach((s, i) => { status[i] = Math.max(0, CONTAINER_STATUSES.indexOf(s.status)); fill[i] = Math.round(s.fill); });
  const counts = hub.counts();
  return `${TOPICS.map((t) => hub.seq(t)).join(',')}|${counts.appeals}|${counts.incidents}|${sitesHash(status, fill, all.length)}`;
}

export async function reconnectStorm(ctx: BenchContext): Promise<Result[]> {
  const sitroom = await startSitroom();
  const { app } = sitroom;
  const t0 = Date.now();
  seedLive(app, vehicles(2000, t0), sites(24_000, t0), t0);
  app.sitroom.jobs.refreshKpi(true);
  const child = fork(path.join(here, '../load/storm-screens.ts'), [sitroom.url], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  await new Promise((resolve, reject) => { child.once('message', resolve); child.once('exit', (c) => reject(new Error(`storm screens exited with ${c}`))); });
  const ask = <T>(req: object) => new Promise<T>((resolve) => { child.once('message', (m: T) => resolve(m)); child.send(req); });
  let seed = 1000;
  /** the world moves on: 1 % of the sites change status or fill */
  const change = () => {
    const now = Date.now();
    const all = app.sitroom.hub.sites();
    const changed = siteChanges(all, 0.01, now, seed++);
    app.sitroom.hub.applyContainers(changed.map((c) => {
      const { index: _i, ...site } = all[c.index]!;
      return { ...site, fill: c.fill, status: c.status, servicedAt: c.servicedAt, volumeM3: site.containers * 1.1, updatedAt: now };
    }), now);
  };
  try {
    const first = await ask<{ inconsistent: number }>({ op: 'steady', n: SCREENS, target: stateDigest(app) });
    if (first.inconsistent) throw new Error(`${first.inconsistent} screens never took their first snapshots`);
    let inconsistent = 0;
    let freshInconsistent = 0;
    const pairs = await interleave(ctx.rounds,
      async () => {
        change();
        const r = await ask<{ ms: number; inconsistent: number }>({ op: 'fresh', n: SCREENS, target: stateDigest(app), timeoutMs: 60_000 });
        freshInconsistent += r.inconsistent;
        return r.ms;
      },
      async () => {
        const dropped = performance.timeOrigin + performance.now();
        // the connections drop as in a network failure: no goodbye, so each screen reconnects by itself
        for (const socket of app.sitroom.gateway.io.sockets.sockets.values()) socket.conn.close();
        change();
        const r = await ask<{ at: number; inconsistent: number }>({ op: 'await', target: stateDigest(app), timeoutMs: 60_000 });
        inconsistent += r.inconsistent;
        return r.at - dropped;
      });
    const s = summarize(pairs);
    ctx.log(`  back in ${(s.b / 1000).toFixed(2)} s after the drop vs ${(s.a / 1000).toFixed(2)} s for fresh screens; ${inconsistent} inconsistent`);
    return [
      { id: '8', what: `Reconnect storm: ${SCREENS} screens dropped and back to the server's state`, ratio: s.ratio, target: '≤ 1', met: s.ratio <= 1 && inconsistent === 0,
        noise: s.noise, raw: { reconnectMs: Math.round(s.b), freshMs: Math.round(s.a), rounds: pairs } },
      { id: '8-consistency', what: 'Screens not equal to the server after the storm', ratio: inconsistent, target: '0', met: inconsistent === 0 && freshInconsistent === 0,
        noise: null, raw: { afterStorm: inconsistent, freshScreens: freshInconsistent, storms: pairs.length } },
    ];
  } finally {
    child.send({ op: 'close' });
    await sitroom.close();
  }
}
