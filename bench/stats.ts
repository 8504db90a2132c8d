/** Timing of repeated runs: warm-up, then wall-clock and process CPU time per run, summarized. */

/** A summary of samples in milliseconds. */
export interface Stats {
  runs: number;
  median: number;
  /** 95th percentile, nearest rank. */
  p95: number;
  min: number;
  max: number;
}

/** Wall-clock time (what a user waits) and CPU time of this process (what the work costs, waits for other processes left out). */
export interface Timing {
  wall: Stats;
  cpu: Stats;
}

export interface MeasureOptions {
  /** Runs first and thrown away, so the JIT has compiled the hot paths. */
  warmup: number;
  runs: number;
}

/**
 * Runs `fn(i)` `warmup + runs` times, `i` counting from 0 across both, and summarizes the timed runs. Prepare
 * inputs before calling: only `fn` is timed; `before(i)`, when given, runs untimed before each `fn(i)`.
 */
export function measure(fn: (i: number) => unknown, { warmup, runs }: MeasureOptions, before?: (i: number) => unknown): Timing {
  for (let i = 0; i < warmup; i++) {
    before?.(i);
    fn(i);
  }
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = warmup; i < warmup + runs; i++) {
    before?.(i);
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    fn(i);
    wall.push(performance.now() - start);
    const used = process.cpuUsage(cpuStart);
    cpu.push((used.user + used.system) / 1000);
  }
  return { wall: summarize(wall), cpu: summarize(cpu) };
}

export function summarize(samples: number[]): Stats {
  if (samples.length === 0) throw new Error('no samples');
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  const p95 = sorted[Math.ceil(0.95 * sorted.length) - 1];
  return { runs: sorted.length, median: round(median), p95: round(p95), min: round(sorted[0]), max: round(sorted[sorted.length - 1]) };
}

function round(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}
