// Issue 19: a changed setting on an existing database used to lock the server out ("IngestError: appeals/116/
// answeredAt: is before receivedAt", every start after). The simulator never stops the server now: a plan made with
// other settings opens a new generation of ids and leaves the stored past as it is; a refused item is skipped,
// logged and counted at /healthz while the server serves.
import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock, startApp, tempDir, type ManualClock } from '../helpers/app';

const HOUR = 3_600_000;
const sharedGeo = path.resolve(__dirname, '../../../shared/geo');
const base = { SITROOM_SIM: 'on', SITROOM_SIM_SEED: '20211220', SITROOM_SIM_BACKFILL_DAYS: '40', SITROOM_SIM_SITES: '300', SITROOM_SIM_TEAMS: '30' };

/** A first run, then a stop of `hours`: the database a user has when they change a setting. */
async function madeBefore(dir: string, clock: ManualClock, hours: number) {
  const t = await startApp({ dir, listen: false, env: base, autoStart: true, clock });
  await t.close();
  clock.advance(hours * HOUR);
}
interface Row { id: string; received_at: number; answered_at: number | null; closed_at: number | null; lon: number; lat: number }
const sample = (dir: string): Row[] => {
  const db = new Database(path.join(dir, 'sitroom.db'), { readonly: true });
  const rows = db.prepare("SELECT id, received_at, answered_at, closed_at, lon, lat FROM appeals WHERE id LIKE 'sim-a-%' ORDER BY id").all();
  db.close();
  return rows as Row[];
};
/** Nothing stored was rewritten: every appeal keeps its receipt and place, and an answer or closure it had stays; the
 *  gap may only add what had not happened yet. */
function unchanged(before: Row[], after: Row[]): void {
  const now = new Map(after.map((r) => [r.id, r]));
  const changed = before.filter((b) => {
    const a = now.get(b.id);
    return !a || a.received_at !== b.received_at || a.lon !== b.lon || a.lat !== b.lat
      || (b.answered_at !== null && a.answered_at !== b.answered_at) || (b.closed_at !== null && a.closed_at !== b.closed_at);
  });
  expect(changed.slice(0, 3)).toEqual([]);
}

describe('a setting changed on an existing database', () => {
  let dir: ReturnType<typeof tempDir>;
  beforeAll(() => { dir = tempDir(); });
  afterAll(() => dir.remove());

  it('another seed after a 12-hour stop: the server starts, the stored past is not rewritten, new appeals carry new ids', async () => {
    const clock = manualClock(Date.parse('2026-11-23T07:00:00Z'));
    await madeBefore(dir.dir, clock, 12);
    const before = sample(dir.dir);
    const t = await startApp({ dir: dir.dir, listen: false, env: { ...base, SITROOM_SIM_SEED: '42' }, autoStart: true, clock });
    try {
      const health = (await t.app.inject({ url: '/healthz' })).json() as { status: string; simulator: { refused: number } };
      expect(health.status).toBe('ok');
      const after = sample(dir.dir);
      unchanged(before, after);
      const db = new Database(path.join(dir.dir, 'sitroom.db'), { readonly: true });
      const fresh = db.prepare("SELECT count(*) AS n FROM appeals WHERE id LIKE 'sim-a-g2-%'").get() as { n: number };
      db.close();
      expect(fresh.n).toBeGreaterThan(50); // the 12 hours of the stop, planned with the new seed
    } finally { await t.close(); }
  }, 300_000);

  it.skipIf(!existsSync(sharedGeo))('real boundaries after a default run: the server starts and goes on', async () => {
    const own = tempDir();
    try {
      const clock = manualClock(Date.parse('2026-11-23T07:00:00Z'));
      await madeBefore(own.dir, clock, 12);
      const before = sample(own.dir);
      const t = await startApp({ dir: own.dir, listen: false, env: { ...base, SITROOM_GEO_DIR: sharedGeo }, autoStart: true, clock });
      try {
        expect((await t.app.inject({ url: '/healthz' })).statusCode).toBe(200);
        unchanged(before, sample(own.dir));
      } finally { await t.close(); }
    } finally { own.remove(); }
  }, 300_000);
});

describe('each setting that shapes the simulator', () => {
  const cases: [string, Record<string, string>][] = [
    ['SITROOM_TZ', { SITROOM_TZ: 'Europe/Moscow' }], ['SITROOM_DEADLINES', { SITROOM_DEADLINES: 'social=4' }],
    ['SITROOM_SIM_TEAMS', { SITROOM_SIM_TEAMS: '60' }], ['SITROOM_SIM_SITES', { SITROOM_SIM_SITES: '600' }],
    ['SITROOM_SIM_BACKFILL_DAYS', { SITROOM_SIM_BACKFILL_DAYS: '10' }],
  ];
  for (const [name, change] of cases) {
    it(`${name} changed after a 12-hour stop: the server starts and the stored appeals stay as they were`, async () => {
      const own = tempDir();
      try {
        const clock = manualClock(Date.parse('2026-11-23T07:00:00Z'));
        await madeBefore(own.dir, clock, 12);
        const before = sample(own.dir);
        const t = await startApp({ dir: own.dir, listen: false, env: { ...base, ...change }, autoStart: true, clock });
        try {
          const health = (await t.app.inject({ url: '/healthz' })).json() as { status: string; simulator: { refused: number } };
          expect(health.status).toBe('ok');
          expect(health.simulator.refused).toBe(0);
          unchanged(before, sample(own.dir));
        } finally { await t.close(); }
      } finally { own.remove(); }
    }, 300_000);
  }
});

describe('a refused simulator item', () => {
  it('is skipped, logged and counted while the server serves; a day-long stop is filled', async () => {
    const own = tempDir();
    try {
      const clock = manualClock(Date.parse('2026-11-23T07:00:00Z'));
      await madeBefore(own.dir, clock, 24);
      // appeals the plan will take into work during the gap, made inconsistent with it: a stored answer before receipt
      const db = new Database(path.join(own.dir, 'sitroom.db'));
      const made = db.prepare(`UPDATE appeals SET answered_at = received_at - 3600000 WHERE id LIKE 'sim-a-%' AND channel = 'pos'
        AND in_work_at IS NULL AND received_at > ?`).run(clock.now() - 24 * HOUR - 72 * HOUR);
      db.close();
      expect(made.changes).toBeGreaterThan(10);
      const t = await startApp({ dir: own.dir, listen: false, env: base, autoStart: true, clock });
      try {
        const health = (await t.app.inject({ url: '/healthz' })).json() as { simulator: { refused: number; last: { reason: string } } };
        expect(health.simulator.refused).toBeGreaterThan(0);
        expect(health.simulator.last.reason).toMatch(/is before receivedAt/);
        const check = new Database(path.join(own.dir, 'sitroom.db'), { readonly: true });
        const gap = check.prepare('SELECT count(*) AS n FROM appeals WHERE received_at > ?').get(clock.now() - 23 * HOUR) as { n: number };
        check.close();
        expect(gap.n).toBeGreaterThan(500);
      } finally { await t.close(); }
    } finally { own.remove(); }
  }, 300_000);
});
