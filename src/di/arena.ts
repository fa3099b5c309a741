import { sharedBuffers } from './buffer-pool.js';
import { disposerOf, isThenable, type Disposable } from './dispose.js';
import { ArenaReleased, ClientDisconnected } from './errors.js';
import type { AcquireOptions, Pool } from './pool.js';

export type { Disposable } from './dispose.js';

/** Run at release time; receives the error the work ended with (`undefined` on success). */
export type Deferred = (error: unknown) => unknown;

/**
 * The scoped resource pool of one HTTP request or one WebSocket connection, after Zig's
 * allocators: what is put in it is released newest first, exactly once, when the handler's
 * work is done, also on error. Generator dependencies keep their teardown here too, so a
 * resource acquired by a dependency outlives everything built on it.
 * @example
 * const conn = await arena.acquire(pool);       // back to the pool after the answer
 * const scratch = arena.alloc(64 * 1024);       // back to the buffer pool
 * arena.defer(() => log.flush());
 */
export class Arena {
  private releases: Deferred[] = [];
  private state: 'open' | 'releasing' | 'released' = 'open';
  private releasing: Promise<void> | undefined;
  private controller: AbortController | undefined;
  private abortReason: unknown;
  private watch: ((arena: Arena) => void) | undefined;

  /**
   * `watch` is called the first time `signal` is read, to start noticing the client going
   * away; until then nobody listens, and a route that never looks pays nothing.
   */
  constructor(watch?: (arena: Arena) => void) {
    this.watch = watch;
  }

  /** Aborted when the client goes away (or the request times out) before the work is done. */
  get signal(): AbortSignal {
    if (this.controller === undefined) {
      this.controller = new AbortController();
      if (this.abortReason !== undefined) this.controller.abort(this.abortReason);
      else if (this.watch) {
        const watch = this.watch;
        this.watch = undefined;
        watch(this);
      }
    }
    return this.controller.signal;
  }

  /** Whether `release()` has run (or is running). */
  get isReleased(): boolean {
    return this.state !== 'open';
  }

  /** Runs `fn` at release time, before everything added earlier; `fn` receives the error the work ended with. */
  defer(fn: Deferred): void {
    if (this.state !== 'open') throw new ArenaReleased('defer()');
    this.releases.push(fn);
  }

  /** Keeps `value` and disposes it at release time (`Symbol.asyncDispose`, `Symbol.dispose`, `close`, `release` or `destroy`). */
  use<T extends Disposable>(value: T): T {
    this.defer(disposerOf(value));
    return value;
  }

  /** Keeps `value` and calls `release(value)` at release time. */
  adopt<T>(value: T, release: (value: T) => unknown): T {
    this.defer(() => release(value));
    return value;
  }

  /**
   * Borrows a resource from `pool`, waiting in line when all are in use (giving up when the
   * client goes away), and gives it back at release time.
   */
  async acquire<T>(pool: Pool<T>, options: Omit<AcquireOptions, 'signal'> = {}): Promise<T> {
    if (this.state !== 'open') throw new ArenaReleased('acquire()');
    const item = await pool.acquire({ ...options, signal: this.signal });
    if (this.state !== 'open') {
      pool.release(item);
      throw new ArenaReleased('acquire()');
    }
    this.releases.push(() => pool.release(item));
    return item;
  }

  /** Zeroed bytes from a shared, size-classed buffer pool; they go back to it at release time. */
  alloc(bytes: number): Buffer {
    if (!Number.isInteger(bytes) || bytes < 0) throw new RangeError(`Arena.alloc(): ${bytes} is not a byte count`);
    if (this.state !== 'open') throw new ArenaReleased('alloc()');
    const buffer = sharedBuffers.take(bytes);
    this.releases.push(() => sharedBuffers.give(buffer));
    return buffer.length === bytes ? buffer : buffer.subarray(0, bytes);
  }

  /** Aborts `signal`: the client is gone, or the time is up; idempotent. */
  abort(reason: unknown = new ClientDisconnected()): void {
    if (this.abortReason !== undefined) return;
    this.abortReason = reason ?? new ClientDisconnected();
    this.controller?.abort(this.abortReason);
  }

  /**
   * Releases everything, newest first, exactly once; later calls wait for the first. A release
   * that throws is logged and the rest still run. `error` is what the work ended with.
   */
  release(error?: unknown): Promise<void> {
    if (this.state === 'open') {
      this.state = 'releasing';
      this.releasing = this.releaseAll(error);
    }
    return this.releasing!;
  }

  private async releaseAll(error: unknown): Promise<void> {
    const releases = this.releases;
    this.releases = [];
    for (let i = releases.length - 1; i >= 0; i--) {
      try {
        const done = releases[i](error);
        if (isThenable(done)) await done;
      } catch (err) {
        console.error('zigmund: an Arena release failed', err);
      }
    }
    this.state = 'released';
  }
}
