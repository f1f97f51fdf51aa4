/** Timing shared by the benchmarks: a subject against its baseline, on a shared, noisy machine. */

export const RUNS = 11;

export interface Timings {
  subject: number;
  baseline: number;
  /** Best runs: the least disturbed by other load, which only ever adds time. */
  subjectMin: number;
  baselineMin: number;
}

/**
 * Medians (and best runs) of the subject and of the baseline, run alternately so that both see the
 * same machine load, after a warm-up of each (the JIT needs about 15 runs of a small size to settle).
 */
export function alternate(subject: () => unknown, baseline: () => unknown, runs = RUNS): Timings {
  const warmUntil = performance.now() + 1500;
  for (let i = 0; i < 20 && (i < 3 || performance.now() < warmUntil); i++) {
    subject();
    baseline();
  }
  const s: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < runs; i++) {
    globalThis.gc?.();
    let t = performance.now();
    baseline();
    b.push(performance.now() - t);
    globalThis.gc?.();
    t = performance.now();
    subject();
    s.push(performance.now() - t);
  }
  const mid = (xs: number[]): number => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
  return { subject: mid(s), baseline: mid(b), subjectMin: Math.min(...s), baselineMin: Math.min(...b) };
}

export const ms = (x: number): string => `${x.toFixed(1).padStart(7)} ms`;
