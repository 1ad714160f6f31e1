// npm start: builds the wall once if client/dist is missing or older than the client sources, then returns.
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

if (!existsSync(dist) || statSync(dist).mtimeMs < newest(path.join(root, 'client'))) {
  console.log('Building the wall (client/) ...');
  execSync('npx vite build --logLevel warn', { cwd: root, stdio: 'inherit' });
}
