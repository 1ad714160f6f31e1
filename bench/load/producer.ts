// A separate process that loads the server like a busy day: 2,000 fleet positions a second through the native API
// (200 every 100 ms) and a screen taking a fresh container snapshot twice a second. argv: url key. Starts paused;
// IPC: 'start', 'pause' (answers { failures } since the start), 'stop'.
import { io } from 'socket.io-client';
import { liveSocketOptions } from '../../server/protocol/socket-parser';

const [url, key] = process.argv.slice(2);
const ids = Array.from({ length: 2000 }, (_, i) => `amb-${String(i + 1).padStart(4, '0')}`);
let k = 0;
let failures = 0;
let timers: NodeJS.Timeout[] = [];
const post = () => {
  const at = Date.now();
  const positions = Array.from({ length: 200 }, () => {
    const id = ids[k++ % ids.length]!;
    return { vehicle: id, at, lon: 54 + ((k * 7919) % 50_000) / 10_000, lat: 53 + ((k * 104_729) % 30_000) / 10_000, speedKmh: 40, status: 'en_route' };
  });
  fetch(`${url}/api/ingest/positions`, { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: JSON.stringify({ positions }) }).then((r) => { if (!r.ok) failures++; }, () => { failures++; });
};
const screen = io(url!, { transports: ['websocket'], forceNew: true, ...liveSocketOptions() });
const snapshot = () => { screen.emit('subscribe', { topics: [{ topic: 'containers' }] }, () => undefined); };
process.on('message', (m: string) => {
  if (m === 'start') { failures = 0; timers = [setInterval(post, 100), setInterval(snapshot, 500)]; process.send!('started'); }
  if (m === 'pause') { timers.forEach(clearInterval); timers = []; process.send!({ failures }); }
  if (m === 'stop') { timers.forEach(clearInterval); screen.close(); setTimeout(() => process.exit(0), 100); }
});
process.send!('ready');
