// Timing helpers of the in-process benchmarks (dispatch.ts, response-model.ts).
import { performance } from 'node:perf_hooks';

/** Calls `fn` in batches of a thousand for about `ms` milliseconds; nanoseconds per call. */
export function timePerCall(fn: () => unknown, ms: number): number {
  let count = 0;
  const start = performance.now();
  let elapsed = 0;
  do {
    for (let i = 0; i < 1_000; i++) fn();
    count += 1_000;
    elapsed = performance.now() - start;
  } while (elapsed < ms);
  return (elapsed * 1e6) / count;
}

export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
