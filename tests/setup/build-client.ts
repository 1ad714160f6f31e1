// Vitest global setup: the browser tests need the built wall (client/dist); build it once if missing or stale.
import { execFileSync } from 'node:child_process';
import path from 'node:path';

export default function setup(): void {
  execFileSync(process.execPath, [path.resolve(__dirname, '../../server/tools/ensure-client.mjs')], { stdio: 'inherit' });
}
