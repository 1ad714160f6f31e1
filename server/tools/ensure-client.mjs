// npm start (and the test setup): builds the wall once if client/dist is missing or older than its sources.
import { existsSync, statSync, readdirSync } from 'node:fs';
import { execSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(import.meta.dirname ?? path.dirname(new URL(import.meta.url).pathname), '../..');
const dist = path.join(root, 'client', 'dist', 'index.html');
const newest = (dir) => readdirSync(dir, { withFileTypes: true }).reduce((t, e) => {
  const p = path.join(dir, e.name);
  if (e.isDirectory()) return e.name === 'dist' ? t : Math.max(t, newest(p));
  return Math.max(t, statSync(p).mtimeMs);
}, 0);

// the wall imports the shared protocol from server/protocol, and the build follows vite.config.ts
const sources = Math.max(newest(path.join(root, 'client')), newest(path.join(root, 'server', 'protocol')),
  statSync(path.join(root, 'vite.config.ts')).mtimeMs);
if (!existsSync(dist) || statSync(dist).mtimeMs < sources) {
  console.log('Building the wall (client/) ...');
  // NODE_ENV=production: a build started from the test runner (NODE_ENV=test) would otherwise bundle React's dev mode
  execSync('npx vite build --logLevel warn', { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
}
