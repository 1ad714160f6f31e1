// Builds the real app on a fresh temp SQLite file, with an injected clock; closes everything it opens.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { io, type Socket } from 'socket.io-client';
import { liveSocketOptions } from '../../server/protocol/socket-parser';
import { loadConfig, type Config } from '../../server/config/config';
import { buildApp } from '../../server/app/build';
import { EVENTS, type SubscribeReply, type TopicRequest } from '../../server/protocol/live';

export const KEY = 'test-ingest-key-0123456789';
/** the admin token of every test app (SITROOM_ADMIN_TOKEN) */
export const ADMIN = 'test-admin-token-0123456789';

export interface ManualClock { now(): number; set(t: number): void; advance(ms: number): void }
export function manualClock(start: number): ManualClock {
  let t = start;
  return { now: () => t, set: (v) => { t = v; }, advance: (ms) => { t += ms; } };
}

export function tempDir(): { dir: string; remove(): void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'sitroom-test-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export function testConfig(dir: string, env: Record<string, string> = {}): Config {
  return loadConfig({ SITROOM_DB: path.join(dir, 'sitroom.db'), SITROOM_SIM: 'off', SITROOM_INGEST_KEYS: KEY,
    SITROOM_LOG_LEVEL: 'silent', SITROOM_OSMAND_PORT: 'off', SITROOM_ADMIN_TOKEN: ADMIN, ...env });
}

export interface TestApp { app: FastifyInstance; url: string; clock: ManualClock; dir: string; close(): Promise<void> }

/** The real app on a real port (for socket clients) or only built (for inject); jobs are driven by hand. */
export async function startApp(opts: { dir?: string; env?: Record<string, string>; listen?: boolean; clock?: ManualClock; autoStart?: boolean } = {}): Promise<TestApp> {
  const own = opts.dir ? null : tempDir();
  const dir = opts.dir ?? own!.dir;
  const clock = opts.clock ?? manualClock(Date.parse('2026-11-23T09:00:00Z'));
  const app = await buildApp(testConfig(dir, opts.env), { clock, autoStart: opts.autoStart ?? false, logger: false });
  await app.ready();
  const url = opts.listen === false ? '' : await app.listen({ port: 0, host: '127.0.0.1' });
  return { app, url, clock, dir, async close() { await app.close(); own?.remove(); } };
}

export function authHeaders() { return { authorization: `Bearer ${KEY}` }; }
export function adminHeaders() { return { authorization: `Bearer ${ADMIN}` }; }

export function connect(url: string): Promise<Socket> {
  const socket = io(url, { transports: ['websocket'], reconnection: false, forceNew: true, ...liveSocketOptions() });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

/** Subscribes; `run` (from an earlier reply or hello) makes the `since` numbers count. */
export function subscribe(socket: Socket, topics: TopicRequest[], run?: string): Promise<SubscribeReply> {
  return socket.timeout(5000).emitWithAck(EVENTS.subscribe, { ...(run ? { run } : {}), topics }) as Promise<SubscribeReply>;
}

/** Resolves with the next `count` events of a name. */
export function nextEvents<T>(socket: Socket, event: string, count = 1, timeoutMs = 5000): Promise<T[]> {
  return new Promise((resolve, reject) => {
    const got: T[] = [];
    const timer = setTimeout(() => { socket.off(event, on); reject(new Error(`timed out waiting for ${count} ${event}`)); }, timeoutMs);
    const on = (v: T) => { got.push(v); if (got.length >= count) { clearTimeout(timer); socket.off(event, on); resolve(got); } };
    socket.on(event, on);
  });
}
