import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Arena } from '../di/arena.js';
import { Container } from '../di/container.js';
import type { FormLimits } from '../http/body.js';
import { Request } from '../http/request.js';
import { Response } from '../http/response.js';
import type { HttpRouteOptions, ParamSpec, RouteDefinition } from '../http/route.js';
import { RouteTable } from '../http/router.js';
import { createRequestListener, createUpgradeListener } from '../http/server.js';
import type { HttpMethod } from '../metadata/records.js';
import { Connection } from '../websocket/connection.js';
import type { WebSocketOptions } from '../websocket/options.js';
import { compileHttpRoute } from './compile-route.js';
import { compileSocketRoute, type SocketRegistry } from './compile-socket.js';
import { BootstrapError } from './errors.js';
import { joinPath } from './paths.js';

/** Options of `createApp()` and `bootstrap()`. */
export interface AppOptions {
  title?: string;
  version?: string;
  description?: string;
  /** Request body limit in bytes (default 1 MiB); over it: 413. */
  bodyLimit?: number;
  /** Limits of multipart and urlencoded forms. */
  formLimits?: Partial<FormLimits>;
  /** Print the URL when `serve()` is listening (default true). */
  logStartup?: boolean;
}

/** Where and how `app.serve()` listens. */
export interface ServeOptions {
  host?: string;
  port?: number;
}

export type HttpHandlerFn = (req: Request, res: Response, arena: Arena) => unknown;
export type SocketHandlerFn = ((conn: Connection, req: Request, arena: Arena) => unknown) | ((conn: Connection, arena: Arena) => unknown);

const DEFAULT_BODY_LIMIT = 1024 * 1024;

/** A Zigmund application: the route table, the injector, and the `node:http` server. */
export class App {
  /** The options the app was created with. */
  readonly config: AppOptions;
  readonly routes: RouteDefinition[] = [];
  readonly container = new Container();
  /** The `node:http` server; not listening until `serve()`. */
  readonly server: Server;
  /** The `node:http` request listener, for in-process requests. */
  readonly handle: RequestListener;
  private readonly table = new RouteTable();
  private readonly sockets: SocketRegistry = { open: new Set() };
  private listening = false;

  constructor(options: AppOptions = {}) {
    this.config = options;
    const bodyLimit = options.bodyLimit ?? DEFAULT_BODY_LIMIT;
    this.handle = createRequestListener(this.table, bodyLimit);
    this.server = createServer(this.handle);
    this.server.on('upgrade', createUpgradeListener(this.table));
    this.server.on('clientError', (err, socket) => {
      if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      else socket.destroy(err);
    });
  }

  /** Providers and dependencies replaced in tests: `app.dependencyOverrides.set(getDb, fakeDb)`. */
  get dependencyOverrides(): Map<unknown, unknown> {
    return this.container.overrides;
  }

  /** Adds a compiled route to the table; duplicates and unresolvable parameters throw `BootstrapError`. */
  addRoute(definition: RouteDefinition): void {
    const settings = { container: this.container, bodyLimit: this.config.bodyLimit ?? DEFAULT_BODY_LIMIT, formLimits: this.config.formLimits };
    try {
      if (definition.kind === 'http') this.table.addHttp(definition.method, definition.path, compileHttpRoute(definition, settings));
      else this.table.addSocket(definition.path, compileSocketRoute(definition, settings, this.sockets));
    } catch (err) {
      if (err instanceof BootstrapError) throw err;
      throw new BootstrapError(`${definition.owner}: ${(err as Error).message}`);
    }
    this.routes.push(definition);
  }

  get(path: string, handler: HttpHandlerFn, options?: HttpRouteOptions): this {
    return this.route('GET', path, handler, options);
  }

  post(path: string, handler: HttpHandlerFn, options?: HttpRouteOptions): this {
    return this.route('POST', path, handler, options);
  }

  put(path: string, handler: HttpHandlerFn, options?: HttpRouteOptions): this {
    return this.route('PUT', path, handler, options);
  }

  patch(path: string, handler: HttpHandlerFn, options?: HttpRouteOptions): this {
    return this.route('PATCH', path, handler, options);
  }

  delete(path: string, handler: HttpHandlerFn, options?: HttpRouteOptions): this {
    return this.route('DELETE', path, handler, options);
  }

  head(path: string, handler: HttpHandlerFn, options?: HttpRouteOptions): this {
    return this.route('HEAD', path, handler, options);
  }

  options(path: string, handler: HttpHandlerFn, options?: HttpRouteOptions): this {
    return this.route('OPTIONS', path, handler, options);
  }

  /**
   * A WebSocket route with a function handler: `(conn, req, arena)`, or Zigmund's
   * `(conn, arena)` when the function declares exactly two parameters.
   */
  websocket(path: string, handler: SocketHandlerFn, options: WebSocketOptions = {}): this {
    const owner = `WEBSOCKET ${path}`;
    const types = handler.length === 2 ? [Connection, Arena] : [Connection, Request, Arena];
    this.addRoute(functionRoute('websocket', 'GET', path, handler, options, owner, types));
    return this;
  }

  private route(method: HttpMethod, path: string, handler: HttpHandlerFn, options: HttpRouteOptions = {}): this {
    this.addRoute(functionRoute('http', method, path, handler, options, `${method} ${path}`, [Request, Response, Arena]));
    return this;
  }

  /** Starts listening (default 127.0.0.1:8000) and resolves with the URL. */
  async serve({ host = '127.0.0.1', port = 8000 }: ServeOptions = {}): Promise<string> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, host, () => {
        this.server.off('error', reject);
        resolve();
      });
    });
    this.listening = true;
    const address = this.server.address() as AddressInfo;
    const url = `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`;
    if (this.config.logStartup !== false) console.log(`Zigmund serving ${this.config.title ?? 'app'} on ${url}`);
    return url;
  }

  /** The port `serve()` is listening on. */
  get port(): number | undefined {
    const address = this.server.address();
    return typeof address === 'object' && address ? address.port : undefined;
  }

  /** Stops accepting, closes WebSockets with 1001 and waits for their handlers, then ends idle connections. */
  async close(): Promise<void> {
    const closing = this.listening ? new Promise<void>((resolve) => this.server.close(() => resolve())) : Promise.resolve();
    this.listening = false;
    await Promise.all([...this.sockets.open].map((session) => session.shutdown()));
    this.server.closeIdleConnections();
    await closing;
  }
}

function functionRoute(kind: 'http' | 'websocket', method: HttpMethod, path: string, handler: Function, options: HttpRouteOptions | WebSocketOptions, owner: string, types: unknown[]): RouteDefinition {
  const count = Math.min(Math.max(handler.length, kind === 'websocket' ? 1 : 0), types.length);
  const params: ParamSpec[] = types.slice(0, count).map((type, index) => ({ index, source: 'type', type }));
  return {
    kind,
    method,
    path: joinPath('', path, owner),
    handler: handler as RouteDefinition['handler'],
    params,
    options,
    owner,
    tags: options.tags ?? [],
    dependencies: options.dependencies ?? [],
  };
}

/** Creates an app without classes; routes are added with `app.get(...)`, `app.websocket(...)`, … */
export function createApp(options: AppOptions = {}): App {
  return new App(options);
}
