import { loadIoredis } from '../hub/load-ioredis.js';

/** What a store answers for one counted request. */
export interface RateLimitHit {
  /** Requests counted for the key in the current window, this one included. */
  count: number;
  /** Milliseconds until the window ends and the count starts again. */
  resetMs: number;
}

/** Where `rateLimit()` keeps its counts: one counter per key, reset every window. */
export interface RateLimitStore {
  /** Counts one request for `key`; the window starts with the first request of the key. */
  hit(key: string, windowMs: number): RateLimitHit | Promise<RateLimitHit>;
  /** Lets go of connections and timers. */
  close?(): Promise<void>;
}

/**
 * Counts in this process's memory: right for one process; behind a load balancer or with
 * workers each process counts alone (use `rateLimitRedisStore()`). Ended windows are swept
 * once per window, so keys seen once do not stay.
 */
export function rateLimitMemoryStore(): RateLimitStore {
  const windows = new Map<string, { count: number; endsAt: number }>();
  let sweeper: NodeJS.Timeout | undefined;
  const sweep = () => {
    const now = Date.now();
    for (const [key, window] of windows) if (window.endsAt <= now) windows.delete(key);
    if (windows.size === 0) {
      clearInterval(sweeper);
      sweeper = undefined;
    }
  };
  return {
    hit(key, windowMs) {
      const now = Date.now();
      let window = windows.get(key);
      if (window === undefined || window.endsAt <= now) windows.set(key, (window = { count: 0, endsAt: now + windowMs }));
      window.count++;
      if (sweeper === undefined) {
        sweeper = setInterval(sweep, windowMs);
        sweeper.unref();
      }
      return { count: window.count, resetMs: window.endsAt - now };
    },
    async close() {
      clearInterval(sweeper);
      sweeper = undefined;
      windows.clear();
    },
  };
}

/** The part of an ioredis client the store uses; ioredis stays an optional peer dependency. */
export interface RateLimitRedisClient {
  readonly status: string;
  eval(script: string, keys: number, ...args: (string | number)[]): Promise<unknown>;
  quit(): Promise<unknown>;
  on(event: string, listener: (...args: any[]) => void): unknown;
}

/** Options of `rateLimitRedisStore()`: a `url`, or an ioredis `client` of your own. */
export interface RateLimitRedisOptions {
  /** `redis://[user:password@]host:port[/db]` (default `redis://127.0.0.1:6379`). */
  url?: string;
  /** An ioredis client to use; the store does not close it. */
  client?: RateLimitRedisClient;
  /** Prepended to keys (default `zigmund:ratelimit:`). */
  prefix?: string;
}

// One round trip, atomic: count, start the window's expiry on its first request, and say how
// long it has left (a key left without expiry, by a crash between the two, gets one).
const HIT = `
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]); ttl = tonumber(ARGV[1]) end
return { count, ttl }
`;

const FIRST_CONNECTION_MS = 2_000;

type RedisConstructor = new (url: string | undefined, options: Record<string, unknown>) => RateLimitRedisClient;

/**
 * Counts in Redis (ioredis), shared by every process and host using the same Redis: each key is
 * one counter with the window as its expiry, counted by a Lua script in one round trip. While
 * Redis is unreachable, `hit` fails at once (no queue of waiting requests) and `rateLimit()`
 * lets requests through.
 * @example app.use(rateLimit({ max: 100, store: rateLimitRedisStore({ url: process.env.REDIS_URL }) }));
 */
export function rateLimitRedisStore(options: RateLimitRedisOptions = {}): RateLimitStore {
  const prefix = options.prefix ?? 'zigmund:ratelimit:';
  const owned = options.client === undefined;
  let client = options.client;
  // The first requests wait (a little) for the first connection instead of failing fast.
  let firstConnection: Promise<void> | undefined;
  if (client === undefined) {
    const Redis = loadIoredis<RedisConstructor>('rateLimitRedisStore()');
    // Fail fast while disconnected, instead of queueing every request behind a reconnection.
    const own = new Redis(options.url ?? 'redis://127.0.0.1:6379', { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
    own.on('error', () => {
      // Reported by rateLimit() when a hit fails; ioredis reconnects by itself.
    });
    firstConnection = new Promise<void>((resolve) => {
      own.on('ready', resolve);
      setTimeout(resolve, FIRST_CONNECTION_MS).unref();
    }).then(() => {
      firstConnection = undefined;
    });
    client = own;
  }
  const redis = client;
  return {
    async hit(key, windowMs) {
      if (firstConnection !== undefined) await firstConnection;
      const reply = (await redis.eval(HIT, 1, prefix + key, windowMs)) as [number, number];
      return { count: Number(reply[0]), resetMs: Number(reply[1]) };
    },
    async close() {
      if (owned) await redis.quit().catch(() => undefined);
    },
  };
}
