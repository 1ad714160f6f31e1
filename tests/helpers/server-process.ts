// The real server as its own process (node with the tsx loader, as `npm start` runs it), so a test can kill it.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { afterAll, beforeAll } from 'vitest';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ADMIN, KEY } from './app';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => { const { port } = s.address() as { port: number }; s.close(() => resolve(port)); });
  });
}

/** Starts server/main.ts on a port and a database in `dir`; resolves once /healthz answers. */
export async function startServer(dir: string, port: number, env: Record<string, string> = {}, waitMs = 120_000): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: root, stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, PORT: String(port), SITROOM_DB: path.join(dir, 'db.sqlite'), SITROOM_SIM: 'off',
      SITROOM_INGEST_KEYS: KEY, SITROOM_ADMIN_TOKEN: ADMIN, SITROOM_LOG_LEVEL: 'warn', SITROOM_OSMAND_PORT: 'off', ...env },
  });
  let stderr = '';
  child.stderr?.on('data', (b: Buffer) => { stderr = (stderr + b.toString()).slice(-4000); });
  for (const deadline = Date.now() + waitMs; Date.now() < deadline;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}: ${stderr}`);
    try { if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) return child; } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`server did not start in ${waitMs} ms: ${stderr}`);
}

/** Stops a server process and waits until it is gone. */
export async function stopServer(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const gone = new Promise((r) => child.once('exit', r));
  child.kill(signal);
  await gone;
}

/** A real server process on its own temp database for one test file: started before the tests, stopped (with the
 *  sockets the file opened) after. `url` and `process` are set once it answers. */
export function serverForFile(env: Record<string, string> = {}) {
  const f = { url: '', process: null as ChildProcess | null, dir: '', sockets: [] as { close(): unknown }[] };
  let remove = () => undefined as unknown;
  beforeAll(async () => {
    const d = mkdtempSync(path.join(tmpdir(), 'sitroom-test-'));
    remove = () => rmSync(d, { recursive: true, force: true });
    f.dir = d;
    const port = await freePort();
    f.url = `http://127.0.0.1:${port}`;
    f.process = await startServer(d, port, env);
  }, 120_000);
  afterAll(async () => {
    f.sockets.forEach((s) => s.close());
    if (f.process) await stopServer(f.process);
    remove();
  });
  return f;
}
