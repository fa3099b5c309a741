/**
 * Counts what still runs after answers were sent (dependency teardowns, Arena releases,
 * background tasks), so a graceful shutdown can wait for it before closing what it uses.
 */
export class PendingWork {
  private count = 0;
  private waiters: (() => void)[] = [];

  begin(): void {
    this.count++;
  }

  end(): void {
    if (--this.count > 0) return;
    const waiters = this.waiters;
    this.waiters = [];
    for (const resolve of waiters) resolve();
  }

  get size(): number {
    return this.count;
  }

  /** Resolves when nothing is running. */
  idle(): Promise<void> {
    return this.count === 0 ? Promise.resolve() : new Promise((resolve) => this.waiters.push(resolve));
  }
}
