// The fleet frame travels as one binary WebSocket message whose frame is built once per tick
// (server/protocol/socket-parser.ts, server/gateway/pre-encoded-frames.ts). Real app, real sockets: a screen gets
// exactly the bytes the hub encoded, a client without the parser gets the fleet as JSON (and everything else), and the codec keeps socket.io's own binary packets intact.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io, type Socket } from 'socket.io-client';
import WebSocket from 'ws';
import { PacketType, type Packet } from 'socket.io-parser';
import { connect, nextEvents, startApp, subscribe, type TestApp } from '../../helpers/app';
import { EVENTS, type Snapshots } from '../../../server/protocol/live';
import type { FleetPositions } from '../../../server/protocol/fleet-json';
import { Decoder, Encoder } from '../../../server/protocol/socket-parser';
import { binaryFrame } from '../../../server/gateway/pre-encoded-frames';
import { decodeFleetFrame } from '../../../server/protocol/fleet-frame';

let t: TestApp;
const sockets: Socket[] = [];
beforeAll(async () => { t = await startApp(); });
afterAll(async () => { sockets.forEach((s) => s.close()); await t.close(); });

const now = () => t.clock.now();
const fleet = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `amb-${i}`, callsign: `${100 + i}-1`, substation: 'ss-1',
  lon: 55.9 + i * 0.001, lat: 54.7 + i * 0.0005, speedKmh: 40, heading: 90, status: 'en_route' as const, fixAt: now(), updatedAt: now() }));

describe('single-binary fleet frames', () => {
  it('a screen receives exactly the bytes the hub encoded, as one binary message', async () => {
    t.app.sitroom.hub.applyVehicles(fleet(300), now());
    const screen = await connect(t.url);
    sockets.push(screen);
    const reply = await subscribe(screen, [{ topic: 'fleet' }]);
    expect(reply.ok).toBe(true);
    // what the WebSocket carries: engine.io hands each message to socket.io as is
    const messages: (string | ArrayBuffer | Uint8Array)[] = [];
    screen.io.engine.on('data', (d: string | ArrayBuffer | Uint8Array) => messages.push(d));
    const arriving = nextEvents<Uint8Array>(screen, EVENTS.fleetFrame, 2);
    const sent = [t.app.sitroom.hub.tickFleet(now())!, t.app.sitroom.hub.tickFleet(now() + 1000)!];
    const got = await arriving;
    expect(got.map((b) => Buffer.from(b).equals(Buffer.from(sent[got.indexOf(b)]!)))).toEqual([true, true]);
    expect(decodeFleetFrame(got[1]!).count).toBe(300);
    // one message per frame, binary: no text header before it
    expect(messages.filter((m) => typeof m === 'string')).toEqual([]);
    expect(messages).toHaveLength(2);
  });

  it('a client without the parser gets the fleet as JSON, never a frame it cannot read, and the rest of its batch', async () => {
    const plain = io(t.url, { transports: ['websocket'], forceNew: true, reconnection: false });
    sockets.push(plain);
    await new Promise<void>((resolve, reject) => { plain.once('connect', () => resolve()); plain.once('connect_error', reject); });
    const binary: unknown[] = [];
    plain.io.engine.on('data', (d: unknown) => { if (typeof d !== 'string') binary.push(d); });
    const reply = await subscribe(plain, [{ topic: 'appeals' }, { topic: 'fleet' }, { topic: 'containers' }]);
    expect(reply.ok).toBe(true);
    if (!reply.ok) return;
    expect(reply.results.map((r) => r.topic)).toEqual(['appeals', 'fleet', 'containers']);
    // socket.io's own binary packets (the container snapshot carries its columns as an attachment) still work
    const snapshot = reply.results[2]!.mode === 'snapshot' ? reply.results[2]!.snapshot as Snapshots['containers'] : null;
    expect(snapshot?.columns).toBeDefined();
    expect(JSON.stringify(snapshot?.columns)).not.toContain('_placeholder');
    const attachments = binary.length;
    let jsonMessages = 0;
    plain.on(EVENTS.fleetPositions, () => { jsonMessages++; });
    const positions = nextEvents<FleetPositions>(plain, EVENTS.fleetPositions, 1);
    const frame = t.app.sitroom.hub.tickFleet(now() + 5000)!;
    const [p] = await positions;
    expect(p!.seq).toBe(decodeFleetFrame(frame).seq);
    expect(p!.vehicles).toHaveLength(300);
    expect(p!.vehicles[7]).toEqual({ id: 'amb-7', lon: 55.907, lat: 54.7035, status: 'en_route', heading: 90, speedKmh: 40, fixAt: now() });
    // a second frame within the second: no second JSON message
    t.app.sitroom.hub.tickFleet(now() + 5100);
    await new Promise((r) => setTimeout(r, 200));
    expect(jsonMessages).toBe(1);
    expect(binary.length).toBe(attachments);
    expect(plain.connected).toBe(true);
  });
});

