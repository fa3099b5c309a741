/** Anything the Arena knows how to release. */
export type Disposable =
  | { [Symbol.asyncDispose](): unknown }
  | { [Symbol.dispose](): unknown }
  | { close(): unknown }
  | { release(): unknown }
  | { destroy(): unknown };

const DISPOSERS: (string | symbol)[] = [Symbol.asyncDispose, Symbol.dispose, 'close', 'release', 'destroy'];

/** The call that releases `value`, by the first method it has of those `Disposable` lists. */
export function disposerOf(value: Disposable): () => unknown {
  const v = value as unknown as Record<string | symbol, () => unknown>;
  for (const key of DISPOSERS) {
    if (typeof v[key] === 'function') return () => v[key]();
  }
  throw new TypeError('Arena.use() needs a value with Symbol.asyncDispose, Symbol.dispose, close, release or destroy');
}

/**
 * The explicit-resource-management disposer of `value`, if it has one. Singletons and
 * request-scoped providers are disposed only this way: a `close()` method may mean anything.
 */
export function symbolDisposerOf(value: unknown): (() => unknown) | undefined {
  if (value === null || (typeof value !== 'object' && typeof value !== 'function')) return undefined;
  const v = value as Record<symbol, () => unknown>;
  if (typeof v[Symbol.asyncDispose] === 'function') return () => v[Symbol.asyncDispose]();
  if (typeof v[Symbol.dispose] === 'function') return () => v[Symbol.dispose]();
  return undefined;
}

export function isThenable(value: unknown): value is PromiseLike<unknown> {
  return value !== null && typeof value === 'object' && typeof (value as PromiseLike<unknown>).then === 'function';
}
