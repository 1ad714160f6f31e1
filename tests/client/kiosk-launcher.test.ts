// `npm run kiosk -- --wall main` with Debian's Chromium (headless here): a window per screen of the wall, each
// joining its screen, and a window that dies is started again.
import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, tempDir } from '../helpers/app';
import { CHROMIUM, browserTurn, until } from '../helpers/browser';
import { freePort, root, startServer, stopServer } from '../helpers/server-process';
import type { OnlineScreen } from '../../server/protocol/walls';

let dir: ReturnType<typeof tempDir>;
let url: string;
let server: ChildProcess;
let launcher: ChildProcess;
let release: () => void;
let out = '';

beforeAll(async () => {
  release = await browserTurn();
  dir = tempDir();
  const port = await freePort();
  url = `http://127.0.0.1:${port}`;
  server = await startServer(dir.dir, port);
}, 600_000);

afterAll(async () => {
  if (launcher && launcher.exitCode === null) { launcher.kill('SIGTERM'); await new Promise((r) => launcher.once('exit', r)); }
  if (server) await stopServer(server);
  dir?.remove();
  release?.();
});

const online = async (): Promise<OnlineScreen[]> =>
  ((await (await fetch(`${url}/api/walls/main`, { headers: { authorization: `Bearer ${ADMIN}` } })).json()) as { online: OnlineScreen[] }).online;

describe('the kiosk launcher', () => {
  it('opens every screen of the wall and restarts a window that dies', async () => {
    launcher = spawn(process.execPath, ['--import', 'tsx', 'server/tools/kiosk.ts', '--wall', 'main', '--url', url, '--chromium', CHROMIUM,
      '--profiles', `${dir.dir}/kiosk`], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, SITROOM_KIOSK_FLAGS: '--headless --no-sandbox --disable-gpu --disable-quic --disable-background-networking --disable-component-update --disable-sync' } });
    launcher.stdout!.on('data', (b: Buffer) => { out += b.toString(); });
    launcher.stderr!.on('data', (b: Buffer) => { out += b.toString(); });
    const both = async () => { const o = await online(); return ['1', '2'].every((s) => o.some((x) => x.screen === s)); };
    expect(await until(both, 60_000, 250), `both screens joined the wall; launcher said:\n${out}`).toBe(true);

    const pid = Number(/screen main\/1: started \(pid (\d+)\)/.exec(out)?.[1]);
    expect(pid).toBeGreaterThan(0);
    process.kill(pid, 'SIGKILL');
    expect(await until(async () => /screen main\/1: exited .*restarting/.test(out), 10_000)).toBe(true);
    expect(await until(async () => (out.match(/screen main\/1: started/g) ?? []).length === 2, 15_000)).toBe(true);
    expect(await until(both, 60_000, 250), 'the restarted window joined again').toBe(true);

    launcher.kill('SIGTERM');
    await new Promise((r) => launcher.once('exit', r));
    expect(await until(async () => (await online()).length === 0, 15_000), 'the windows closed with the launcher').toBe(true);
  });
});
