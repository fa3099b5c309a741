import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { STATUS_CODES } from 'node:http';
import { RequestContext } from './context.js';
import { enterApp, routeTarget, type TrustProxy } from './origin.js';
import type { RouteTable } from './router.js';

/** The app options that place it behind a proxy: `rootPath` and `trustProxy`. */
export interface ProxySettings {
  rootPath: string;
  trustProxy: TrustProxy;
}

const DIRECT: ProxySettings = { rootPath: '', trustProxy: false };

const JSON_HEADERS = { 'content-type': 'application/json' };

function answer(res: ServerResponse, status: number, detail: string, headers: Record<string, string> = {}): void {
  const body = JSON.stringify({ detail });
  res.writeHead(status, { ...JSON_HEADERS, ...headers, 'content-length': Buffer.byteLength(body) });
  res.end(res.req.method === 'HEAD' ? undefined : body);
}

function redirect(res: ServerResponse, location: string): void {
  res.writeHead(307, { location, 'content-length': 0 });
  res.end();
}

function pipelineFailed(res: ServerResponse, err: unknown): void {
  console.error('zigmund: request pipeline failed', err);
  res.destroy();
}

/** How the listener treats a request no route matches, and where the app stands behind a proxy. */
export interface ListenerOptions extends Partial<ProxySettings> {
  /** Answer 307 to the other trailing-slash form of the path when a route is served there (default true). */
  redirectSlashes?: boolean;
}

/** The `node:http` request listener: route lookup, then the route's compiled pipeline. */
export function createRequestListener(table: RouteTable, bodyLimit: number, options: ListenerOptions = {}) {
  const redirectSlashes = options.redirectSlashes !== false;
  const { rootPath = '', trustProxy = false } = options;
  return function dispatch(req: IncomingMessage, res: ServerResponse): void {
    const method = req.method ?? 'GET';
    const origin = enterApp(req, rootPath, trustProxy);
    const url = routeTarget(req.url ?? '/', origin);
    const found = table.find(method, url);
    if (found === 'bad-url') return answer(res, 400, 'Invalid percent-encoding in the request path');
    if (found === null || found.store.http === undefined) {
      if (found?.store.socket) return answer(res, 426, 'Upgrade Required: this is a WebSocket route', { upgrade: 'websocket', connection: 'Upgrade' });
      const allowed = table.allowedMethods(url);
      if (allowed.length > 0) return answer(res, 405, 'Method Not Allowed', { allow: allowed.join(', ') });
      const location = redirectSlashes ? table.slashRedirect(url) : undefined;
      // 307 keeps the method and the body, as Starlette's redirect does.
      // Under a mount or a kept rootPath, the prefix the apps above routed past stays in front.
      if (location !== undefined) return redirect(res, (origin?.consumed ?? '') + location);
      return answer(res, 404, 'Not Found');
    }
    const ctx = new RequestContext(req, found.params, found.searchParams, bodyLimit);
    const done = found.store.http.handle(ctx, res, found.store.head);
    if (done !== undefined) done.catch((err) => pipelineFailed(res, err));
  };
}

/** Writes a plain HTTP answer on a socket that asked to upgrade, then closes it. */
export function refuseUpgrade(socket: Duplex, status: number, detail: unknown, headers: Record<string, string> = {}): void {
  if (!socket.writable) return void socket.destroy();
  const body = JSON.stringify({ detail });
  const lines = [
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}`,
    'Connection: close',
    'Content-Type: application/json',
    `Content-Length: ${Buffer.byteLength(body)}`,
    ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`),
  ];
  socket.end(`${lines.join('\r\n')}\r\n\r\n${body}`);
  socket.once('finish', () => socket.destroy());
}

/** The `node:http` 'upgrade' listener: WebSocket routes accept, everything else is refused. */
export function createUpgradeListener(table: RouteTable, proxy: ProxySettings = DIRECT) {
  const { rootPath, trustProxy } = proxy;
  return function onUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    socket.on('error', () => socket.destroy());
    if ((req.headers.upgrade ?? '').toLowerCase() !== 'websocket') return refuseUpgrade(socket, 400, 'Only WebSocket upgrades are supported');
    const url = routeTarget(req.url ?? '/', enterApp(req, rootPath, trustProxy));
    const found = table.find('GET', url);
    if (found === 'bad-url') return refuseUpgrade(socket, 400, 'Invalid percent-encoding in the request path');
    if (found === null) {
      // Clients do not follow redirects on a WebSocket handshake, so the other slash form is not
      // redirected: the 404 names the route's path instead.
      const declared = table.socketAtOtherForm(url);
      return refuseUpgrade(socket, 404, declared === undefined ? 'Not Found' : `Not Found: the WebSocket route is ${declared}`);
    }
    if (!found.store.socket) return refuseUpgrade(socket, 400, 'This route does not accept WebSocket upgrades');
    found.store.socket.upgrade(req, socket, head, found.params, found.searchParams);
  };
}
