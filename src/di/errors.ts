import { HttpException } from '../http/exceptions.js';

/**
 * `Pool.acquire()` waited `acquireTimeoutMs` without a resource coming free. Unhandled in a
 * route it answers 503, as an exhausted pool means the service is overloaded, not broken.
 */
export class PoolTimeout extends HttpException {
  override readonly code: string = 'POOL_TIMEOUT';

  constructor(
    readonly pool: string,
    readonly timeoutMs: number,
  ) {
    super(503, 'Service Unavailable');
    this.name = 'PoolTimeout';
    this.message = `pool "${pool}": no resource came free within ${timeoutMs} ms`;
  }
}

/** The pool is draining (the app is shutting down): it hands out nothing more. Answers 503. */
export class PoolDrained extends HttpException {
  override readonly code: string = 'POOL_DRAINED';

  constructor(readonly pool: string) {
    super(503, 'Service Unavailable');
    this.name = 'PoolDrained';
    this.message = `pool "${pool}" is draining`;
  }
}

/**
 * The reason of an Arena's `signal` when the connection closed before the answer was sent:
 * the client went away, or a server timeout cut it.
 */
export class ClientDisconnected extends Error {
  readonly code = 'CLIENT_DISCONNECTED';

  constructor(message = 'the connection closed before the answer was sent') {
    super(message);
    this.name = 'ClientDisconnected';
  }
}

/** Something was put into an Arena after it had been released: it would never be released. */
export class ArenaReleased extends Error {
  readonly code = 'ARENA_RELEASED';

  constructor(what: string) {
    super(`Arena already released: ${what} came too late`);
    this.name = 'ArenaReleased';
  }
}
