import type { IncomingMessage } from 'node:http';

/** `trustProxy`: `true` trusts every `X-Forwarded-*` hop, a number that many proxies in front. */
export type TrustProxy = boolean | number;

/**
 * Where a request stands behind proxies and mounts, set by the outermost app that answers it
 * and extended by each mount on the way in.
 */
export interface Origin {
  /** The path prefix clients see before the answering app's routes: `rootPath`, then mount prefixes. */
  rootPath: string;
  /** How much of `req.url` the apps above have routed past. */
  consumed: string;
  trustProxy: TrustProxy;
}

const ORIGIN = Symbol('zigmund.origin');
type Tagged = IncomingMessage & { [ORIGIN]?: Origin };

/** The request's origin; `undefined` for an app with neither `rootPath` nor `trustProxy`, outside any mount. */
export function originOf(req: IncomingMessage): Origin | undefined {
  return (req as Tagged)[ORIGIN];
}

/**
 * Called as an app's listener takes a request: a mount above has already set the origin;
 * otherwise it comes from the app's own options. A target that starts with `rootPath` is
 * routed without it (a proxy that keeps the prefix), one that does not as it is (a proxy
 * that strips it), as Starlette does.
 */
export function enterApp(req: IncomingMessage, rootPath: string, trustProxy: TrustProxy): Origin | undefined {
  const tagged = req as Tagged;
  const existing = tagged[ORIGIN];
  if (existing !== undefined || (rootPath === '' && trustProxy === false)) return existing;
  const origin: Origin = { rootPath, consumed: startsWithSegment(req.url ?? '/', rootPath) ? rootPath : '', trustProxy };
  tagged[ORIGIN] = origin;
  return origin;
}

/**
 * Called as a mount at `prefix` passes a request on: the mounted app routes past the prefix
 * and shows it in its URLs and documents. False when the target does not spell the prefix
 * literally (percent-encoded, say), which the mount then refuses.
 */
export function enterMount(req: IncomingMessage, prefix: string): boolean {
  const outer = originOf(req);
  const consumed = (outer?.consumed ?? '') + prefix;
  if (consumed !== '' && !startsWithSegment(req.url ?? '/', consumed)) return false;
  (req as Tagged)[ORIGIN] = { rootPath: (outer?.rootPath ?? '') + prefix, consumed, trustProxy: outer?.trustProxy ?? false };
  return true;
}

/** The part of the request target an app routes on: without what the apps above consumed. */
export function routeTarget(url: string, origin: Origin | undefined): string {
  if (origin === undefined || origin.consumed === '') return url;
  const rest = url.slice(origin.consumed.length);
  return rest === '' || rest[0] === '?' ? `/${rest}` : rest;
}

function startsWithSegment(url: string, prefix: string): boolean {
  if (prefix === '' || !url.startsWith(prefix)) return false;
  const next = url[prefix.length];
  return next === undefined || next === '/' || next === '?';
}

// A host is a name or an address and a port; anything else in X-Forwarded-Host is ignored.
const HOST = /^(?:\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.-]+)(?::\d{1,5})?$/;

function firstValue(header: string | string[] | undefined): string | undefined {
  const text = Array.isArray(header) ? header[0] : header;
  if (text === undefined) return undefined;
  const comma = text.indexOf(',');
  return (comma === -1 ? text : text.slice(0, comma)).trim();
}

/** `http` or `https`: `X-Forwarded-Proto` when proxies are trusted, else the socket's own. */
export function schemeOf(req: IncomingMessage, origin: Origin | undefined): string {
  if (origin?.trustProxy) {
    const forwarded = firstValue(req.headers['x-forwarded-proto'])?.toLowerCase();
    if (forwarded === 'http' || forwarded === 'https') return forwarded;
  }
  return (req.socket as { encrypted?: boolean } | undefined)?.encrypted ? 'https' : 'http';
}

/** The host clients asked for: `X-Forwarded-Host` when proxies are trusted, else `Host`. */
export function hostOf(req: IncomingMessage, origin: Origin | undefined): string {
  if (origin?.trustProxy) {
    const forwarded = firstValue(req.headers['x-forwarded-host']);
    if (forwarded !== undefined && HOST.test(forwarded)) return forwarded;
  }
  const host = req.headers.host;
  if (host !== undefined && HOST.test(host)) return host;
  const socket = req.socket;
  return socket?.localAddress ? `${socket.localAddress.includes(':') ? `[${socket.localAddress}]` : socket.localAddress}:${socket.localPort}` : 'localhost';
}

/**
 * The client's address. With `trustProxy: true` the first `X-Forwarded-For` entry; with a
 * number n the address n hops from the socket's peer (the entry the nearest trusted proxy
 * saw); without it the socket's peer.
 */
export function clientIp(req: IncomingMessage, origin: Origin | undefined): string | undefined {
  const peer = req.socket?.remoteAddress;
  if (!origin?.trustProxy) return peer;
  const header = req.headers['x-forwarded-for'];
  const hops = (Array.isArray(header) ? header.join(',') : (header ?? ''))
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  // Nearest first: the socket's peer, then X-Forwarded-For from its right end.
  const chain = [peer, ...hops.reverse()];
  const trusted = origin.trustProxy === true ? chain.length - 1 : Math.min(origin.trustProxy, chain.length - 1);
  return chain[trusted];
}
