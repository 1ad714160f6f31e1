// Ambulance positions from the 1 Hz binary frames, kept in typed arrays by vehicle index. Each frame starts a glide
// from where the vehicle is drawn now to its new fix, so vehicles move smoothly instead of jumping; a short trail of
// the last fixes is kept per vehicle. Nothing here allocates per frame except when the fleet grows.
import { decodeFleetFrame, type FleetFrame } from '../../../server/protocol/fleet-frame';
import { VEHICLE_STATUS_UNKNOWN } from '../../../server/protocol/views';
import { signal } from './signal';

export const TRAIL_POINTS = 12;
/** a glide longer than this (degrees, ~5 km) is a relocation, drawn as a jump */
const MAX_GLIDE_DEG = 0.05;

export interface FleetMotion {
  /** vehicles with at least one fix; their slots are 0..count-1 in `slotIndex` order */
  count: number;
  /** server time of the newest frame and of the newest fix in it */
  frameTime: number | null;
  newestFixAt: number | null;
  /** per slot: drawn position now (lon, lat), status code, heading (degrees, NaN unknown) */
  position: Float32Array;
  status: Uint8Array;
  heading: Float32Array;
  /** per slot: the trail, a ring of TRAIL_POINTS (lon, lat) pairs; how many are filled, and where the oldest is
   *  (point i, oldest first, is at (trailStart + i) % TRAIL_POINTS): a new fix overwrites one pair, nothing moves */
  trail: Float32Array;
  trailLength: Uint8Array;
  trailStart: Uint8Array;
  /** the longest glide of the newest frame, degrees (relocations excluded): how fast things move on screen */
  maxStepDeg: number;
  /** frames applied and frames rejected as malformed (counted, not thrown) */
  frames: number;
  dropped: number;
  changed: ReturnType<typeof signal>;
  apply(bytes: ArrayBuffer | Uint8Array, receivedAt: number): void;
  /** moves every vehicle along its glide to time t (performance.now()); true while any is still moving */
  advance(t: number): boolean;
  /** the slot of a team by its index in the frames, or −1 before its first fix */
  slotOf(vehicleIndex: number): number;
  /** how long a glide to a new fix lasts: a frame a second live, four a second in replay */
  setGlide(ms: number): void;
}

