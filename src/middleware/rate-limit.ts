import { HttpException } from '../http/exceptions.js';
import type { Request } from '../http/request.js';
import type { Response } from '../http/response.js';
import type { Middleware } from '../http/middleware.js';
import { rateLimitMemoryStore, type RateLimitStore } from './rate-limit-store.js';

/** Options of `rateLimit()`. */
export interface RateLimitOptions {
  /** The length of a window, in milliseconds (default 60 000). */
  windowMs?: number;
  /** Requests a key may make in one window (default 60); the next ones are answered 429. */
  max?: number;
  /** Whom a request counts against (default the client's address, `req.ip`, which honours `trustProxy`). */
  key?: (req: Request) => string | Promise<string>;
  /** Where the counts live (default `rateLimitMemoryStore()`, this process only); `rateLimitRedisStore()` shares them. */
  store?: RateLimitStore;
}

/** Why `rateLimit()` refused a request: a 429 whose headers say when to come back. */
export class RateLimitExceeded extends HttpException {
  constructor(retryAfterSec: number, headers: Record<string, string>) {
    super(429, 'Too Many Requests', { ...headers, 'retry-after': String(retryAfterSec) });
    this.name = 'RateLimitExceeded';
  }
}

/**
 * Counts requests per key in fixed windows of `windowMs` and answers 429 Too Many Requests,
 * with `Retry-After` (seconds), once a key has made `max` in the current window. Every answer
 * carries the limit as draft-ietf-httpapi-ratelimit-headers-07 spells it:
 * `RateLimit-Policy: 60;w=60` and `RateLimit: limit=60, remaining=12, reset=31` (seconds to the
 * end of the window). WebSocket upgrades count too (a refused one gets the 429). When the store
 * fails (Redis unreachable) the request goes through and the failure is logged: the limit is a
 * guard, not a reason to stop serving.
 * @example app.use(rateLimit({ windowMs: 60_000, max: 100 }));
 */
export function rateLimit(options: RateLimitOptions = {}): Middleware {
  const windowMs = options.windowMs ?? 60_000;
  const max = options.max ?? 60;
  if (!Number.isInteger(windowMs) || windowMs < 1000) throw new RangeError(`rateLimit(): windowMs must be a whole number of milliseconds, at least 1000, got ${String(windowMs)}`);
  if (!Number.isInteger(max) || max < 1) throw new RangeError(`rateLimit(): max must be a whole number of at least 1, got ${String(max)}`);
  if (options.key !== undefined && typeof options.key !== 'function') throw new TypeError('rateLimit(): key must be a function of the request');
  const store = options.store ?? rateLimitMemoryStore();
  if (typeof store?.hit !== 'function') throw new TypeError('rateLimit(): store must have a hit(key, windowMs) method');
  const keyOf = options.key ?? ((req: Request) => req.ip ?? 'unknown');
  const policy = `${max};w=${Math.ceil(windowMs / 1000)}`;
  let storeDown = false;

  return async function rateLimitMiddleware(req, next) {
    const key = await keyOf(req);
    let counted: { count: number; resetMs: number };
    try {
      counted = await store.hit(String(key), windowMs);
      storeDown = false;
    } catch (err) {
      if (!storeDown) console.error('zigmund: rateLimit(): the store failed; requests go through unlimited until it answers again', err);
      storeDown = true;
      return next();
    }
    const reset = Math.max(0, Math.ceil(counted.resetMs / 1000));
    const state = `limit=${max}, remaining=${Math.max(0, max - counted.count)}, reset=${reset}`;
    if (counted.count > max) throw new RateLimitExceeded(Math.max(1, reset), { 'ratelimit-policy': policy, ratelimit: state });
    const res: Response = await next();
    res.headers['ratelimit-policy'] ??= policy;
    res.headers.ratelimit ??= state;
    return res;
  };
}
