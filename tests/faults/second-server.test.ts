// One writer per database: a second server started on the same file refuses to start, naming the file and the
// process that holds it, and the first goes on serving. After the first stops (even killed), a new one starts.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { existsSync } from 'node:fs';
import type { ChildProcess } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { ADMIN, KEY, tempDir } from '../helpers/app';
import { freePort, root, startServer, stopServer } from '../helpers/server-process';

const dir = tempDir();
const running: ChildProcess[] = [];
afterAll(async () => { for (const s of running) await stopServer(s, 'SIGKILL'); dir.remove(); });

/** Runs a second server to its exit; its exit code and what it printed. */
function runSecond(port: number): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, PORT: String(port), SITROOM_DB: path.join(dir.dir, 'db.sqlite'), SITROOM_SIM: 'off', SITROOM_INGEST_KEYS: KEY,
      SITROOM_ADMIN_TOKEN: ADMIN, SITROOM_LOG_LEVEL: 'warn', SITROOM_OSMAND_PORT: 'off' } });
  let stderr = '';
  child.stderr!.on('data', (b: Buffer) => { stderr += b.toString(); });
  const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
  return new Promise((resolve) => child.once('exit', (code) => { clearTimeout(timer); resolve({ code, stderr }); }));
}

describe('a second server on the same database', () => {
  it('a first start creates the database\'s folder (and the lock beside the file)', async () => {
    const port = await freePort();
    const nested = path.join(dir.dir, 'fresh', 'var');
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], { cwd: root, stdio: 'ignore',
      env: { ...process.env, PORT: String(port), SITROOM_DB: path.join(nested, 'sitroom.db'), SITROOM_SIM: 'off', SITROOM_INGEST_KEYS: KEY,
        SITROOM_ADMIN_TOKEN: ADMIN, SITROOM_LOG_LEVEL: 'warn', SITROOM_OSMAND_PORT: 'off' } });
    running.push(child);
    let ok = false;
    for (let i = 0; i < 600 && !ok && child.exitCode === null; i++) {
      await new Promise((r) => setTimeout(r, 100));
      ok = await fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.ok, () => false);
    }
    expect(ok, `exit ${child.exitCode}`).toBe(true);
    expect(existsSync(path.join(nested, 'sitroom.db.lock'))).toBe(true);
    await stopServer(child);
  });


  it('refuses to start, naming the file and the holder; the first goes on', async () => {
    const port = await freePort();
    const first = await startServer(dir.dir, port);
    running.push(first);
    const second = await runSecond(await freePort());
    expect(second.code).toBe(2);
    expect(second.stderr).toContain(path.join(dir.dir, 'db.sqlite'));
    expect(second.stderr).toContain(`pid ${first.pid}`);
    expect(second.stderr).toMatch(/Sitroom cannot start: SITROOM_DB: .* is in use by the Sitroom server with pid \d+/);
    // the first is untouched: it reads and writes
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).ok).toBe(true);
    const r = await fetch(`http://127.0.0.1:${port}/api/ingest/appeals`, { method: 'POST', headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify({ appeals: [{ id: 'one-writer', channel: 'pos', category: 'roads', municipality: 'ufa', receivedAt: Date.now() - 1000 }] }) });
    expect(r.status).toBe(200);

    // the lock dies with its process: after a kill -9 a new server takes the file at once
    await stopServer(first, 'SIGKILL');
    const next = await startServer(dir.dir, port);
    running.push(next);
    const item = await fetch(`http://127.0.0.1:${port}/api/appeals?limit=5`, { headers: { authorization: `Bearer ${ADMIN}` } });
    expect(((await item.json()) as { items: { id: string }[] }).items.map((a) => a.id)).toContain('one-writer');
  });
});
