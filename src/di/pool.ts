import { PoolDrained, PoolTimeout } from './errors.js';

/** How a `Pool` makes, checks and ends its resources. */
export interface PoolOptions<T> {
  /** Makes a resource when none is idle and fewer than `max` are alive. */
  create: () => T | Promise<T>;
  /** Ends a resource: one that failed `validate`, one passed to `pool.destroy()`, and all of them on `drain()`. */
  destroy?: (item: T) => unknown;
  /** Checks an idle resource before handing it out; `false` (or a throw) destroys it and another is tried. */
  validate?: (item: T) => boolean | Promise<boolean>;
  /** Most resources alive at once, borrowed or idle (default 10). */
  max?: number;
  /** How long `acquire()` waits for a resource before rejecting with `PoolTimeout` (default 30 000; 0 waits forever). */
  acquireTimeoutMs?: number;
  /** Shown in errors. */
  name?: string;
}

/** Options of one `acquire()`. */
export interface AcquireOptions {
  /** Gives up waiting when aborted, rejecting with the signal's reason. */
  signal?: AbortSignal;
  /** Overrides the pool's `acquireTimeoutMs` for this call. */
  timeoutMs?: number;
}

/** A snapshot of a pool. */
export interface PoolStats {
  max: number;
  /** Resources alive: idle + borrowed + being created. */
  size: number;
  idle: number;
  borrowed: number;
  /** Callers waiting in line. */
  pending: number;
  created: number;
  destroyed: number;
  /** Acquires that gave up after the timeout. */
  timedOut: number;
  draining: boolean;
}

interface Waiter<T> {
  resolve(item: T): void;
  reject(err: unknown): void;
  timer?: NodeJS.Timeout;
  signal?: AbortSignal;
  onAbort?: () => void;
}

const DEFAULT_MAX = 10;
const DEFAULT_ACQUIRE_TIMEOUT_MS = 30_000;

/**
 * A bounded pool of reusable resources (database connections, clients, buffers): at most
 * `max` alive, callers beyond that wait in line, first come first served. Borrow through a
 * request's Arena so the resource always comes back: `const db = await arena.acquire(pool)`.
 * @example
 * const pool = new Pool({ create: () => connect(url), destroy: (c) => c.end(), max: 5 });
 */
export class Pool<T> {
  readonly name: string;
  readonly max: number;
  readonly acquireTimeoutMs: number;
  private readonly options: PoolOptions<T>;
  // Most recently returned first: warm resources are reused, cold ones may time out on the server side.
  private readonly idle: T[] = [];
  private readonly borrowed = new Set<T>();
  private readonly waiters: Waiter<T>[] = [];
  private creating = 0;
  private created = 0;
  private destroyed = 0;
  private timedOut = 0;
  private draining: Promise<void> | undefined;
  private onEmpty: (() => void) | undefined;

  constructor(options: PoolOptions<T>) {
    this.options = options;
    this.name = options.name ?? 'pool';
    this.max = options.max ?? DEFAULT_MAX;
    this.acquireTimeoutMs = options.acquireTimeoutMs ?? DEFAULT_ACQUIRE_TIMEOUT_MS;
    if (!Number.isInteger(this.max) || this.max < 1) throw new RangeError(`pool "${this.name}": max must be a positive integer`);
    if (!(this.acquireTimeoutMs >= 0)) throw new RangeError(`pool "${this.name}": acquireTimeoutMs must be 0 or more`);
  }

  /** Resources alive: idle, borrowed and being created. */
  get size(): number {
    return this.idle.length + this.borrowed.size + this.creating;
  }

  get stats(): PoolStats {
    return {
      max: this.max,
      size: this.size,
      idle: this.idle.length,
      borrowed: this.borrowed.size,
      pending: this.waiters.length,
      created: this.created,
      destroyed: this.destroyed,
      timedOut: this.timedOut,
      draining: this.draining !== undefined,
    };
  }

  /**
   * A resource: an idle one, a new one while fewer than `max` are alive, or the next one
   * released, in the order callers asked. Rejects with `PoolTimeout` after the acquire timeout,
   * with the signal's reason when it aborts, and with `PoolDrained` once `drain()` was called.
   */
  async acquire(options: AcquireOptions = {}): Promise<T> {
    options.signal?.throwIfAborted();
    if (this.draining) throw new PoolDrained(this.name);
    // Idle resources only exist while nobody waits, so taking one never jumps the line.
    while (this.idle.length > 0) {
      const item = this.idle.pop()!;
      this.borrowed.add(item);
      if (await this.isValid(item)) return item;
      this.borrowed.delete(item);
      await this.discard(item);
    }
    if (this.waiters.length === 0 && this.size < this.max) return this.create();
    return this.enqueue(options);
  }

