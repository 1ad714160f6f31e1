// #5 ingest rows/s: fleet positions through the native API (POST /api/ingest/positions, 500 a batch: HTTP, JSON,
// schema check, normalisation, our schema with its indexes, the live hub) against raw prepared inserts of the same
// rows in one transaction into a table without indexes, on a file in the same directory.
import Database from 'better-sqlite3';
import path from 'node:path';
import { interleave, summarize, type BenchContext, type Result } from '../harness';
import { BENCH_KEY, startSitroom } from '../servers';
import { vehicles } from '../fixtures';

export async function ingestRate(ctx: BenchContext): Promise<Result[]> {
  const sitroom = await startSitroom({ SITROOM_BODY_LIMIT_MB: '64' });
  const raw = new Database(path.join(sitroom.dir, 'raw.db'));
  raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = NORMAL');
  raw.exec('CREATE TABLE positions (vehicle TEXT, at INTEGER, lon REAL, lat REAL, speed_kmh REAL, heading REAL, status TEXT, accuracy_m REAL, source TEXT)');
  const insert = raw.prepare('INSERT INTO positions VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
  const fleet = vehicles(2000);
  const batch = 500;
  const batches = ctx.quick ? 8 : 20;
  let t = Date.now() - 3_600_000;
  const rows = () => {
    const out = [];
    for (let i = 0; i < batch; i++) {
      const v = fleet[i % fleet.length]!;
      t += 7;
      out.push({ vehicle: v.id, at: t, lon: v.lon!, lat: v.lat!, speedKmh: v.speedKmh, heading: v.heading, status: v.status });
    }
    return out;
  };
  try {
    const pairs = await interleave(ctx.rounds,
      () => {
        const data = Array.from({ length: batches }, rows);
        const t0 = performance.now();
        raw.transaction(() => { for (const b of data) for (const r of b) insert.run(r.vehicle, r.at, r.lon, r.lat, r.speedKmh, r.heading, r.status, null, 'bench'); })();
        return (batch * batches) / ((performance.now() - t0) / 1000);
      },
      async () => {
        const bodies = Array.from({ length: batches }, () => JSON.stringify({ positions: rows() }));
        const t0 = performance.now();
        for (const body of bodies) {
          const res = await fetch(`${sitroom.url}/api/ingest/positions`, { method: 'POST', body,
            headers: { authorization: `Bearer ${BENCH_KEY}`, 'content-type': 'application/json' } });
          if (!res.ok) throw new Error(`ingest answered ${res.status}: ${await res.text()}`);
        }
        return (batch * batches) / ((performance.now() - t0) / 1000);
      });
    // rows per second: higher is better, so the ratio is ours / raw
    const s = summarize(pairs);
    ctx.log(`  ${Math.round(s.b)} rows/s through the API vs ${Math.round(s.a)} rows/s raw`);
    return [{ id: '5', what: 'Ingest rows/s through the native API (positions, 500 a batch)', ratio: s.ratio, target: '≥ 0.5', met: s.ratio >= 0.5,
      noise: s.noise, raw: { oursRowsPerS: Math.round(s.b), rawRowsPerS: Math.round(s.a), batch, batches, rounds: pairs } }];
  } finally {
    raw.close();
    await sitroom.close();
  }
}
