// The benchmark harness: every benchmark compares Sitroom's way (B) with a baseline measured in the same run (A),
// interleaved A B A B … so the machine's noise falls on both, and runs the baseline against itself (A/A) to show
// the noise floor. What comes out is the median ratio B/A, never an absolute time.

export interface Result {
  id: string;
  what: string;
  /** the median of B/A over the rounds (lower is better unless `higherIsBetter`) */
  ratio: number;
  /** the target, e.g. "≤ 0.10" */
  target: string;
  met: boolean;
  /** the spread of an A/A run: how far apart the same thing measured twice lands (max/min − 1 of the medians) */
  noise: number | null;
  /** the raw figures, per round and in units */
  raw: Record<string, unknown>;
  note?: string;
}

export const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length ? (s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2) : Number.NaN;
};
export const percentile = (xs: readonly number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]! : Number.NaN;
};

export interface Pair { a: number; b: number; a2: number }

/** Runs A, B and A again each round (in turns, the order rotating), returning the per-round figures. The second A
 *  gives the A/A noise floor. */
export async function interleave(rounds: number, a: () => Promise<number> | number, b: () => Promise<number> | number): Promise<Pair[]> {
  const out: Pair[] = [];
  for (let r = 0; r < rounds; r++) {
    const order = [['a', a], ['b', b], ['a2', a]] as const;
    const rotated = [...order.slice(r % 3), ...order.slice(0, r % 3)];
    const got: Record<string, number> = {};
    for (const [name, fn] of rotated) got[name] = await fn();
    out.push({ a: got.a!, b: got.b!, a2: got.a2! });
  }
  return out;
}

/** Median B/A and the A/A spread of a set of rounds. */
export function summarize(pairs: readonly Pair[]): { ratio: number; noise: number; a: number; b: number } {
  const ratio = median(pairs.map((p) => p.b / p.a));
  const aa = median(pairs.map((p) => Math.max(p.a, p.a2) / Math.min(p.a, p.a2))) - 1;
  return { ratio, noise: aa, a: median(pairs.map((p) => p.a)), b: median(pairs.map((p) => p.b)) };
}

/** CPU time (user + system, µs) a function takes in this process. */
export async function cpuOf(fn: () => Promise<void> | void): Promise<number> {
  const before = process.cpuUsage();
  await fn();
  const d = process.cpuUsage(before);
  return d.user + d.system;
}

/** Collects garbage when node runs with --expose-gc (npm run bench does), so one side's garbage is not collected
 *  on the other side's time. */
export function settle(): void { (globalThis as { gc?: () => void }).gc?.(); }

/** Runs a function for a while before it is timed, so the JIT has reached its final tier (the first hundreds of
 *  calls of a hot function are several times slower than the rest, and a screen makes millions of them). */
export function warmUp(fn: () => void, ms = 300): void {
  const t0 = process.hrtime.bigint();
  do fn(); while (Number(process.hrtime.bigint() - t0) < ms * 1e6);
}

/** Times a synchronous function over enough repetitions to be measurable (ns per call, by the monotonic clock),
 *  after a warm-up (so the JIT has compiled it) and a garbage collection. */
export function timeSync(fn: () => void, minMs = 40): number {
  const warm = process.hrtime.bigint();
  do fn(); while (Number(process.hrtime.bigint() - warm) < 5e6);
  settle();
  let n = 0;
  const t0 = process.hrtime.bigint();
  let t = t0;
  do { fn(); n++; t = process.hrtime.bigint(); } while (Number(t - t0) < minMs * 1e6);
  return Number(t - t0) / n;
}

export const fmt = (x: number, digits = 3): string => (Number.isFinite(x) ? x.toPrecision(digits) : String(x));

export function table(results: readonly Result[]): string {
  const rows = results.map((r) => [r.id, r.what, fmt(r.ratio), r.target, r.met ? 'met' : 'MISSED', r.noise === null ? '—' : `±${(r.noise * 100).toFixed(1)} %`]);
  const head = ['#', 'What', 'Ratio', 'Target', 'Met', 'A/A noise'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(head), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

export interface BenchContext {
  quick: boolean;
  soak: boolean;
  rounds: number;
  log: (msg: string) => void;
}
