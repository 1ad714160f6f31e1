// #6 requests/s of GET /api/summary through the real app, measured by autocannon in its own process, against a
// bare node:http server answering the same bytes from memory.
import { execFile } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import { interleave, summarize, type BenchContext, type Result } from '../harness';
import { seedLive, startSitroom } from '../servers';
import { sites, vehicles } from '../fixtures';

const run = promisify(execFile);
const AUTOCANNON = path.resolve('node_modules/autocannon/autocannon.js');

async function rate(url: string, seconds: number): Promise<number> {
  const { stdout } = await run(process.execPath, [AUTOCANNON, '-c', '20', '-d', String(seconds), '-j', url], { maxBuffer: 16 << 20 });
  const r = JSON.parse(stdout) as { requests: { average: number }; non2xx: number; errors: number };
  if (r.non2xx || r.errors) throw new Error(`${url}: ${r.non2xx} non-2xx answers, ${r.errors} errors`);
  return r.requests.average;
}

export async function httpRate(ctx: BenchContext): Promise<Result[]> {
  const sitroom = await startSitroom();
  const now = Date.now();
  seedLive(sitroom.app, vehicles(2000, now), sites(24_000, now), now);
  sitroom.app.sitroom.jobs.refreshKpi(true);
  const body = Buffer.from(await (await fetch(`${sitroom.url}/api/summary`)).arrayBuffer());
  const bare = createServer((_req, res) => { res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': body.byteLength }); res.end(body); });
  await new Promise<void>((r) => bare.listen(0, '127.0.0.1', r));
  const bareUrl = `http://127.0.0.1:${(bare.address() as AddressInfo).port}/api/summary`;
  const seconds = ctx.quick ? 1 : 4;
  try {
    const pairs = await interleave(ctx.rounds, () => rate(bareUrl, seconds), () => rate(`${sitroom.url}/api/summary`, seconds));
    const s = summarize(pairs);
    ctx.log(`  /api/summary: ${Math.round(s.b)} req/s vs ${Math.round(s.a)} req/s bare (${body.byteLength} bytes)`);
    return [{ id: '6', what: `GET /api/summary requests/s (${Math.round(body.byteLength / 1024)} KB, autocannon -c 20)`, ratio: s.ratio, target: '≥ 0.8',
      met: s.ratio >= 0.8, noise: s.noise, raw: { oursRps: Math.round(s.b), bareRps: Math.round(s.a), bytes: body.byteLength, rounds: pairs },
      note: 'The container snapshot is not served over HTTP: screens take it over the socket (see #1 and #8); /api/containers is the operators\' filtered GeoJSON, not a cached snapshot.' }];
  } finally {
    bare.close();
    await sitroom.close();
  }
}
