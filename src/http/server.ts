import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { STATUS_CODES } from 'node:http';
import { RequestContext } from './context.js';
import { HttpException } from './exceptions.js';
import { enterApp, routeTarget, type TrustProxy } from './origin.js';
import type { QueryValues } from './request.js';
import { Response } from './response.js';
import type { RouteTable } from './router.js';
import { bodyOf } from './write.js';

/** Answers what no route serves (404, 405, 426, a bad URL), through the app-wide middleware and exception handlers. */
export interface FallbackEndpoint {
  answer(ctx: RequestContext, outcome: HttpException | Response): void | Promise<void>;
}

/** The app options that place it behind a proxy: `rootPath` and `trustProxy`. */
export interface ProxySettings {
  rootPath: string;
  trustProxy: TrustProxy;
}

const DIRECT: ProxySettings = { rootPath: '', trustProxy: false };

/** How the listener treats a request no route matches, and where the app stands behind a proxy. */
export interface ListenerOptions extends Partial<ProxySettings> {
  /** Answer 307 to the other trailing-slash form of the path when a route is served there (default true). */
  redirectSlashes?: boolean;
}

/** Answers a refused upgrade: the error through the exception handlers, written on the socket. */
export type UpgradeRefusal = (ctx: RequestContext, socket: Duplex, err: HttpException) => void;

const NO_PARAMS: Record<string, string | undefined> = Object.freeze({}) as Record<string, string | undefined>;

function pipelineFailed(res: ServerResponse, err: unknown): void {
  console.error('zigmund: request pipeline failed', err);
  res.destroy();
}

/** The query of a URL no route matched, for middleware that reads it (the router parses it for matched ones). */
function queryOf(url: string): QueryValues {
  const start = url.indexOf('?');
  const query: QueryValues = {};
  if (start === -1) return query;
  for (const [key, value] of new URLSearchParams(url.slice(start + 1))) {
    const known = query[key];
    query[key] = known === undefined ? value : [...[known].flat(), value];
  }
  return query;
}

function missOf(table: RouteTable, found: ReturnType<RouteTable['find']>, url: string, redirectSlashes: boolean, consumed: string): HttpException | Response {
  if (found === 'bad-url') return new HttpException(400, 'Invalid percent-encoding in the request path');
  if (found?.store.socket) return new HttpException(426, 'Upgrade Required: this is a WebSocket route', { upgrade: 'websocket', connection: 'Upgrade' });
  const allowed = table.allowedMethods(url);
  if (allowed.length > 0) return new HttpException(405, 'Method Not Allowed', { allow: allowed.join(', ') });
  const location = redirectSlashes ? table.slashRedirect(url) : undefined;
  // 307 keeps the method and the body, as Starlette's redirect does.
  // Under a mount or a kept rootPath, the prefix the apps above routed past stays in front.
  if (location !== undefined) return Response.redirect(consumed + location, 307);
  return new HttpException(404, 'Not Found');
}

/** The `node:http` request listener: route lookup, then the route's compiled pipeline. */
export function createRequestListener(table: RouteTable, bodyLimit: number, fallback: FallbackEndpoint, options: ListenerOptions = {}) {
  const redirectSlashes = options.redirectSlashes !== false;
  const { rootPath = '', trustProxy = false } = options;
  return function dispatch(req: IncomingMessage, res: ServerResponse): void {
    const origin = enterApp(req, rootPath, trustProxy);
    const url = routeTarget(req.url ?? '/', origin);
    const found = table.find(req.method ?? 'GET', url);
    let done: void | Promise<void>;
    if (found === null || found === 'bad-url' || found.store.http === undefined) {
      const ctx = new RequestContext(req, NO_PARAMS, found === null || found === 'bad-url' ? queryOf(url) : found.searchParams, bodyLimit);
      ctx.res = res;
      done = fallback.answer(ctx, missOf(table, found, url, redirectSlashes, origin?.consumed ?? ''));
    } else {
      const ctx = new RequestContext(req, found.params, found.searchParams, bodyLimit);
      ctx.res = res;
      ctx.head = found.store.head;
      done = found.store.http.handle(ctx);
    }
    if (done !== undefined) done.catch((err) => pipelineFailed(res, err));
  };
}

/** Writes a `Response` on a socket that asked to upgrade, instead of the 101, then closes it. */
export function refuseUpgrade(socket: Duplex, out: Response): void {
  if (!socket.writable) return void socket.destroy();
  const headers: OutgoingHttpHeaders = { ...out.headers };
  const body = bodyOf(out, headers) ?? '';
  const status = out.statusCode ?? 403;
  const lines = [`HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}`, 'Connection: close', `Content-Length: ${Buffer.byteLength(body)}`];
  for (const [name, value] of Object.entries(headers)) {
    if (name === 'connection' || name === 'content-length' || value === undefined) continue;
    for (const one of [value].flat()) lines.push(`${name}: ${one}`);
  }
  socket.end(Buffer.concat([Buffer.from(`${lines.join('\r\n')}\r\n\r\n`), Buffer.from(body)]));
  socket.once('finish', () => socket.destroy());
}

/** The `node:http` 'upgrade' listener: WebSocket routes accept, everything else is refused. */
export function createUpgradeListener(table: RouteTable, refuse: UpgradeRefusal, proxy: ProxySettings = DIRECT) {
  const { rootPath, trustProxy } = proxy;
  return function onUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    socket.on('error', () => socket.destroy());
    const url = routeTarget(req.url ?? '/', enterApp(req, rootPath, trustProxy));
    const found = table.find('GET', url);
    const miss = (err: HttpException) => refuse(new RequestContext(req, NO_PARAMS, queryOf(req.url ?? '/'), 0), socket, err);
    if ((req.headers.upgrade ?? '').toLowerCase() !== 'websocket') return miss(new HttpException(400, 'Only WebSocket upgrades are supported'));
    if (found === 'bad-url') return miss(new HttpException(400, 'Invalid percent-encoding in the request path'));
    if (found === null) {
      // Clients do not follow redirects on a WebSocket handshake, so the other slash form is not
      // redirected: the 404 names the route's path instead.
      const declared = table.socketAtOtherForm(url);
      return miss(new HttpException(404, declared === undefined ? 'Not Found' : `Not Found: the WebSocket route is ${declared}`));
    }
    if (!found.store.socket) return miss(new HttpException(400, 'This route does not accept WebSocket upgrades'));
    found.store.socket.upgrade(req, socket, head, found.params, found.searchParams);
  };
}
