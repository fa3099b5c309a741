import type { Request } from './request.js';
import type { Response } from './response.js';

// The middleware signature, next to the messages it passes, so that route and controller
// options can name it; src/middleware/ holds the onion that runs it and the built-in ones.

/** Runs the rest of the onion and resolves with its answer, which the middleware may change. */
export type Next = () => Promise<Response>;

/**
 * A middleware: `await next()` and return its `Response` (changed or not), or return a
 * `Response` of its own without calling `next()`.
 * @example const timing: Middleware = async (req, next) => { const res = await next(); return res.setHeader('x-took', '1ms'); };
 */
export type Middleware = (req: Request, next: Next) => Response | Promise<Response>;
