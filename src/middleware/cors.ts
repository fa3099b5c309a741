import { HttpException } from '../http/exceptions.js';
import { Response } from '../http/response.js';
import type { Middleware } from '../http/middleware.js';
import { addVary } from './vary.js';

/** Options of `cors()`: Starlette's `CORSMiddleware`, camelCased, with its defaults. */
export interface CorsOptions {
  /** Origins allowed to read answers, exact (`https://app.example`), or `['*']` for any (default none). */
  allowOrigins?: string[];
  /** A pattern an origin must match whole, e.g. `'https://.*\\.example\\.org'` (default none). */
  allowOriginRegex?: string | RegExp;
  /** Methods a preflight may ask for, or `['*']` (default `['GET']`). */
  allowMethods?: string[];
  /** Request headers a preflight may ask for, or `['*']`; CORS-safelisted ones always pass (default none). */
  allowHeaders?: string[];
  /** Let the browser send cookies and read the answer (`fetch(…, { credentials: 'include' })`) (default false). */
  allowCredentials?: boolean;
  /** Response headers the page may read beyond the safelisted ones (default none). */
  exposeHeaders?: string[];
  /** How long, in seconds, a browser may cache a preflight answer (default 600). */
  maxAge?: number;
}

const ALL_METHODS = ['DELETE', 'GET', 'HEAD', 'OPTIONS', 'PATCH', 'POST', 'PUT'];
// Fetch standard's CORS-safelisted request headers, always allowed (Starlette's SAFELISTED_HEADERS).
const SAFELISTED_HEADERS = ['accept', 'accept-language', 'content-language', 'content-type'];

/**
 * Cross-Origin Resource Sharing (the Fetch standard's CORS protocol), with Starlette's options.
 * Answers preflights (`OPTIONS` with `Access-Control-Request-Method`) itself: 200 when the
 * origin, method and headers are allowed, 400 otherwise. On other requests from an allowed
 * origin it adds `Access-Control-Allow-Origin` (and `-Credentials`, `-Expose-Headers`); a
 * disallowed origin's answer goes out without them, so the browser keeps it from the page.
 * `Vary: Origin` is added whenever the answer depends on the origin. A WebSocket upgrade
 * from a disallowed `Origin` is refused with 403 (browsers do not apply CORS to WebSockets).
 * Use it app-wide (`app.use(cors(…))`), so preflights to any path reach it.
 * @example app.use(cors({ allowOrigins: ['https://app.example'], allowCredentials: true }));
 */
export function cors(options: CorsOptions = {}): Middleware {
  const origins = options.allowOrigins ?? [];
  const anyOrigin = origins.includes('*');
  const exact = new Set(origins);
  const pattern = originPattern(options.allowOriginRegex);
  const methods = options.allowMethods ?? ['GET'];
  const allowedMethods = methods.includes('*') ? ALL_METHODS : methods.map((m) => m.toUpperCase());
  const headers = options.allowHeaders ?? [];
  const anyHeader = headers.includes('*');
  const allowedHeaders = new Set([...SAFELISTED_HEADERS, ...headers.map((h) => h.toLowerCase())]);
  const credentials = options.allowCredentials === true;
  const maxAge = options.maxAge ?? 600;
  if (!Number.isInteger(maxAge) || maxAge < 0) throw new RangeError(`cors(): maxAge must be a whole number of seconds, got ${String(maxAge)}`);
  const expose = (options.exposeHeaders ?? []).join(', ');
  // '*' can stand only when the answer is the same for every origin and carries no credentials.
  const echoOrigin = !anyOrigin || credentials;

  const isAllowed = (origin: string) => anyOrigin || exact.has(origin) || (pattern !== undefined && pattern.test(origin));

  const preflightHeaders: Record<string, string> = {
    'access-control-allow-methods': allowedMethods.join(', '),
    'access-control-max-age': String(maxAge),
  };
  if (!anyHeader) preflightHeaders['access-control-allow-headers'] = [...allowedHeaders].sort().join(', ');
  if (credentials) preflightHeaders['access-control-allow-credentials'] = 'true';

  function preflight(origin: string, method: string, requested: string | undefined): Response {
    const refusals: string[] = [];
    if (!isAllowed(origin)) refusals.push('origin');
    if (!allowedMethods.includes(method.toUpperCase())) refusals.push('method');
    const asked = (requested ?? '')
      .split(',')
      .map((h) => h.trim().toLowerCase())
      .filter((h) => h !== '');
    if (!anyHeader && asked.some((h) => !allowedHeaders.has(h))) refusals.push('headers');
    if (refusals.length > 0) {
      const refused = Response.text(`Disallowed CORS ${refusals.join(', ')}`, 400);
      if (echoOrigin) refused.setHeader('vary', 'Origin');
      return refused;
    }
    const answer = Response.text('OK', 200, preflightHeaders);
    answer.setHeader('access-control-allow-origin', echoOrigin ? origin : '*');
    if (anyHeader && asked.length > 0) answer.setHeader('access-control-allow-headers', asked.join(', '));
    if (echoOrigin) answer.setHeader('vary', 'Origin');
    return answer;
  }

  return function corsMiddleware(req, next) {
    const origin = req.headers.origin;
    if (origin === undefined) return next();
    return withOrigin(req, next, origin);
  };

  async function withOrigin(req: Parameters<Middleware>[0], next: Parameters<Middleware>[1], origin: string): Promise<Response> {
    if (req.isWebSocket) {
      if (!isAllowed(origin)) throw new HttpException(403, `Origin ${JSON.stringify(origin)} is not allowed`);
      return next();
    }
    const requestedMethod = req.headers['access-control-request-method'];
    if (req.method === 'OPTIONS' && typeof requestedMethod === 'string') {
      return preflight(origin, requestedMethod, req.headers['access-control-request-headers']);
    }
    const res = await next();
    if (echoOrigin) addVary(res, 'Origin');
    if (!isAllowed(origin)) return res;
    res.setHeader('access-control-allow-origin', echoOrigin ? origin : '*');
    if (credentials) res.setHeader('access-control-allow-credentials', 'true');
    if (expose !== '') res.setHeader('access-control-expose-headers', expose);
    return res;
  }
}

function originPattern(regex: string | RegExp | undefined): RegExp | undefined {
  if (regex === undefined) return undefined;
  // Starlette matches the whole origin (re.fullmatch); anchoring keeps `https://a.example.evil.com` out.
  const source = typeof regex === 'string' ? regex : regex.source;
  return new RegExp(`^(?:${source})$`, typeof regex === 'string' ? '' : regex.flags.replace('g', ''));
}