  /** Gives a borrowed resource back: to the first caller in line, or to the idle list. */
  release(item: T): void {
    if (!this.borrowed.delete(item)) throw new Error(`pool "${this.name}": release() of a resource that is not borrowed from it`);
    if (this.draining) {
      void this.discard(item);
      return;
    }
    const waiter = this.waiters.shift();
    if (waiter) {
      settle(waiter);
      this.borrowed.add(item);
      waiter.resolve(item);
      return;
    }
    this.idle.push(item);
  }

  /** Ends a borrowed resource that is broken instead of giving it back; its place frees up for a new one. */
  async destroy(item: T): Promise<void> {
    if (!this.borrowed.delete(item)) throw new Error(`pool "${this.name}": destroy() of a resource that is not borrowed from it`);
    await this.discard(item);
  }

  /**
   * Stops the pool: callers in line are rejected with `PoolDrained`, borrowed resources are
   * destroyed as they come back, idle ones at once; resolves when none is left.
   */
  drain(): Promise<void> {
    this.draining ??= this.drainAll();
    return this.draining;
  }

  /** `await using pool = new Pool(...)`, and what the app calls for a singleton pool at shutdown. */
  [Symbol.asyncDispose](): Promise<void> {
    return this.drain();
  }

  private async drainAll(): Promise<void> {
    for (const waiter of this.waiters.splice(0)) {
      settle(waiter);
      waiter.reject(new PoolDrained(this.name));
    }
    await Promise.all(this.idle.splice(0).map((item) => this.discard(item)));
    if (this.borrowed.size > 0 || this.creating > 0) await new Promise<void>((resolve) => (this.onEmpty = resolve));
  }

  private async isValid(item: T): Promise<boolean> {
    if (!this.options.validate) return true;
    try {
      return (await this.options.validate(item)) !== false;
    } catch {
      return false;
    }
  }

  private async create(): Promise<T> {
    this.creating++;
    let item: T;
    try {
      item = await this.options.create();
    } catch (err) {
      this.creating--;
      this.refill();
      throw err;
    }
    this.creating--;
    this.created++;
    this.borrowed.add(item);
    return item;
  }

  private async discard(item: T): Promise<void> {
    this.destroyed++;
    try {
      await this.options.destroy?.(item);
    } catch (err) {
      console.error(`zigmund: pool "${this.name}" failed to destroy a resource`, err);
    }
    this.refill();
  }

  /** A place came free: make a resource for the first caller in line, or tell drain() it is done. */
  private refill(): void {
    while (this.waiters.length > 0 && this.size < this.max && !this.draining) {
      const waiter = this.waiters.shift()!;
      settle(waiter);
      this.create().then(waiter.resolve, waiter.reject);
    }
    if (this.draining && this.onEmpty && this.borrowed.size === 0 && this.creating === 0) this.onEmpty();
  }

  private enqueue(options: AcquireOptions): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const waiter: Waiter<T> = { resolve, reject };
      const timeoutMs = options.timeoutMs ?? this.acquireTimeoutMs;
      if (timeoutMs > 0) {
        waiter.timer = setTimeout(() => {
          this.timedOut++;
          this.abandon(waiter, new PoolTimeout(this.name, timeoutMs));
        }, timeoutMs);
      }
      const signal = options.signal;
      if (signal) {
        waiter.signal = signal;
        waiter.onAbort = () => this.abandon(waiter, signal.reason);
        signal.addEventListener('abort', waiter.onAbort, { once: true });
      }
      this.waiters.push(waiter);
    });
  }

  private abandon(waiter: Waiter<T>, reason: unknown): void {
    const at = this.waiters.indexOf(waiter);
    if (at === -1) return;
    this.waiters.splice(at, 1);
    settle(waiter);
    waiter.reject(reason);
  }
}

function settle(waiter: Waiter<unknown>): void {
  if (waiter.timer) clearTimeout(waiter.timer);
  if (waiter.onAbort) waiter.signal!.removeEventListener('abort', waiter.onAbort);
}
