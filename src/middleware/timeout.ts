import { contextOf } from '../http/context.js';
import { HttpException } from '../http/exceptions.js';
import type { Response } from '../http/response.js';
import type { Middleware } from '../http/middleware.js';

/** Why the Arena's signal aborted when `timeout()` answered first. */
export class RequestTimeout extends HttpException {
  constructor(readonly timeoutMs: number) {
    super(503, `The request took longer than ${timeoutMs} ms`);
    this.name = 'RequestTimeout';
  }
}

/**
 * Answers 503 when the rest of the pipeline has not answered within `ms`, and aborts the
 * request's Arena `signal` (its reason a `RequestTimeout`) so the handler can stop: pass
 * `arena.signal` to `fetch`, database drivers, or check `signal.aborted` in a loop. The
 * handler's late answer is dropped. A WebSocket upgrade is not timed (the connection has its
 * own idle and send timeouts).
 * @example app.use(timeout(5_000));
 */
export function timeout(ms: number): Middleware {
  if (!Number.isFinite(ms) || ms <= 0) throw new RangeError(`timeout(): ms must be a positive number of milliseconds, got ${String(ms)}`);
  return function timeoutMiddleware(req, next) {
    if (req.isWebSocket) return next();
    let timer: NodeJS.Timeout | undefined;
    const expired = new Promise<Response>((_resolve, reject) => {
      timer = setTimeout(() => {
        const reason = new RequestTimeout(ms);
        contextOf(req)?.arena.abort(reason);
        reject(reason);
      }, ms);
    });
    const answered = next();
    return Promise.race([answered, expired]).finally(() => clearTimeout(timer));
  };
}