describe('the codec', () => {
  const roundTrip = (packets: Packet[]) => {
    const enc = new Encoder();
    const dec = new Decoder();
    const out: Packet[] = [];
    dec.on('decoded', (p: Packet) => out.push(p));
    for (const p of packets) for (const chunk of enc.encode(p)) dec.add(chunk);
    return out;
  };

  it('keeps socket.io packets whose attachments start with the single-binary marker', () => {
    const tricky = new Uint8Array([0xb7, 3, 1, 2, 3, 4]);
    const out = roundTrip([
      { type: PacketType.EVENT, nsp: '/', data: ['delta', { changes: tricky, n: 1 }] },
      { type: PacketType.EVENT, nsp: '/', data: ['fleet:frame', new Uint8Array([9, 8, 7])] },
      { type: PacketType.EVENT, nsp: '/', data: ['two', new Uint8Array([1]), new Uint8Array([2])] },
      { type: PacketType.EVENT, nsp: '/', id: 4, data: ['acked', new Uint8Array([5])] },
    ]);
    expect(out.map((p) => (p.data as unknown[])[0])).toEqual(['delta', 'fleet:frame', 'two', 'acked']);
    expect([...(out[0]!.data as [string, { changes: Uint8Array }])[1].changes]).toEqual([...tricky]);
    expect([...(out[1]!.data as [string, Uint8Array])[1]]).toEqual([9, 8, 7]);
    expect(out[3]!.id).toBe(4);
  });

  it('builds WebSocket frame headers for each payload length class (RFC 6455)', () => {
    expect([...binaryFrame(new Uint8Array(125)).subarray(0, 2)]).toEqual([0x82, 125]);
    expect([...binaryFrame(new Uint8Array(126)).subarray(0, 4)]).toEqual([0x82, 126, 0, 126]);
    const big = binaryFrame(new Uint8Array(70_000));
    expect([...big.subarray(0, 10)]).toEqual([0x82, 127, 0, 0, 0, 0, 0, 1, 0x11, 0x70]);
    expect(big.byteLength).toBe(70_010);
  });

  it('a bare WebSocket reads the pre-built frame as one binary message', async () => {
    t.app.sitroom.hub.applyVehicles(fleet(50), now());
    const ws = new WebSocket(`${t.url.replace('http', 'ws')}/socket.io/?EIO=4&transport=websocket`);
    const texts: string[] = [];
    const binaries: Buffer[] = [];
    ws.on('message', (d: Buffer, isBinary: boolean) => {
      if (!isBinary) {
        const s = d.toString();
        texts.push(s);
        if (s.startsWith('0')) ws.send(`40${JSON.stringify({ parser: 'sitroom-1' })}`);
        if (s.startsWith('40')) ws.send('420["subscribe",{"topics":[{"topic":"fleet"}]}]');
        if (s === '2') ws.send('3');
      } else binaries.push(d);
    });
    await expect.poll(() => texts.some((s) => s.startsWith('430')), { timeout: 5000 }).toBe(true);
    const sent = t.app.sitroom.hub.tickFleet(now() + 5000)!;
    await expect.poll(() => binaries.length, { timeout: 5000 }).toBe(1);
    // the marker, the event name, then the frame itself
    expect(binaries[0]![0]).toBe(0xb7);
    expect(binaries[0]!.subarray(2, 2 + binaries[0]![1]!).toString()).toBe(EVENTS.fleetFrame);
    expect(binaries[0]!.subarray(2 + binaries[0]![1]!).equals(Buffer.from(sent))).toBe(true);
    ws.close();
  });
});
