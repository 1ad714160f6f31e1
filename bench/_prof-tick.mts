import { Session } from 'node:inspector/promises';
import { writeFileSync } from 'node:fs';
import { seedLive, sleep, spawnClients, startSitroom } from './servers';
import { vehicles } from './fixtures';
const NOW = Date.UTC(2026, 10, 23, 9);
const s = await startSitroom();
seedLive(s.app, vehicles(2000, NOW), [], NOW);
const n = Number(process.argv[2] ?? 10);
const c = await spawnClients('sio', s.url, n);
const hub = s.app.sitroom.hub;
for (let i = 0; i < 20; i++) { hub.tickFleet(NOW); await sleep(30); }
const session = new Session(); session.connect();
await session.post('Profiler.enable'); await session.post('Profiler.start');
const before = process.cpuUsage();
let t = 0;
for (let i = 0; i < 100; i++) { const t0 = performance.now(); hub.tickFleet(NOW); t += performance.now() - t0; await sleep(30); }
const cpu = process.cpuUsage(before);
const { profile } = await session.post('Profiler.stop');
writeFileSync('/tmp/prof/tick.cpuprofile', JSON.stringify(profile));
console.log('cpu per tick us', (cpu.user + cpu.system) / 100, 'sync tick ms', t / 100);
await c.close(); await s.close(); process.exit(0);
