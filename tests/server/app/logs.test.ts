// The server's log: readable lines for a person at a terminal (SITROOM_LOG_FORMAT=auto picks them when stdout is a
// TTY; pretty forces them), one JSON object a line for a log collector (auto when piped, or json). Real processes.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ADMIN, KEY, tempDir } from '../../helpers/app';
import { freePort, root } from '../../helpers/server-process';

const dir = tempDir();
afterAll(() => dir.remove());

/** Starts the server with this log format, returns its first lines of standard output once it listens. */
async function firstLines(format: string | null): Promise<string[]> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, PORT: String(port), SITROOM_DB: path.join(dir.dir, `${format}.db`), SITROOM_SIM: 'off', SITROOM_INGEST_KEYS: KEY,
      SITROOM_ADMIN_TOKEN: ADMIN, SITROOM_OSMAND_PORT: 'off', SITROOM_LOG_LEVEL: 'info', ...(format ? { SITROOM_LOG_FORMAT: format } : {}) } });
  let out = '';
  child.stdout!.on('data', (b: Buffer) => { out += b.toString(); });
  try {
    for (const deadline = Date.now() + 60_000; Date.now() < deadline && !/listening/i.test(out);) await new Promise((r) => setTimeout(r, 100));
    return out.split('\n').filter(Boolean);
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
}

describe('log format', () => {
  it('writes JSON lines when piped, and readable lines when asked for pretty', async () => {
    const piped = await firstLines(null);
    // the start banner (the URL, the key, how to sign in) is for a person and indented; every log line is JSON
    const logLines = piped.filter((l) => !l.startsWith(' '));
    expect(logLines.some((l) => /listening/i.test(l))).toBe(true);
    for (const line of logLines) expect(() => JSON.parse(line), line).not.toThrow();
    const pretty = await firstLines('pretty');
    const listening = pretty.find((l) => /listening/i.test(l))!;
    expect(listening).toMatch(/^\[\d\d:\d\d:\d\d\.\d{3}\] INFO/);
    expect(() => JSON.parse(listening)).toThrow();
  });
});
