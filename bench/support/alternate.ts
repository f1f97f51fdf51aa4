/** Timing shared by the benchmarks: subjects against their baselines, on a shared, noisy machine. */

/** Samples a function: the figures are medians of these. */
export const RUNS = 11;
/** A sample lasts at least this long: a fast function (a plain read loop) is repeated within it. */
const MIN_SAMPLE_MS = 5;

/** Where results go, so that the JIT cannot drop the work that made them. */
let sink: unknown;

/** Median of a list of numbers. */
export function median(xs: readonly number[]): number {
  const sorted = [...xs].sort((x, y) => x - y);
  return sorted[Math.floor(sorted.length / 2)];
}

/**
 * Medians (ms a call) of several functions, sampled in turn so that all see the same machine load
 * (in each round every function once, starting with a different one each round), after a warm-up
 * (the JIT needs about 15 runs of a small size to settle). A function quicker than MIN_SAMPLE_MS
 * is called as many times as it takes within one sample, so that the timer's resolution and
 * overhead do not decide its figure.
 */
export function alternate<K extends string>(fns: Record<K, () => unknown>, runs = RUNS): Record<K, number> {
  const keys = Object.keys(fns) as K[];
  const reps = {} as Record<K, number>;
  const warmUntil = performance.now() + 1500;
  for (let i = 0; i < 20 && (i < 3 || performance.now() < warmUntil); i++) for (const k of keys) sink = fns[k]();
  for (const k of keys) {
    const t = performance.now();
    sink = fns[k]();
    reps[k] = Math.max(1, Math.ceil(MIN_SAMPLE_MS / Math.max(performance.now() - t, 0.001)));
  }
  const samples = Object.fromEntries(keys.map((k) => [k, [] as number[]])) as unknown as Record<K, number[]>;
  for (let run = 0; run < runs; run++) {
    for (let j = 0; j < keys.length; j++) {
      const k = keys[(run + j) % keys.length];
      globalThis.gc?.();
      const t = performance.now();
      for (let r = 0; r < reps[k]; r++) sink = fns[k]();
      samples[k].push((performance.now() - t) / reps[k]);
    }
  }
  void sink;
  return Object.fromEntries(keys.map((k) => [k, median(samples[k])])) as Record<K, number>;
}

export const ms = (x: number): string => `${x < 1 ? x.toFixed(3) : x.toFixed(1)} ms`.padStart(10);
