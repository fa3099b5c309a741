import { randomBytes } from 'node:crypto';
import { contentTypeOf, isFormType } from '../http/body.js';
import { HttpException } from '../http/exceptions.js';
import type { Middleware } from '../http/middleware.js';
import { CSRF_TOKEN } from '../http/request.js';
import { compareDigest } from '../security/compare.js';

/** Options of `csrf()`. */
export interface CsrfOptions {
  /** The cookie holding the token, readable by the page's scripts (default `csrftoken`, Django's). */
  cookieName?: string;
  /** The header a script sends the token back in (default `x-csrf-token`). */
  headerName?: string;
  /** The form field an HTML form sends the token back in (default `_csrf`). */
  fieldName?: string;
  /** Send the cookie over HTTPS only (`Secure`) (default false). */
  httpsOnly?: boolean;
  /** Default `lax`. */
  sameSite?: 'lax' | 'strict';
  /** Default `/`. */
  path?: string;
}

// RFC 9110 §9.2.1: these do not change state, so a forged one does no harm.
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS', 'TRACE']);

/** Why `csrf()` refused a request. */
export class CsrfRejected extends HttpException {
  constructor(detail: string) {
    super(403, detail);
    this.name = 'CsrfRejected';
  }
}

/**
 * Cross-site request forgery protection by double submit: a random token lives in a cookie the
 * page's scripts can read (`csrftoken`), and every unsafe request (not GET, HEAD, OPTIONS,
 * TRACE) must send the same token back, in the `x-csrf-token` header or the `_csrf` field of
 * an urlencoded or multipart form; a missing or different token is a 403. A site on another
 * origin can make the browser send the cookie, but cannot read it to send it back.
 * `req.csrfToken()` gives the token to put in a form (setting the cookie when the request had
 * none). Compared in constant time. WebSocket upgrades (GET) are not checked: use `cors()`'s
 * origin check for those.
 * @example app.use(csrf()); // then <input type="hidden" name="_csrf" value="${req.csrfToken()}">
 */
export function csrf(options: CsrfOptions = {}): Middleware {
  const cookieName = options.cookieName ?? 'csrftoken';
  const headerName = (options.headerName ?? 'x-csrf-token').toLowerCase();
  const fieldName = options.fieldName ?? '_csrf';
  const sameSite = options.sameSite ?? 'lax';
  if (!['lax', 'strict'].includes(sameSite)) throw new TypeError(`csrf(): sameSite must be lax or strict, got ${String(sameSite)}`);
  const cookieOptions = { path: options.path ?? '/', sameSite, httpOnly: false, secure: options.httpsOnly === true };

  async function tokenSent(req: Parameters<Middleware>[0]): Promise<string | undefined> {
    const header = req.headers[headerName];
    if (typeof header === 'string') return header;
    if (!isFormType(contentTypeOf(req.raw))) return undefined;
    const form = await req.form();
    const field = form.fields.get(fieldName);
    return field?.[0];
  }

  return async function csrfMiddleware(req, next) {
    const cookie = req.cookies[cookieName];
    const known = cookie !== undefined && TOKEN.test(cookie) ? cookie : undefined;
    let issued: string | undefined;
    req[CSRF_TOKEN] = () => known ?? (issued ??= randomBytes(32).toString('base64url'));
    if (!SAFE_METHODS.has(req.method) && !req.isWebSocket) {
      if (known === undefined) throw new CsrfRejected('CSRF cookie missing');
      const sent = await tokenSent(req);
      if (sent === undefined) throw new CsrfRejected('CSRF token missing');
      if (!compareDigest(sent, known)) throw new CsrfRejected('CSRF token mismatch');
    }
    const res = await next();
    if (issued !== undefined) res.setCookie(cookieName, issued, cookieOptions);
    return res;
  };
}

// 32 random bytes, base64url: anything else in the cookie was not issued here.
const TOKEN = /^[A-Za-z0-9_-]{43}$/;
