import { HttpException } from '../http/exceptions.js';
import type { Middleware } from '../http/middleware.js';

/** Options of `trustedHost()`: Starlette's `TrustedHostMiddleware`. */
export interface TrustedHostOptions {
  /** Host names served: exact (`api.example.com`), `*.example.com` for its subdomains, or `*` for any. The port is ignored. */
  hosts: string[];
}

/**
 * Refuses with 400 a request whose `Host` header names a host the app does not serve, which
 * protects absolute URLs built from it (password-reset links, `req.urlFor`) against Host header
 * injection. `*.example.com` matches `a.example.com` and `a.b.example.com`, not `example.com`
 * itself (list both), as in Starlette. WebSocket upgrades are checked too.
 * @example app.use(trustedHost({ hosts: ['example.com', '*.example.com'] }));
 */
export function trustedHost(options: TrustedHostOptions): Middleware {
  const hosts = options?.hosts;
  if (!Array.isArray(hosts) || hosts.length === 0) throw new TypeError('trustedHost(): `hosts` must list at least one host name (or "*")');
  const anyHost = hosts.includes('*');
  const exact = new Set<string>();
  const suffixes: string[] = [];
  for (const host of hosts.map((h) => h.toLowerCase())) {
    if (host.startsWith('*.')) suffixes.push(host.slice(1));
    else if (host !== '*' && host.includes('*')) throw new TypeError(`trustedHost(): ${host} — a wildcard may only open the name, as in *.example.com`);
    else exact.add(host);
  }
  const allowed = (host: string) => exact.has(host) || suffixes.some((suffix) => host.endsWith(suffix));
  return function trustedHostMiddleware(req, next) {
    if (anyHost) return next();
    const host = hostName(req.headers.host);
    if (host === undefined || !allowed(host)) throw new HttpException(400, 'Invalid host header');
    return next();
  };
}

/** The name of a `Host` header without its port, lower-cased; an IPv6 literal keeps its brackets. */
function hostName(header: string | undefined): string | undefined {
  if (header === undefined || header === '') return undefined;
  const host = header.trim().toLowerCase();
  if (host.startsWith('[')) {
    const end = host.indexOf(']');
    return end === -1 ? undefined : host.slice(0, end + 1);
  }
  const colon = host.indexOf(':');
  return colon === -1 ? host : host.slice(0, colon);
}
