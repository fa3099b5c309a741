/** Anything the Arena knows how to release. */
export type Disposable =
  | { [Symbol.asyncDispose](): unknown }
  | { [Symbol.dispose](): unknown }
  | { close(): unknown }
  | { release(): unknown }
  | { destroy(): unknown };

type Release = () => unknown;

const asyncDispose: symbol = Symbol.asyncDispose ?? Symbol.for('Symbol.asyncDispose');
const syncDispose: symbol = Symbol.dispose ?? Symbol.for('Symbol.dispose');

/**
 * The scoped resource pool of one HTTP request or one WebSocket connection: what is put in
 * it is released newest first when the handler's work is done, also on error.
 */
export class Arena {
  private releases: Release[] = [];
  private released = false;
  private readonly controller = new AbortController();

  /** Aborted when the client goes away before the work is done. */
  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** Whether `release()` has run. */
  get isReleased(): boolean {
    return this.released;
  }

  /** Runs `fn` at release time. */
  defer(fn: Release): void {
    if (this.released) throw new Error('Arena already released: defer() came too late');
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

  /** Zeroed bytes that live as long as the arena. */
  alloc(bytes: number): Buffer {
    return Buffer.alloc(bytes);
  }

  /** Signals that the client is gone; idempotent. */
  abort(reason: unknown = new Error('client disconnected')): void {
    if (!this.controller.signal.aborted) this.controller.abort(reason);
  }

  /**
   * Releases everything, newest first, exactly once. A release that throws is reported to
   * `onError` and the rest still run.
   */
  async release(onError: (err: unknown) => void = logReleaseError): Promise<void> {
    if (this.released) return;
    this.released = true;
    const releases = this.releases;
    this.releases = [];
    for (let i = releases.length - 1; i >= 0; i--) {
      try {
        await releases[i]();
      } catch (err) {
        onError(err);
      }
    }
  }
}

function disposerOf(value: Disposable): Release {
  const v = value as unknown as Record<string | symbol, () => unknown>;
  for (const key of [asyncDispose, syncDispose, 'close', 'release', 'destroy']) {
    if (typeof v[key] === 'function') return () => v[key]();
  }
  throw new TypeError('Arena.use() needs a value with Symbol.asyncDispose, Symbol.dispose, close, release or destroy');
}

function logReleaseError(err: unknown): void {
  console.error('zigmund: an Arena release failed', err);
}
