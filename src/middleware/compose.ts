import type { RequestContext } from '../http/context.js';
import type { Middleware } from '../http/middleware.js';
import { Response } from '../http/response.js';

/**
 * One step of a route's pipeline (read body, dependencies, arguments, handler, write). It
 * leaves its result on the context and returns a promise only when it really waited.
 */
export type Stage = (ctx: RequestContext) => void | Promise<void>;

/**
 * Runs stages in order, synchronously until one returns a promise, so a route whose steps are
 * all synchronous answers in the same tick without allocating one. Errors propagate to the caller.
 */
export function sequence(stages: readonly Stage[]): Stage {
  const count = stages.length;
  function from(ctx: RequestContext, index: number): void | Promise<void> {
    for (let i = index; i < count; i++) {
      const pending = stages[i](ctx);
      if (pending !== undefined) return pending.then(() => from(ctx, i + 1));
    }
  }
  return function runStages(ctx) {
    return from(ctx, 0);
  };
}

/** Answers an error with a `Response` (the app's exception handlers). */
export type ErrorAnswer = (err: unknown, ctx: RequestContext) => Response | Promise<Response>;

/**
 * The onion, as Hono's `compose`: `middleware[0]` is outermost, `endpoint` the centre. An error
 * thrown at any layer is answered there by `onError`, so every middleware's `next()` resolves
 * with a `Response`, an error's included.
 */
export function compose(
  middleware: readonly Middleware[],
  endpoint: (ctx: RequestContext) => Response | Promise<Response>,
  onError: ErrorAnswer,
): (ctx: RequestContext) => Promise<Response> {
  const count = middleware.length;
  return function runOnion(ctx) {
    const req = ctx.request;
    let reached = -1;
    function dispatch(index: number): Promise<Response> {
      if (index <= reached) return Promise.reject(new Error(`middleware ${nameOf(middleware[index - 1])} called next() more than once`));
      reached = index;
      let answer: Response | Promise<Response>;
      try {
        answer = index === count ? endpoint(ctx) : middleware[index](req, () => dispatch(index + 1));
      } catch (err) {
        return Promise.resolve(onError(err, ctx));
      }
      // A Response answered at once needs no check after the fact: one promise, not a chain.
      if (answer instanceof Response) return Promise.resolve(answer);
      return Promise.resolve(answer).then(
        (out) => (out instanceof Response ? out : onError(noResponse(middleware[index]), ctx)),
        (err: unknown) => onError(err, ctx),
      );
    }
    return dispatch(0);
  };
}

function nameOf(mw: Middleware | undefined): string {
  return mw?.name ? mw.name : '(anonymous)';
}

function noResponse(mw: Middleware | undefined): Error {
  return new TypeError(`middleware ${nameOf(mw)} returned no Response: return await next(), or a Response of its own`);
}
