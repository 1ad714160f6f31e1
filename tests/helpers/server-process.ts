// The real server as its own process (node with the tsx loader, as `npm start` runs it), so a test can kill it.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
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
