// The page of benchmark #7, run in headless Chromium: the wall's own live modules (the fleet's typed buffers and
// the container sites) and the live socket's decoder take each 1 Hz update as the wall does, from the messages a
// screen receives; the baseline is JSON.parse of the same update as JSON. Each update is its own task, as a socket
// message is, so a long task (≥ 50 ms) caused by one would be seen by the observer.
import type { Packet } from 'socket.io-parser';
import { createFleetMotion } from '../../client/src/live/fleet-motion';
import { createContainerSites } from '../../client/src/live/container-sites';
import { Decoder } from '../../server/protocol/socket-parser';
import type { ContainersSnapshot, Delta } from '../../server/protocol/live';

/** one update: the fleet frame message, the containers delta (text header + attachment), and both as JSON text */
export interface UpdateInput { fleet: string; deltaHeader: string; deltaChanges: string; fleetJson: string; deltaJson: string }
export interface RunResult { perUpdateMs: number; longTasks: number; maxTaskMs: number }

const fromBase64 = (s: string): ArrayBuffer => Uint8Array.from(atob(s), (c) => c.charCodeAt(0)).buffer;
interface Update { fleet: ArrayBuffer; deltaHeader: string; deltaChanges: ArrayBuffer; fleetJson: string; deltaJson: string }

const fleet = createFleetMotion();
const containers = createContainerSites();
const decoder = new Decoder();
decoder.on('decoded', (p: Packet) => {
  const [name, arg] = p.data as [string, unknown];
  if (name === 'fleet:frame') fleet.apply(arg as Uint8Array, performance.now());
  else if (name === 'delta') {
    const d = arg as Delta<'containers'>;
    containers.apply(d.payload.added, d.payload.changes);
  }
});

const longTasks: number[] = [];
new PerformanceObserver((list) => { for (const e of list.getEntries()) longTasks.push(e.duration); }).observe({ type: 'longtask', buffered: true });

let updates: Update[] = [];
const nextTask = () => new Promise<void>((r) => setTimeout(r, 0));

const bench = {
  setup(snapshot: { count: number; columns: string; operators: string[]; municipalities: string[]; statuses: string[] }, input: UpdateInput[]): { sites: number } {
    containers.load({ ...snapshot, columns: new Uint8Array(fromBase64(snapshot.columns)) } as ContainersSnapshot);
    updates = input.map((u) => ({ fleet: fromBase64(u.fleet), deltaHeader: u.deltaHeader, deltaChanges: fromBase64(u.deltaChanges), fleetJson: u.fleetJson, deltaJson: u.deltaJson }));
    return { sites: containers.count };
  },
  async run(kind: 'ours' | 'json', n: number): Promise<RunResult> {
    const before = longTasks.length;
    let total = 0;
    let checksum = 0;
    for (let i = 0; i < n; i++) {
      await nextTask();
      const u = updates[i % updates.length]!;
      const t0 = performance.now();
      if (kind === 'ours') {
        decoder.add(u.fleet);
        decoder.add(u.deltaHeader);
        decoder.add(u.deltaChanges);
        checksum += fleet.count + containers.status[i]!;
      } else {
        const f = JSON.parse(u.fleetJson) as [string, { vehicles: unknown[] }];
        const d = JSON.parse(u.deltaJson) as [string, { payload: { changes: unknown[] } }];
        checksum += f[1].vehicles.length + d[1].payload.changes.length;
      }
      total += performance.now() - t0;
    }
    // a long task is reported after it ends
    await new Promise((r) => setTimeout(r, 100));
    const mine = longTasks.slice(before);
    if (checksum < 0) throw new Error('unreachable: keeps the work observable');
    return { perUpdateMs: total / n, longTasks: mine.length, maxTaskMs: mine.length ? Math.max(...mine) : 0 };
  },
  state: () => ({ vehicles: fleet.count, frames: fleet.frames, dropped: fleet.dropped, sites: containers.count, precise: crossOriginIsolated }),
};
(window as unknown as { sitroomBench: typeof bench }).sitroomBench = bench;
document.title = 'ready';