export function createFleetMotion(initialGlideMs = 1000): FleetMotion {
  let glideMs = initialGlideMs;
  let cap = 0;
  /** slot of each vehicle index (−1: none yet); vehicle indexes are u16 */
  let slotOf = new Int32Array(0);
  let from = new Float32Array(0), to = new Float32Array(0), startAt = new Float64Array(0);
  const m: FleetMotion = {
    count: 0, frameTime: null, newestFixAt: null, maxStepDeg: 0,
    position: new Float32Array(0), status: new Uint8Array(0), heading: new Float32Array(0),
    trail: new Float32Array(0), trailLength: new Uint8Array(0), trailStart: new Uint8Array(0), frames: 0, dropped: 0, changed: signal(),
    slotOf: (vi) => (vi < slotOf.length ? slotOf[vi]! : -1),
    setGlide: (ms) => { glideMs = ms; },
    apply(bytes, receivedAt) {
      let frame: FleetFrame;
      try { frame = decodeFleetFrame(bytes); } catch { m.dropped++; return; }
      grow(frame.count);
      let minAge = 255, maxStep = 0;
      const { index, lon: lons, lat: lats } = frame;
      for (let i = 0; i < frame.count; i++) {
        const vi = index[i]!;
        if (vi >= slotOf.length) { const s = new Int32Array(Math.max(vi + 1, slotOf.length * 2, 64)).fill(-1); s.set(slotOf); slotOf = s; }
        let slot = slotOf[vi]!;
        const lon = lons[i]!, lat = lats[i]!;
        if (slot < 0) {
          slot = m.count++;
          slotOf[vi] = slot;
          setPair(m.position, slot, lon, lat);
          setPair(from, slot, lon, lat); setPair(to, slot, lon, lat);
        }
        // where the vehicle is along its current glide at this moment, whether or not a frame has been drawn since
        const at = glideAt(slot, receivedAt), px = at[0], py = at[1];
        const jump = Math.abs(px - lon) > MAX_GLIDE_DEG || Math.abs(py - lat) > MAX_GLIDE_DEG;
        if (!jump) maxStep = Math.max(maxStep, Math.abs(px - lon), Math.abs(py - lat));
        setPair(from, slot, jump ? lon : px, jump ? lat : py);
        setPair(to, slot, lon, lat);
        startAt[slot] = receivedAt;
        m.status[slot] = frame.status[i] ?? VEHICLE_STATUS_UNKNOWN;
        if (!Number.isNaN(frame.heading[i]!)) m.heading[slot] = frame.heading[i]!;
        pushTrail(slot, lon, lat, jump);
        if (frame.fixAgeS[i]! < minAge) minAge = frame.fixAgeS[i]!;
      }
      m.frames++;
      m.maxStepDeg = maxStep;
      m.frameTime = frame.time;
      m.newestFixAt = frame.count && minAge < 255 ? frame.time - minAge * 1000 : m.newestFixAt;
      m.changed.fire();
    },
    advance(t) {
      let moving = false;
      for (let s = 0; s < m.count; s++) {
        if (t - startAt[s]! < glideMs) moving = true;
        const [x, y] = glideAt(s, t);
        m.position[s * 2] = x; m.position[s * 2 + 1] = y;
      }
      return moving;
    },
  };

  const at: [number, number] = [0, 0];
  /** A slot's position along its glide at time t, eased in and out so a vehicle does not stutter at each fix. */
  function glideAt(slot: number, t: number): [number, number] {
    const f = Math.min(1, Math.max(0, (t - startAt[slot]!) / glideMs)), e = f * f * (3 - 2 * f);
    at[0] = from[slot * 2]! + (to[slot * 2]! - from[slot * 2]!) * e;
    at[1] = from[slot * 2 + 1]! + (to[slot * 2 + 1]! - from[slot * 2 + 1]!) * e;
    return at;
  }

  function setPair(a: Float32Array, slot: number, x: number, y: number) { a[slot * 2] = x; a[slot * 2 + 1] = y; }

  function pushTrail(slot: number, lon: number, lat: number, reset: boolean) {
    const base = slot * TRAIL_POINTS * 2;
    let n = reset ? 0 : m.trailLength[slot]!;
    let start = reset ? 0 : m.trailStart[slot]!;
    if (n > 0) {
      const last = base + ((start + n - 1) % TRAIL_POINTS) * 2;
      if (m.trail[last] === Math.fround(lon) && m.trail[last + 1] === Math.fround(lat)) return; // standing still: no new point
    }
    if (n === TRAIL_POINTS) { start = (start + 1) % TRAIL_POINTS; n--; }
    const at = base + ((start + n) % TRAIL_POINTS) * 2;
    m.trail[at] = lon; m.trail[at + 1] = lat;
    m.trailLength[slot] = n + 1;
    m.trailStart[slot] = start;
  }

  function grow(needed: number) {
    if (m.count + needed <= cap) return;
    cap = Math.max(64, (m.count + needed) * 2);
    const g = <T extends Float32Array | Float64Array | Uint8Array>(a: T, size: number, make: (n: number) => T): T => { const b = make(cap * size); b.set(a); return b; };
    m.position = g(m.position, 2, (n) => new Float32Array(n));
    from = g(from, 2, (n) => new Float32Array(n));
    to = g(to, 2, (n) => new Float32Array(n));
    startAt = g(startAt, 1, (n) => new Float64Array(n));
    m.status = g(m.status, 1, (n) => new Uint8Array(n));
    m.heading = g(m.heading, 1, (n) => new Float32Array(n));
    m.trail = g(m.trail, TRAIL_POINTS * 2, (n) => new Float32Array(n));
    m.trailLength = g(m.trailLength, 1, (n) => new Uint8Array(n));
    m.trailStart = g(m.trailStart, 1, (n) => new Uint8Array(n));
  }
  return m;
}
