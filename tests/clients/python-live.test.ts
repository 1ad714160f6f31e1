// The live protocol from a client that does not use Sitroom's parser: Python's standard socket.io client (Debian's
// python3-socketio) running docs/examples/follow_fleet.py, the example docs/live-protocol.md walks through. It gets
// hello, its whole subscribe batch (fleet included), the fleet's positions as JSON, deltas, and decodes a container
// site from the snapshot's binary columns by the layout the document gives.
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import path from 'node:path';
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type TestApp } from '../helpers/app';

let t: TestApp;
let child: ChildProcess | null = null;
beforeAll(async () => { t = await startApp(); });
afterAll(async () => { child?.kill('SIGKILL'); await t.close(); });

const now = () => t.clock.now();
/** Debian's Python, where python3-socketio is installed (a python3 earlier on PATH may be another one) */
const PYTHON = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
const EXAMPLE = path.join(__dirname, '../../docs/examples/follow_fleet.py');

interface Line { event: string; [k: string]: unknown }

/** The script's JSON lines as they come, with a way to wait for the next one of a kind. */
function follow(url: string): { next(event: string, timeoutMs?: number): Promise<Line>; lines: Line[] } {
  child = spawn(PYTHON, [EXAMPLE, url, '--messages', '2'], { stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: Line[] = [];
  const waiting: { event: string; resolve: (l: Line) => void }[] = [];
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => { stderr += d.toString(); });
  createInterface({ input: child.stdout! }).on('line', (text) => {
    const line = JSON.parse(text) as Line;
    lines.push(line);
    const w = waiting.findIndex((x) => x.event === line.event);
    if (w >= 0) waiting.splice(w, 1)[0]!.resolve(line);
  });
  return {
    lines,
    next: (event, timeoutMs = 20_000) => {
      const seen = lines.find((l) => l.event === event && !(l as { taken?: boolean }).taken);
      if (seen) { (seen as { taken?: boolean }).taken = true; return Promise.resolve(seen); }
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no "${event}" from the Python client; stderr: ${stderr.slice(-2000)}`)), timeoutMs);
        waiting.push({ event, resolve: (l) => { clearTimeout(timer); (l as { taken?: boolean }).taken = true; resolve(l); } });
      });
    },
  };
}

describe('a Python socket.io client, following docs/live-protocol.md', () => {
  it('subscribes to every topic it asks for, gets the fleet as JSON once a second and decodes the container columns', async () => {
    t.app.sitroom.hub.applyVehicles([
      { id: 'amb-1', callsign: '101-1', substation: null, lon: 55.95, lat: 54.72, speedKmh: 52, heading: 181, status: 'en_route', fixAt: now() - 3000, updatedAt: now() },
      { id: 'amb-2', callsign: '102-1', substation: null, lon: 55.99, lat: 54.75, speedKmh: null, heading: null, status: 'free', fixAt: now() - 9000, updatedAt: now() },
    ], now());
    t.app.sitroom.ingest.containers([{ id: 'site-py-1', lon: 55.9721, lat: 54.7388, operator: 'central', containers: 3, fill: 64,
      at: new Date(now() - 60_000).toISOString(), servicedAt: new Date(now() - 7_200_000).toISOString() }], 'test');
    const py = follow(t.url);
    const hello = await py.next('hello');
    expect(hello).toMatchObject({ protocol: 2, run: t.app.sitroom.hub.run() });
    const subscribed = await py.next('subscribed');
    expect((subscribed['topics'] as { topic: string }[]).map((x) => x.topic)).toEqual(['kpi', 'incidents', 'fleet', 'containers']);
    expect(await py.next('fleet-snapshot')).toMatchObject({ vehicles: 2 });
    const site = t.app.sitroom.store.containers.get('site-py-1')!;
    expect((await py.next('container'))['site']).toEqual({ index: 0, lon: 55.9721, lat: 54.7388, servicedAt: Math.floor(site.servicedAt! / 1000) * 1000,
      municipality: site.municipality, fill: 64, status: site.status, operator: 'central', containers: 3 });

    const frame = t.app.sitroom.hub.tickFleet(now())!;
    const first = await py.next('positions');
    expect(first).toMatchObject({ count: 2, first: { id: 'amb-1', lon: 55.95, lat: 54.72, status: 'en_route', heading: 181, speedKmh: 52, fixAt: now() - 3000 } });
    expect(first['seq']).toBeGreaterThan(0);
    expect(frame.byteLength).toBeGreaterThan(0);
    // a status change travels as a fleet delta the client reads as plain JSON
    t.app.sitroom.hub.applyVehicles([{ id: 'amb-2', callsign: '102-1', substation: null, lon: 55.99, lat: 54.75, speedKmh: null, heading: null,
      status: 'on_scene', fixAt: now(), updatedAt: now() }], now());
    let delta = await py.next('delta');
    while (delta['topic'] !== 'fleet') delta = await py.next('delta');
    expect(delta['seq']).toBeGreaterThan(0);
    await new Promise((r) => setTimeout(r, 1000)); // the JSON positions go out at most once a second
    t.app.sitroom.hub.tickFleet(now() + 1000);
    expect(await py.next('positions')).toMatchObject({ count: 2 });
    expect(py.lines.some((l) => l.event === 'refused')).toBe(false);
    await new Promise<void>((resolve) => { if (child!.exitCode !== null) resolve(); else child!.once('exit', () => resolve()); });
    expect(child!.exitCode).toBe(0);
  });
});
