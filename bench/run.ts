// npm run bench [-- --quick] [-- --soak] [-- --only 1,5]: runs the benchmarks, prints the table and writes
// bench/results/latest.json (one entry per measurement: id, ratio, target, met, noise and the raw figures).
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import os from 'node:os';
import { table, type BenchContext, type Result } from './harness';
import { wireFormat } from './cases/wire-format';
import { broadcast } from './cases/broadcast';
import { ingestRate } from './cases/ingest-rate';
import { httpRate } from './cases/http-rate';
import { eventLoop } from './cases/event-loop';
import { streamBytes } from './cases/stream-bytes';
import { clientUpdate } from './cases/client-update';
import { reconnectStorm } from './cases/reconnect-storm';
import { memorySoak } from './cases/memory-soak';
import { coldStart } from './cases/cold-start';
import { desk } from './cases/desk';
import { timeTravel } from './cases/time-travel';
import { playback } from './cases/playback';

const here = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const soak = args.includes('--soak');
const onlyArg = args.indexOf('--only');
const only = onlyArg >= 0 ? new Set((args[onlyArg + 1] ?? '').split(',').map((s) => s.trim())) : null;

const CASES: [string, (ctx: BenchContext) => Promise<Result[]>][] = [
  ['1', wireFormat], ['2', broadcast], ['4', eventLoop], ['5', ingestRate], ['6', httpRate], ['7', clientUpdate], ['8', reconnectStorm], ['9', memorySoak], ['10', streamBytes], ['11', coldStart], ['12', desk], ['14', timeTravel], ['15', playback],
];

async function main(): Promise<void> {
  const started = Date.now();
  const ctx: BenchContext = { quick, soak, rounds: quick ? 5 : 9, log: (m) => console.log(m) };
  console.log(`Sitroom benchmarks (${quick ? 'quick' : soak ? 'soak' : 'full'}; ${ctx.rounds} interleaved rounds; node ${process.version}; ${os.cpus().length} cores)`);
  const results: Result[] = [];
  for (const [id, run] of CASES) {
    if (only && !only.has(id)) continue;
    const t0 = Date.now();
    console.log(`#${id} …`);
    try {
      results.push(...await run(ctx));
    } catch (e) {
      results.push({ id, what: `benchmark #${id} failed`, ratio: Number.NaN, target: '—', met: false, noise: null, raw: {}, note: (e as Error).stack ?? String(e) });
      console.log(`  failed: ${(e as Error).message}`);
    }
    console.log(`  (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  }
  const out = path.join(here, 'results');
  mkdirSync(out, { recursive: true });
  const file = path.join(out, 'latest.json');
  writeFileSync(file, JSON.stringify({ at: new Date().toISOString(), mode: quick ? 'quick' : soak ? 'soak' : 'full', node: process.version,
    cpus: os.cpus().length, seconds: Math.round((Date.now() - started) / 1000), results }, null, 2));
  console.log(`\n${table(results)}\n`);
  for (const r of results.filter((x) => x.note)) console.log(`#${r.id}: ${r.note}`);
  console.log(`${results.filter((r) => r.met).length}/${results.length} targets met in ${((Date.now() - started) / 1000).toFixed(0)} s; results in ${path.relative(process.cwd(), file)}`);
  process.exit(0);
}

void main();
