import type { Response } from '../http/response.js';
import type { Middleware } from '../http/middleware.js';

/** Header name → value, or `false` to leave that header out. */
export type SecurityHeadersOptions = Record<string, string | false>;

/**
 * helmet's defaults (v8), header by header. The CSP allows no inline script: Swagger UI's page
 * loads its start-up script from `/docs/swagger-init.js`, so it runs under it; the ReDoc page
 * sets its own, stricter policy, which is kept (a header the route set wins).
 */
const DEFAULTS: Record<string, string> = {
  'content-security-policy':
    "default-src 'self';base-uri 'self';font-src 'self' https: data:;form-action 'self';frame-ancestors 'self';img-src 'self' data:;object-src 'none';script-src 'self';script-src-attr 'none';style-src 'self' https: 'unsafe-inline';upgrade-insecure-requests",
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'origin-agent-cluster': '?1',
  'referrer-policy': 'no-referrer',
  'strict-transport-security': 'max-age=31536000; includeSubDomains',
  'x-content-type-options': 'nosniff',
  'x-dns-prefetch-control': 'off',
  'x-download-options': 'noopen',
  'x-frame-options': 'SAMEORIGIN',
  'x-permitted-cross-domain-policies': 'none',
  // OWASP's advice since browsers dropped the XSS auditor: turn the old filter off.
  'x-xss-protection': '0',
};

// RFC 9110's token: what Node accepts as a header name.
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/**
 * The security headers helmet sets by default, on every HTTP answer. Each can be changed or
 * left out: `securityHeaders({ 'strict-transport-security': false, 'x-frame-options': 'DENY' })`;
 * a header not in the defaults is added as given. A header the route already set is kept.
 * @example app.use(securityHeaders({ 'content-security-policy': "default-src 'self'" }));
 */
export function securityHeaders(overrides: SecurityHeadersOptions = {}): Middleware {
  const chosen: Record<string, string | false> = { ...DEFAULTS };
  for (const [name, value] of Object.entries(overrides)) {
    if (!HEADER_NAME.test(name)) throw new TypeError(`securityHeaders(): ${JSON.stringify(name)} is not a header name`);
    if (value !== false && typeof value !== 'string') throw new TypeError(`securityHeaders(): ${name} must be a string or false`);
    if (value !== false && /[\r\n\0]/.test(value)) throw new TypeError(`securityHeaders(): the value of ${name} must be one line`);
    chosen[name.toLowerCase()] = value;
  }
  const defaults = Object.fromEntries(Object.entries(chosen).filter((entry) => entry[1] !== false)) as Record<string, string>;
  const fill = (res: Response): Response => {
    // One copy of a constant object, the answer's own headers over it, is cheaper than 12 lookups and stores.
    (res as { headers: Response['headers'] }).headers = { ...defaults, ...res.headers };
    return res;
  };
  // Not async: one promise fewer per request on a middleware every answer goes through.
  return function securityHeadersMiddleware(req, next) {
    // A 101 carries no document: nothing for these headers to protect.
    if (req.isWebSocket) return next();
    return next().then(fill);
  };
}
