import type { IncomingMessage, OutgoingHttpHeaders, Server, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { STATUS_CODES } from 'node:http';
import { Server as TlsServer } from 'node:tls';
import { RequestContext } from './context.js';
import { HttpException } from './exceptions.js';
import { maxHeaderSizeOf } from './listen-options.js';
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

/** The last resort when answering failed (an exception handler threw): logged, and the connection ended. */
export function pipelineFailed(res: ServerResponse, err: unknown): void {
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

function destroyOnError(this: Duplex): void {
  this.destroy();
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

/**
 * The `node:http` 'upgrade' listener: WebSocket routes accept; a request asking for any other
 * protocol (`h2c`, as `curl --http2` sends) is served as plain HTTP/1.1, as RFC 9110 §7.8 lets a
 * server ignore the header.
 */
export function createUpgradeListener(table: RouteTable, refuse: UpgradeRefusal, proxy: ProxySettings = DIRECT) {
  const { rootPath, trustProxy } = proxy;
  return function onUpgrade(this: Server | undefined, req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const miss = (err: HttpException) => refuse(new RequestContext(req, NO_PARAMS, queryOf(req.url ?? '/'), 0), socket, err);
    if (!isWebSocketUpgrade(req)) {
      // Called by a server, the listener gives the socket back to it; called directly, it can only refuse.
      if (this !== undefined && typeof this.emit === 'function') return serveAsHttp1(this, req, socket, head);
      return miss(new HttpException(400, 'Only WebSocket upgrades are supported'));
    }
    // A shared function, not an arrow: an arrow here would share this call's closure context
    // with `miss`, which holds `req`, and the listener keeps that context (the upgrade request,
    // its headers) alive for as long as the WebSocket is open.
    socket.on('error', destroyOnError);
    const url = routeTarget(req.url ?? '/', enterApp(req, rootPath, trustProxy));
    const found = table.find('GET', url);
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

function isWebSocketUpgrade(req: IncomingMessage): boolean {
  return (req.headers.upgrade ?? '').split(',').some((protocol) => protocol.trim().toLowerCase() === 'websocket');
}

const UPGRADE_HEADERS = new Set(['upgrade', 'http2-settings']);

/**
 * Node hands every request with an `Upgrade` header to the 'upgrade' listener, its socket
 * detached from the HTTP parser. This gives the socket back: the request's head is written again
 * without the upgrade headers, put back in front of the unread bytes, and the socket is handed to
 * the server as a new connection (which Node documents as the way to inject one), so the
 * request is parsed and answered as any other, body and keep-alive included.
 */
function serveAsHttp1(server: Server, req: IncomingMessage, socket: Duplex, head: Buffer): void {
  const lines = [`${req.method} ${req.url} HTTP/${req.httpVersion}`];
  const raw = req.rawHeaders;
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i];
    const lower = name.toLowerCase();
    if (UPGRADE_HEADERS.has(lower)) continue;
    let value = raw[i + 1];
    if (lower === 'connection') {
      value = value
        .split(',')
        .map((token) => token.trim())
        .filter((token) => token !== '' && !UPGRADE_HEADERS.has(token.toLowerCase()))
        .join(', ');
      if (value === '') continue;
    }
    lines.push(`${name}: ${value}`);
  }
  if (head.length > 0) socket.unshift(head);
  socket.unshift(Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'latin1'));
  acceptConnection(server, socket);
}

/**
 * Hands `socket` to `server` as a new connection to read HTTP from, as Node documents for
 * injecting one. An HTTPS server reads HTTP on 'secureConnection' ('connection' would start a
 * TLS handshake on it), so a socket already decrypted, or an in-process one, goes there.
 */
export function acceptConnection(server: Server, socket: Duplex): void {
  server.emit(server instanceof TlsServer ? 'secureConnection' : 'connection', socket);
}

interface ClientError extends Error {
  code?: string;
  rawPacket?: Buffer;
}

/**
 * The status of a request Node could not parse, as Node's own default answers it, with one
 * addition: headers that overflow while still in the request line are an over-long URL, 414.
 */
function clientErrorStatus(err: ClientError, maxHeaderSize: number): number {
  switch (err.code) {
    case 'HPE_HEADER_OVERFLOW':
      return requestLineOverflowed(err.rawPacket, maxHeaderSize) ? 414 : 431;
    case 'HPE_CHUNK_EXTENSIONS_OVERFLOW':
      return 413;
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return 408;
    default:
      return 400;
  }
}

const REQUEST_LINE_START = /^[A-Z]+ /;

// The packet Node failed on starts with the request when it arrived in one read; the request
// line alone is then over the limit, or ends past the packet's end.
function requestLineOverflowed(packet: Buffer | undefined, maxHeaderSize: number): boolean {
  if (packet === undefined || !REQUEST_LINE_START.test(packet.toString('latin1', 0, 16))) return false;
  const end = packet.indexOf('\r\n');
  return end === -1 || end >= maxHeaderSize;
}

/**
 * The `node:http` 'clientError' listener: 400, 408, 413, 414 or 431 with `Connection: close`,
 * unless an answer to an earlier request on the connection is being written (then writing
 * would corrupt it: the connection is only closed).
 */
export function onClientError(this: Server, err: ClientError, socket: Duplex): void {
  // Node's default handler checks the same field.
  const inFlight = (socket as { _httpMessage?: ServerResponse | null })._httpMessage;
  if (!socket.writable || inFlight?.headersSent) return void socket.destroy();
  const status = clientErrorStatus(err, maxHeaderSizeOf(this));
  socket.end(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}
