// Timing helpers of the in-process benchmarks (dispatch.ts, response-model.ts). They count the
// process's CPU time, not the wall clock: on a shared machine the wall clock also counts the
// stretches when another process had the core, which swing a run by 2x and more.

/** CPU microseconds (user + system) this process has used so far. */
export function cpuMicros(): number {
  const { user, system } = process.cpuUsage();
  return user + system;
}

/** Calls `fn` in batches of a thousand for about `ms` milliseconds of CPU; nanoseconds of CPU per call. */
export function timePerCall(fn: () => unknown, ms: number): number {
  let count = 0;
  const start = cpuMicros();
  let elapsed = 0;
  do {
    for (let i = 0; i < 1_000; i++) fn();
    count += 1_000;
    elapsed = cpuMicros() - start;
  } while (elapsed < ms * 1000);
  return (elapsed * 1e3) / count;
}

export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
