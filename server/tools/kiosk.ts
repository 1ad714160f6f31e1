// The kiosk launcher: `npm run kiosk -- --wall main` opens Chromium in kiosk (app) mode on every screen of the wall,
// each window at its display position (data/walls/<wall>.json: screens[].display, else x, y) with its own profile
// (so a paired screen keeps its token), and starts a window again when it dies. Ctrl+C closes them all.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadWalls } from '../reference/walls';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const USAGE = `usage: npm run kiosk -- --wall <id> [--url http://host:port] [--screens 1,2] [--chromium /path] [--profiles dir] [--dry-run]
  SITROOM_KIOSK_FLAGS adds Chromium flags (e.g. --force-device-scale-factor=1)`;

function args(argv: string[]): Record<string, string | true> {
  const out: Record<string, string | true> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (!a.startsWith('--')) throw new Error(`unexpected argument "${a}"\n${USAGE}`);
    const next = argv[i + 1];
    if (next === undefined || next.startsWith('--')) out[a.slice(2)] = true;
    else { out[a.slice(2)] = next; i++; }
  }
  return out;
}

const findChromium = (): string | null =>
  ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable',
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'].find((p) => existsSync(p)) ?? null;

function main(): void {
  let o: Record<string, string | true>;
  try { o = args(process.argv.slice(2)); } catch (e) { console.error((e as Error).message); process.exit(2); }
  if (o['help']) { console.log(USAGE); return; }
  const dataDir = path.resolve(process.env['SITROOM_DATA_DIR'] ?? path.join(repoRoot, 'data'));
  const { walls } = loadWalls(dataDir);
  const wallId = typeof o['wall'] === 'string' ? o['wall'] : 'main';
  const wall = walls.get(wallId);
  if (!wall) { console.error(`--wall: no wall "${wallId}"; known: ${[...walls.keys()].join(', ')}`); process.exit(2); }
  const url = (typeof o['url'] === 'string' ? o['url'] : `http://127.0.0.1:${process.env['PORT'] ?? 8080}`).replace(/\/+$/, '');
  const chromium = typeof o['chromium'] === 'string' ? o['chromium'] : process.env['SITROOM_CHROMIUM'] ?? findChromium();
  if (!chromium) { console.error('no Chromium found: install it (apt-get install chromium) or pass --chromium /path'); process.exit(2); }
  const only = typeof o['screens'] === 'string' ? o['screens'].split(',') : null;
  const screens = wall.screens.filter((s) => !only || only.includes(s.id));
  if (!screens.length) { console.error(`--screens: wall "${wall.id}" has screens ${wall.screens.map((s) => s.id).join(', ')}`); process.exit(2); }
  const profiles = path.resolve(typeof o['profiles'] === 'string' ? o['profiles'] : path.join(repoRoot, 'var', 'kiosk'));
  const extra = (process.env['SITROOM_KIOSK_FLAGS'] ?? '').split(/\s+/).filter(Boolean);

  const commands = screens.map((s) => {
    const profile = path.join(profiles, `${wall.id}-${s.id}`);
    const at = s.display ?? { x: s.x, y: s.y };
    return { screen: s.id, profile, argv: [
      `--app=${url}/wall/${encodeURIComponent(wall.id)}/${encodeURIComponent(s.id)}?kiosk`, '--kiosk', `--window-position=${at.x},${at.y}`,
      `--window-size=${s.width},${s.height}`, `--user-data-dir=${profile}`, '--no-first-run', '--no-default-browser-check', '--noerrdialogs',
      '--disable-infobars', '--disable-session-crashed-bubble', '--disable-features=Translate,TranslateUI', '--overscroll-history-navigation=0',
      '--disable-pinch', '--check-for-update-interval=31536000', '--disable-background-timer-throttling', '--disable-renderer-backgrounding',
      '--disable-backgrounding-occluded-windows', ...extra] };
  });
  if (o['dry-run']) { for (const c of commands) console.log([chromium, ...c.argv].join(' ')); return; }

  let stopping = false;
  const running = new Map<string, ChildProcess>();
  const start = (c: (typeof commands)[number], failures: number) => {
    mkdirSync(c.profile, { recursive: true });
    const startedAt = Date.now();
    const child = spawn(chromium, c.argv, { stdio: 'ignore' });
    running.set(c.screen, child);
    console.log(`screen ${wall.id}/${c.screen}: started (pid ${child.pid})`);
    child.on('exit', (code, signal) => {
      running.delete(c.screen);
      if (stopping) return;
      // a window that ran for a minute starts again at once; one that keeps dying waits longer each time (up to 30 s)
      const n = Date.now() - startedAt > 60_000 ? 0 : failures + 1;
      const delay = Math.min(30_000, n === 0 ? 500 : 1000 * 2 ** (n - 1));
      console.log(`screen ${wall.id}/${c.screen}: exited (${signal ?? `code ${code}`}); restarting in ${delay} ms`);
      setTimeout(() => { if (!stopping) start(c, n); }, delay);
    });
  };
  for (const c of commands) start(c, 0);
  const stop = () => {
    stopping = true;
    for (const child of running.values()) child.kill('SIGTERM');
    setTimeout(() => process.exit(0), 1500).unref();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  console.log(`Kiosk for wall "${wall.id}" on ${url}: ${screens.length} screen(s). Ctrl+C closes them.`);
}

main();
