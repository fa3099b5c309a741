/**
 * Waits until `check()` holds, polling every few milliseconds; fails naming `what` if it has not
 * within `limitMs`. For conditions no event announces.
 */
export async function waitFor(check: () => boolean, what: string, limitMs = 5_000): Promise<void> {
  const deadline = Date.now() + limitMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`${what}: not reached within ${limitMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** One turn of the event loop: every promise settled by what is already queued has settled. */
export function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
