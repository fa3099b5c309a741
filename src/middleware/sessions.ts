import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Middleware } from '../http/middleware.js';
import { SESSION, type Request } from '../http/request.js';

/** Options of `sessions()`: Starlette's `SessionMiddleware`, camelCased, with its defaults. */
export interface SessionOptions {
  /** Signs the cookie (HMAC-SHA256). A list rotates keys: the first signs, every one verifies. At least 16 characters each. */
  secret: string | string[];
  /** Default `session`. */
  cookieName?: string;
  /** How long a session lives, in seconds, in the browser and when checked here (default 14 days); `null` for a browser-session cookie whose age is not checked. */
  maxAgeSec?: number | null;
  /** Default `/`. */
  path?: string;
  /** Default `lax`. */
  sameSite?: 'lax' | 'strict' | 'none';
  /** Send the cookie over HTTPS only (`Secure`) (default false). */
  httpsOnly?: boolean;
  /** Default none: the cookie goes back to this host only. */
  domain?: string;
}

const FOURTEEN_DAYS = 14 * 24 * 60 * 60;
// Browsers drop a cookie whose name, value and attributes pass 4096 bytes.
const COOKIE_LIMIT = 4096;

/**
 * Sessions in a signed cookie, as Starlette's `SessionMiddleware`: `req.session` is a plain
 * object read from the cookie; change it and the answer carries it back. The cookie is the
 * session's JSON, base64url-encoded, with the time it was issued and an HMAC-SHA256 of both
 * (node:crypto, compared in constant time). It is signed, not encrypted: the client can read
 * what is in it. A cookie that is tampered with, signed by an unknown key, older than
 * `maxAgeSec` or malformed gives an empty session, never an error. The cookie is written
 * whenever the session holds something (its age starts again) and deleted once it is emptied.
 * @example app.use(sessions({ secret: process.env.SESSION_SECRET! }));
 */
export function sessions(options: SessionOptions): Middleware {
  const secrets = [options?.secret].flat();
  if (secrets.length === 0 || secrets.some((s) => typeof s !== 'string' || s.length < 16)) {
    throw new TypeError('sessions(): secret must be a string (or a list of strings) of at least 16 characters');
  }
  const cookieName = options.cookieName ?? 'session';
  const maxAgeSec = options.maxAgeSec === undefined ? FOURTEEN_DAYS : options.maxAgeSec;
  if (maxAgeSec !== null && (!Number.isInteger(maxAgeSec) || maxAgeSec <= 0)) throw new RangeError(`sessions(): maxAgeSec must be a positive whole number of seconds or null, got ${String(maxAgeSec)}`);
  const sameSite = options.sameSite ?? 'lax';
  if (!['lax', 'strict', 'none'].includes(sameSite)) throw new TypeError(`sessions(): sameSite must be lax, strict or none, got ${String(sameSite)}`);
  if (sameSite === 'none' && options.httpsOnly !== true) throw new TypeError('sessions(): sameSite "none" needs httpsOnly: true (browsers refuse it otherwise)');
  const cookieOptions = {
    path: options.path ?? '/',
    sameSite,
    httpOnly: true,
    secure: options.httpsOnly === true,
    domain: options.domain,
    ...(maxAgeSec === null ? {} : { maxAge: maxAgeSec }),
  };
  const keys = secrets.map((s) => Buffer.from(s));

  const sign = (payload: string, key: Buffer) => createHmac('sha256', key).update(payload).digest();

  function read(cookie: string | undefined): Record<string, unknown> {
    if (cookie === undefined) return {};
    const dot = cookie.lastIndexOf('.');
    if (dot <= 0) return {};
    const payload = cookie.slice(0, dot);
    const given = Buffer.from(cookie.slice(dot + 1), 'base64url');
    if (!keys.some((key) => verified(sign(payload, key), given))) return {};
    const [data, issued] = payload.split('.');
    const issuedAt = Number.parseInt(issued ?? '', 36);
    if (!Number.isFinite(issuedAt)) return {};
    if (maxAgeSec !== null && Date.now() / 1000 - issuedAt > maxAgeSec) return {};
    try {
      const session: unknown = JSON.parse(Buffer.from(data, 'base64url').toString('utf8'));
      return typeof session === 'object' && session !== null && !Array.isArray(session) ? (session as Record<string, unknown>) : {};
    } catch {
      return {};
    }
  }

  function write(session: Record<string, unknown>): string {
    const payload = `${Buffer.from(JSON.stringify(session)).toString('base64url')}.${Math.floor(Date.now() / 1000).toString(36)}`;
    return `${payload}.${sign(payload, keys[0]).toString('base64url')}`;
  }

  return async function sessionsMiddleware(req, next) {
    const sent = req.cookies[cookieName];
    const session = read(sent);
    (req as Request)[SESSION] = session;
    const res = await next();
    // The handler may have replaced the object (`req.session = {...}`).
    const final = (req as Request)[SESSION] ?? {};
    if (Object.keys(final).length > 0) {
      const value = write(final);
      if (value.length + cookieName.length > COOKIE_LIMIT) {
        throw new Error(`sessions(): the session is ${value.length} bytes signed, more than a cookie can carry (${COOKIE_LIMIT}); keep an id in it and the data elsewhere`);
      }
      res.setCookie(cookieName, value, cookieOptions);
    } else if (sent !== undefined) {
      res.deleteCookie(cookieName, { path: cookieOptions.path, domain: cookieOptions.domain });
    }
    return res;
  };
}

function verified(expected: Buffer, given: Buffer): boolean {
  return expected.length === given.length && timingSafeEqual(expected, given);
}
