// What the benchmarks run against: the real Sitroom app (built as server/main.ts builds it, on a temporary SQLite
// file), the bare baselines, a Redis for the two-server case, and the screens' load in a child process.
import type { Clock } from '../server/app/clock';
import { fork, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { loadConfig } from '../server/config/config';
import { buildApp } from '../server/app/build';
import type { VehicleView, ContainerSiteView } from '../server/protocol/views';
import type { ContainerSiteRecord, VehicleRecord } from '../server/domain/records';

const here = path.dirname(fileURLToPath(import.meta.url));
export const BENCH_KEY = 'bench-ingest-key-0123456789';
export const BENCH_ADMIN = 'bench-admin-token-0123456789';

export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => { const { port } = s.address() as { port: number }; s.close(() => resolve(port)); });
  });
}

export interface BenchApp { app: FastifyInstance; url: string; dir: string; close(): Promise<void> }

/** The real app on loopback, simulator off, jobs not started (a benchmark drives ticks itself) unless autoStart. */
export async function startSitroom(env: Record<string, string> = {}, opts: { autoStart?: boolean; dir?: string; clock?: Clock } = {}): Promise<BenchApp> {
  const own = opts.dir ? null : mkdtempSync(path.join(tmpdir(), 'sitroom-bench-'));
  const dir = opts.dir ?? own!;
  const config = loadConfig({ SITROOM_DB: path.join(dir, 'bench.db'), SITROOM_SIM: 'off', SITROOM_INGEST_KEYS: BENCH_KEY,
    SITROOM_ADMIN_TOKEN: BENCH_ADMIN, SITROOM_LOG_LEVEL: 'silent', SITROOM_OSMAND_PORT: 'off', SITROOM_RATE_LIMIT: '1000000', ...env });
  const app = await buildApp(config, { autoStart: opts.autoStart ?? false, logger: false, ...(opts.clock ? { clock: opts.clock } : {}) });
  await app.ready();
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  const port = app.server.address();
  if (app.sitroom.cluster && typeof port === 'object' && port) app.sitroom.cluster.advertise(`http://127.0.0.1:${port.port}`);
  return { app, url, dir, async close() { await app.close(); if (own) rmSync(own, { recursive: true, force: true }); } };
}

/** Puts a fleet and container sites into the app's live state (as ingest would, without the store). */
export function seedLive(app: FastifyInstance, vehicles: readonly VehicleView[], sites: readonly ContainerSiteView[], now: number): void {
  const hub = app.sitroom.hub;
  hub.applyVehicles(vehicles.map(({ index: _i, ...v }) => ({ ...v, updatedAt: now }) satisfies VehicleRecord), now);
  if (sites.length) hub.applyContainers(sites.map(({ index: _i, ...s }) => ({ ...s, volumeM3: s.containers * 1.1, updatedAt: now }) satisfies ContainerSiteRecord), now);
}

export interface Clients {
  stats(): Promise<{ received: number; bytes: number; arrivals: [number, number][] }>;
  reset(): Promise<void>;
  close(): Promise<void>;
}

/** N screens in a child process: 'sio' (socket.io, the fleet), 'sio-all' (every topic) or 'ws' (bare WebSocket). */
export async function spawnClients(kind: 'sio' | 'sio-all' | 'ws', url: string, n: number): Promise<Clients> {
  const child = fork(path.join(here, 'load/clients.ts'), [kind, url, String(n)], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  await new Promise<void>((resolve, reject) => {
    child.once('message', (m: unknown) => (m === 'ready' ? resolve() : reject(new Error(`clients: ${JSON.stringify(m)}`))));
    child.once('exit', (c) => reject(new Error(`clients exited with ${c}`)));
  });
  const ask = <T>(msg: string) => new Promise<T>((resolve) => { child.once('message', (m: T) => resolve(m)); child.send(msg); });
  return {
    stats: () => ask('stats'),
    reset: async () => { await ask('reset'); },
    close: async () => { const gone = new Promise((r) => child.once('exit', r)); child.send('close'); await gone; },
  };
}

export const REDIS_SERVER = ['/usr/bin/redis-server', '/usr/local/bin/redis-server'].find((p) => existsSync(p)) ?? null;

/** A throwaway Redis on a loopback port (no persistence), or null when redis-server is not installed. */
export async function startRedis(): Promise<{ url: string; stop(): void } | null> {
  if (!REDIS_SERVER) return null;
  const port = await freePort();
  const child: ChildProcess = spawn(REDIS_SERVER, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  for (let i = 0; i < 100; i++) {
    if (spawnSync('redis-cli', ['-p', String(port), 'ping'], { encoding: 'utf8' }).stdout?.trim() === 'PONG') break;
    await new Promise((r) => setTimeout(r, 100));
  }
  return { url: `redis://127.0.0.1:${port}`, stop: () => { child.kill('SIGKILL'); } };
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
