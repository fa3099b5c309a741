// The routes of the startup workload, shared by every server and the runner.

/** The path of generated route `i`: ten routes per controller, `/c<i/10>/r<i%10>/:id`. */
export function generatedPath(i: number): { prefix: string; route: string } {
  return { prefix: `/c${Math.floor(i / 10)}`, route: `/r${i % 10}` };
}
