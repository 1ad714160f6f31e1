// A separate process holding N screens' connections, so their work never counts against the server measured.
// argv: kind (sio | sio-all | ws) url count; sio subscribes to the fleet, sio-all to every topic. Over IPC: 'stats' → { received, arrivals: [seq, t][] } (t: epoch ms, sub-ms),
// 'reset', 'close'. A fleet frame's sequence number is the u32 at byte 8 (server/protocol/fleet-frame.ts).
import { io, type Socket } from 'socket.io-client';
import WebSocket from 'ws';
import { liveSocketOptions } from '../../server/protocol/socket-parser';

const [kind, url, countArg] = process.argv.slice(2);
const count = Number(countArg);
const now = () => performance.timeOrigin + performance.now();
let arrivals: [number, number][] = [];
let received = 0;
let bytes = 0;

const seqOf = (b: ArrayBuffer | Uint8Array): number => {
  const u = b instanceof Uint8Array ? b : new Uint8Array(b);
  return new DataView(u.buffer, u.byteOffset, u.byteLength).getUint32(8, true);
};
const got = (b: ArrayBuffer | Uint8Array) => { received++; bytes += b.byteLength; arrivals.push([seqOf(b), now()]); };

const closers: (() => void)[] = [];
async function connectAll(): Promise<void> {
  for (let i = 0; i < count; i++) {
    if (kind === 'ws') {
      const ws = new WebSocket(url!);
      ws.binaryType = 'arraybuffer';
      await new Promise((resolve, reject) => { ws.once('open', resolve); ws.once('error', reject); });
      ws.on('message', (data: ArrayBuffer) => got(data));
      closers.push(() => ws.close());
    } else {
      const s: Socket = io(url!, { transports: ['websocket'], forceNew: true, reconnection: false, ...liveSocketOptions() });
      await new Promise<void>((resolve, reject) => { s.once('connect', () => resolve()); s.once('connect_error', reject); });
      const topics = kind === 'sio-all' ? ['appeals', 'incidents', 'fleet', 'containers', 'kpi'] : ['fleet'];
      await new Promise<void>((resolve) => s.emit('subscribe', { topics: topics.map((topic) => ({ topic })) }, () => resolve()));
      s.on('fleet:frame', (b: ArrayBuffer) => got(b));
      closers.push(() => s.close());
    }
  }
}

process.on('message', (m: string) => {
  if (m === 'stats') process.send!({ received, bytes, arrivals });
  if (m === 'reset') { arrivals = []; received = 0; bytes = 0; process.send!('reset'); }
  if (m === 'close') { for (const c of closers) c(); process.exit(0); }
});
connectAll().then(() => process.send!('ready'), (e: Error) => { process.send!({ error: e.message }); process.exit(1); });
