import { createServer, type IncomingMessage, type RequestListener, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { Duplex } from 'node:stream';
import type { AddressInfo } from 'node:net';
import { Arena } from '../di/arena.js';
import { Container } from '../di/container.js';
import { closeOnSignals, drain, Lifespan, type LifespanFn, type LifespanHook } from '../di/lifespan.js';
import type { FormLimits } from '../http/multipart.js';
import type { RequestContext } from '../http/context.js';
import type { HttpException } from '../http/exceptions.js';
import { ExceptionHandlers, type ExceptionHandler } from '../http/exception-handlers.js';
import { Request, type RequestSite } from '../http/request.js';
import { Response } from '../http/response.js';
import type { RouteDefinition } from '../http/route.js';
import type { ParamSpec } from '../metadata/records.js';
import { inheritRouteOptions, type HttpRouteOptions, type InheritedRouteOptions, type WebSocketOptions } from '../metadata/route-options.js';
import { fillPath, parsePath, type PathTemplate } from '../http/path-template.js';
import { RouteTable } from '../http/router.js';
import { appMount, handlerMount, type NodeHandler } from '../http/mount.js';
import { frontend, type FrontendOptions } from '../http/frontend.js';
import { layeredMount } from './compile-mount.js';
import type { TrustProxy } from '../http/origin.js';
import { applyConnectionLimits, type ConnectionLimits, type TlsOptions } from '../http/listen-options.js';
import { createRequestListener, onClientError, createUpgradeListener, refuseUpgrade } from '../http/server.js';
import { clusterAdapter, startClusterRelay } from '../hub/cluster-adapter.js';
import { Hub, type HubOptions } from '../hub/hub.js';
import type { Middleware } from '../http/middleware.js';
import type { HttpMethod } from '../metadata/records.js';
import { asyncapiOf, openapiOf } from '../openapi/app-documents.js';
import { registerDocsRoutes, type DocsOptions } from '../openapi/docs-routes.js';
import type { AsyncApiDocument, OpenApiDocument } from '../openapi/types.js';
import { resolveMaxJsonDepth } from '../validation/json-depth.js';
import { Connection } from '../websocket/connection.js';
import type { HttpHandlerFn, SocketHandlerFn } from './handlers.js';
import { compileFallback, compileHttpRoute, type CompileSettings } from './compile-route.js';
import { compileSocketRoute, shutdownSteps, type SocketRegistry } from './compile-socket.js';
import { BootstrapError } from '../metadata/bootstrap-error.js';
import { joinPath } from './paths.js';
import { createRouter, type Router, type RouterFrontend, type RouterOptions, type RouterRoute } from './router.js';
import { listenSettings } from './serve-options.js';
import { followPrimary, isForkedWorker, workerCount, WorkerSupervisor, type WorkerCount } from './workers.js';

/** Options of `createApp()` and `bootstrap()`. */
export interface AppOptions extends DocsOptions {
  /** Request body limit in bytes (default 1 MiB); over it: 413. */
  bodyLimit?: number;
  /**
   * How deep JSON bodies and WebSocket JSON messages may nest objects and arrays (default 64,
   * at most 256); deeper is a 422 `json_too_deep`.
   */
  maxJsonDepth?: number;
  /** Limits of multipart and urlencoded forms (default 16 MiB in all, 10 MiB a file, 10 files, 100 fields of 64 KiB). */
  formLimits?: Partial<FormLimits>;
  /**
   * FastAPI's strict content-type checking (default true): a JSON route's body is parsed only
   * when sent as `application/json` (or `+json`); any other is validated as text, a 422.
   * `false` also parses a body sent without a `Content-Type` as JSON.
   */
  strictContentType?: boolean;
  /**
   * A request to the other trailing-slash form of a route's path (`/items` for `/items/`)
   * answers 307 to the route's own, method, body and query kept (default true). `false`: 404.
   */
  redirectSlashes?: boolean;
  /** Print the URL when `serve()` is listening (default true). */
  logStartup?: boolean;
  /** Run before `serve()` accepts connections, after providers' `@OnStartup()` hooks. */
  onStartup?: LifespanHook | LifespanHook[];
  /** Run at shutdown, after in-flight requests finished and before providers' `@OnShutdown()` hooks. */
  onShutdown?: LifespanHook | LifespanHook[];
  /** FastAPI's lifespan: an (async) generator whose code before `yield` runs at startup, after it at shutdown. */
  lifespan?: LifespanFn<App>;
  /** How long `close()` lets in-flight requests and WebSocket handlers finish before cutting them (default 10 000 ms). */
  shutdownGraceMs?: number;
  /** While serving, SIGTERM and SIGINT close the app gracefully and exit with code 0 (default true). */
  handleSignals?: boolean;
  /** The app's `Hub` (rooms and broadcast): its adapter and the fan-out's `maxBufferedBytes`. */
  hub?: HubOptions;
  /**
   * The path prefix a proxy serves the app under (`/api`), as FastAPI's `root_path`: shown in
   * `req.fullUrl`, `req.urlFor` and the docs. A request target that still starts with it is
   * routed without it.
   */
  rootPath?: string;
  /**
   * Believe `X-Forwarded-Proto`, `-Host` and `-For` (default false: they are ignored): `true`
   * for any number of proxies, a number for that many in front of the app.
   */
  trustProxy?: TrustProxy;
  /** Answer every framework error as RFC 9457 `application/problem+json` (default false: FastAPI's `{"detail": …}`). */
  problemDetails?: boolean;
  /**
   * The content type of every HTTP route that does not set its own `contentType`, as FastAPI's
   * `default_response_class`: `'text/html; charset=utf-8'` writes returned strings as HTML and
   * documents them so. Objects are still answered as JSON.
   */
  defaultContentType?: string;
  /**
   * Dependencies run before every route of the app, for their effect, as FastAPI's
   * `FastAPI(dependencies=[...])`: before the controller's and the route's own. The
   * documentation routes (`/docs`, `/openapi.json`, …) do not run them.
   */
  dependencies?: unknown[];
  /**
   * Extra responses documented on every HTTP route, as FastAPI's `FastAPI(responses=...)`:
   * under the controller's and the route's own (theirs win for the same code).
   */
  responses?: HttpRouteOptions['responses'];
  /** Callbacks documented on every HTTP route, under the controller's and the route's own. */
  callbacks?: HttpRouteOptions['callbacks'];
}

/** Where and how `app.serve()` listens, and the limits it holds connections to. */
export interface ServeOptions extends ConnectionLimits {
  host?: string;
  port?: number;
  /** Serve HTTPS and WSS with this key and certificate (PEM) instead of HTTP and WS. */
  tls?: TlsOptions;
  /**
   * Worker processes on node:cluster (default 1: this process serves). With more, this process
   * becomes their primary: each worker runs the entry script again, builds its own app and
   * listens on the same port. `'auto'` is `os.availableParallelism()`.
   */
  workers?: WorkerCount;
}

const DEFAULT_BODY_LIMIT = 1024 * 1024;
const DEFAULT_SHUTDOWN_GRACE_MS = 10_000;

/** A Zigmund application: the route table, the injector, and the `node:http` server. */
export class App {
  /** The options the app was created with. */
  readonly config: AppOptions;
  /**
   * Values of your own that live as long as the app (a client, settings), as FastAPI's
   * `app.state`; handlers reach it through `req.app`.
   * @example app.state.startedAt = Date.now();
   */
  readonly state: Record<string, unknown> = {};
  readonly routes: RouteDefinition[] = [];
  readonly container = new Container();
  private httpServer: Server;
  /** The `node:http` request listener, for in-process requests. */
  readonly handle: RequestListener;
  /** Rooms and broadcast, the same instance handlers get by asking for a `Hub`. */
  readonly hub: Hub;
  /** The `node:http` 'upgrade' listener, through which WebSockets open. */
  readonly handleUpgrade: (req: IncomingMessage, socket: Duplex, head: Buffer) => void;
  private readonly table = new RouteTable();
  private readonly named = new Map<string, PathTemplate>();
  private readonly site: RequestSite;
  private readonly sockets: SocketRegistry = { open: new Map() };
  private readonly handlers: ExceptionHandlers;
  private readonly middleware: Middleware[] = [];
  private readonly settings: CompileSettings;
  /** Every compiled endpoint, recomposed when `use()` adds app-wide middleware. */
  private readonly layered: { useAppMiddleware(middleware: readonly Middleware[]): void }[] = [];
  private listening = false;
  private readonly maxJsonDepth: number;
  private readonly lifespan: Lifespan<App>;
  private closing: Promise<void> | undefined;
  private stopSignals: (() => void) | undefined;
  private supervisor: WorkerSupervisor | undefined;
  private readonly mounted: App[] = [];
  /** Set after the documentation routes are registered, so those stay open and undocumented. */
  private appDependencies: readonly unknown[] = [];
  private appDocs: InheritedRouteOptions = {};

  constructor(options: AppOptions = {}) {
    this.config = options;
    this.lifespan = new Lifespan<App>(this.container, options, this);
    this.maxJsonDepth = resolveMaxJsonDepth(options.maxJsonDepth);
    this.site = { app: this, urlPathFor: (name, params) => this.urlPathFor(name, params), formLimits: options.formLimits, maxJsonDepth: this.maxJsonDepth };
    // The workers of serve({ workers }) share rooms through the primary unless told otherwise.
    this.hub = new Hub({ ...options.hub, adapter: options.hub?.adapter ?? (isForkedWorker() ? clusterAdapter() : undefined) });
    const bodyLimit = options.bodyLimit ?? DEFAULT_BODY_LIMIT;
    this.handlers = new ExceptionHandlers(options.problemDetails === true);
    this.settings = {
      container: this.container,
      hub: this.hub,
      bodyLimit,
      formLimits: options.formLimits,
      strictContentType: options.strictContentType,
      maxJsonDepth: this.maxJsonDepth,
      site: this.site,
      handlers: this.handlers,
      middleware: this.middleware,
    };
    const fallback = compileFallback(this.settings);
    this.layered.push(fallback);
    const proxy = { rootPath: mountPrefix(options.rootPath ?? '', 'rootPath'), trustProxy: trustProxyOption(options.trustProxy) };
    this.handle = createRequestListener(this.table, bodyLimit, fallback, { redirectSlashes: options.redirectSlashes, ...proxy });
    const refuse = (ctx: RequestContext, socket: Duplex, err: HttpException) => {
      const out = this.handlers.respond(err, ctx);
      if (out instanceof Promise) void out.then((answer) => refuseUpgrade(socket, answer));
      else refuseUpgrade(socket, out);
    };
    this.handleUpgrade = createUpgradeListener(this.table, refuse, proxy);
    this.httpServer = this.listenOn(createServer(this.handle));
    registerDocsRoutes(this);
    this.appDependencies = options.dependencies ?? [];
    this.appDocs = { responses: options.responses, callbacks: options.callbacks };
  }

  /** The `node:http` server (`node:https` once `serve({ tls })` started); not listening until `serve()`. */
  get server(): Server {
    return this.httpServer;
  }

  private listenOn(server: Server): Server {
    server.on('upgrade', this.handleUpgrade);
    server.on('clientError', onClientError);
    return server;
  }

  /** Providers and dependencies replaced in tests: `app.dependencyOverrides.set(getDb, fakeDb)`. */
  get dependencyOverrides(): Map<unknown, unknown> {
    return this.container.overrides;
  }

  /** The OpenAPI 3.1 document of the routes, built on first use and again after routes are added. */
  openapi(): OpenApiDocument {
    return openapiOf(this);
  }

  /** The AsyncAPI 3.0 document of the WebSocket routes, built like `openapi()`. */
  asyncapi(): AsyncApiDocument {
    return asyncapiOf(this);
  }

  /**
   * The path of the route named `name` (its `name` option, or `Controller.method`), with its
   * parameters filled in and percent-encoded (a catch-all keeps its slashes).
   * @example app.urlPathFor('readItem', { id: 3 }) // '/items/3'
   */
  urlPathFor(name: string, params: Record<string, unknown> = {}): string {
    const template = this.named.get(name);
    if (!template) throw new Error(`urlFor: no route is named "${name}"`);
    return fillPath(template, params, name);
  }

  /**
   * Adds app-wide middleware, outside every controller's and route's, in the order added; it
   * also runs for requests no route serves (404, 405), so `cors()` can answer preflights.
   * Call it before `serve()`, after `bootstrap()` if you like.
   * @example app.use(cors({ allowOrigins: ['https://app.example'] }));
   */
  use(...middleware: Middleware[]): this {
    if (this.listening) throw new Error('app.use() must be called before serve()');
    for (const mw of middleware) if (typeof mw !== 'function') throw new TypeError(`app.use(): ${String(mw)} is not a middleware function`);
    this.middleware.push(...middleware);
    for (const endpoint of this.layered) endpoint.useAppMiddleware(this.middleware);
    return this;
  }

  /**
   * Answers errors of `errorClass` (and its subclasses) with `handler`'s Response; the handler
   * of the most specific class wins. Also overrides the framework's own answers:
   * `RequestValidationError` (422) and `HttpException` (404, 405, …).
   * @example app.exceptionHandler(OutOfStock, (err, req) => Response.json({ sku: err.sku }, 409));
   */
  exceptionHandler<E>(errorClass: abstract new (...args: never[]) => E, handler: ExceptionHandler<E>): this {
    this.handlers.set(errorClass, handler);
    return this;
  }

  /** Adds a compiled route to the table; duplicates and unresolvable parameters throw `BootstrapError`. */
  addRoute(route: RouteDefinition): void {
    let definition = this.appDependencies.length === 0 ? route : { ...route, dependencies: [...this.appDependencies, ...route.dependencies] };
    const inherited = inheritRouteOptions(definition.options, definition.kind, this.appDocs);
    if (inherited !== definition.options) definition = { ...definition, options: inherited };
    const settings = this.settings;
    const defaultContentType = this.config.defaultContentType;
    if (defaultContentType !== undefined && definition.kind === 'http' && (definition.options as HttpRouteOptions).contentType === undefined) {
      definition = { ...definition, options: { ...definition.options, contentType: defaultContentType } };
    }
    const template = parsePath(definition.path);
    const names = [definition.options.name, definition.controller && definition.methodName ? `${definition.controller}.${definition.methodName}` : undefined];
    for (const name of names) {
      if (name !== undefined && this.named.has(name)) throw new BootstrapError(`${definition.owner}: another route is already named "${name}"`);
    }
    try {
      for (const mw of definition.middleware ?? []) if (typeof mw !== 'function') throw new BootstrapError(`${definition.owner}: middleware ${String(mw)} is not a function`);
      const { routerPath } = template;
      if (definition.kind === 'http') {
        const route = compileHttpRoute(definition, settings);
        this.table.addHttp(definition.method, routerPath, route);
        this.layered.push(route);
      } else {
        const route = compileSocketRoute(definition, settings, this.sockets);
        this.table.addSocket(routerPath, route);
        this.layered.push(route);
      }
    } catch (err) {
      if (err instanceof BootstrapError) throw err;
      throw new BootstrapError(`${definition.owner}: ${(err as Error).message}`);
    }
    this.routes.push(definition);
    for (const name of names) if (name !== undefined) this.named.set(name, template);
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

  trace(path: string, handler: HttpHandlerFn, options?: HttpRouteOptions): this {
    return this.route('TRACE', path, handler, options);
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

  /**
   * Serves `target` under `prefix`: another Zigmund app (its routes, WebSockets, and its own
   * `/docs` and `/openapi.json` under the prefix), `staticFiles({ directory })`, or any Node
   * `(req, res)` handler such as an Express app. This app's own routes win over the mount.
   * `name` makes the mount a target of `urlFor(name, { path })`: the prefix followed by `path`
   * (`/styles.css` under a mount named `static` at `/static` is `/static/styles.css`), as
   * Starlette's named mounts.
   * @example app.mount('/static', staticFiles({ directory: 'public' }), { name: 'static' }).mount('/legacy', expressApp);
   */
  mount(prefix: string, target: App | NodeHandler, options: { name?: string } = {}): this {
    const path = mountPrefix(prefix, 'app.mount()');
    if (target === this) throw new BootstrapError('app.mount(): an app cannot mount itself');
    const { name } = options;
    if (name !== undefined && this.named.has(name)) throw new BootstrapError(`app.mount(${JSON.stringify(prefix)}): another route is already named "${name}"`);
    let endpoints;
    if (target instanceof App) endpoints = appMount(path, target);
    else if (typeof target === 'function') endpoints = handlerMount(path, target, path || '/');
    else throw new BootstrapError(`app.mount(${JSON.stringify(prefix)}): mount a Zigmund app or a (req, res) function`);
    // The app's middleware wraps what it mounts, as Starlette's does.
    const layered = layeredMount(endpoints, this.settings, path);
    layered.useAppMiddleware(this.middleware);
    this.layered.push(layered);
    try {
      this.table.addMount(path, layered);
    } catch (err) {
      throw new BootstrapError(`app.mount(): ${(err as Error).message}`);
    }
    if (target instanceof App) this.mounted.push(target);
    if (name !== undefined) {
      this.named.set(name, parsePath(`${path}{path:path}`));
    }
    return this;
  }

  /**
   * Serves a built frontend (an SPA's `dist`) under `path`, as FastAPI's `app.frontend()`: the
   * app's routes first, then the folder's files, then the fallback (`index.html` to browser
   * navigations for client-side routing, or the folder's `404.html`); see `frontend()`.
   * @example app.frontend('/', { directory: 'dist' });
   */
  frontend(path: string, options: FrontendOptions): this {
    return this.mount(path, frontend(options));
  }

  /**
   * Adds the routes of `router` (and of the routers it includes) under `options` — a prefix,
   * tags, dependencies, middleware, documentation options — as FastAPI's
   * `app.include_router(router, prefix=…, tags=…)`; routes added to `router` later are added too.
   * @example app.includeRouter(adminRouter, { prefix: '/admin', tags: ['admin'], dependencies: [checkToken] });
   */
  includeRouter(router: Router, options: RouterOptions = {}): this {
    const inclusion = createRouter().includeRouter(router, options);
    const add = (item: RouterRoute | RouterFrontend): void => {
      if (item.kind === 'frontend') return this.includeFrontend(item);
      const { kind, method, path, handler, options: routeOptions } = item;
      if (kind === 'websocket') this.websocket(path, handler as SocketHandlerFn, routeOptions as WebSocketOptions);
      else this.route(method, path, handler as HttpHandlerFn, routeOptions as HttpRouteOptions);
    };
    // Routes win over frontends in the route table whatever the order they are added in.
    for (const item of inclusion.items()) add(item);
    inclusion.onRoute(add);
    return this;
  }

  private includeFrontend({ path, options, guarded }: RouterFrontend): void {
    if (guarded) {
      throw new BootstrapError(`router.frontend(${JSON.stringify(path)}): frontend answers run no dependencies or router middleware; include its router without them`);
    }
    this.frontend(path, options);
  }

  private route(method: HttpMethod, path: string, handler: HttpHandlerFn, options: HttpRouteOptions = {}): this {
    this.addRoute(functionRoute('http', method, path, handler, options, `${method} ${path}`, [Request, Response, Arena]));
    return this;
  }

  /**
   * Runs the startup hooks, then starts listening (default 127.0.0.1:8000) and resolves with the URL;
   * with `workers` above 1, forks the worker processes that do so and resolves once all listen.
   */
  async serve(options: ServeOptions = {}): Promise<string> {
    const { host = '127.0.0.1', port = 8000, workers } = options;
    const settings = listenSettings(options);
    const count = workerCount(workers);
    if (count > 1 && !isForkedWorker()) return this.serveWorkers(count, settings.tls !== undefined);
    if (this.server.listening) throw new BootstrapError('serve(): the app is already serving');
    if (settings.tls) this.httpServer = this.listenOn(createHttpsServer({ key: settings.tls.key, cert: settings.tls.cert }, this.handle));
    applyConnectionLimits(this.server, settings);
    await this.startup();
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, host, () => {
        this.server.off('error', reject);
        resolve();
      });
    });
    this.listening = true;
    if (this.config.handleSignals !== false) this.stopSignals = closeOnSignals(() => this.close());
    // The primary prints the one startup line of a worker pool.
    const worker = isForkedWorker();
    if (worker) followPrimary(() => this.close());
    const address = this.server.address() as AddressInfo;
    const url = `${settings.tls ? 'https' : 'http'}://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`;
    if (this.config.logStartup !== false && !worker) console.log(`Zigmund serving ${this.config.title ?? 'app'} on ${url}`);
    return url;
  }

  /** The primary of `serve({ workers })`: the app's hooks run in the workers, not here. */
  private async serveWorkers(count: number, tls: boolean): Promise<string> {
    startClusterRelay();
    this.supervisor = new WorkerSupervisor({
      count,
      scheme: tls ? 'https' : 'http',
      title: this.config.title ?? 'app',
      logStartup: this.config.logStartup !== false,
      graceMs: this.config.shutdownGraceMs ?? DEFAULT_SHUTDOWN_GRACE_MS,
    });
    const url = await this.supervisor.start();
    if (this.config.handleSignals !== false) this.stopSignals = closeOnSignals(() => this.close());
    return url;
  }

  /** The port `serve()` is listening on. */
  get port(): number | undefined {
    const address = this.server.address();
    return typeof address === 'object' && address ? address.port : undefined;
  }

  /** Runs the startup hooks once; `serve()` does it, call it to start an app used only through the TestClient. */
  async startup(): Promise<void> {
    await this.hub.start();
    await this.lifespan.startup();
    for (const app of this.mounted) await app.startup();
  }

  /**
   * Stops gracefully, once: stops accepting, closes WebSockets with 1001, lets in-flight
   * requests finish (their teardowns and background tasks too) within `shutdownGraceMs`,
   * then runs the shutdown hooks and disposes disposable singletons.
   */
  close(): Promise<void> {
    this.closing ??= this.stop();
    return this.closing;
  }

  private async stop(): Promise<void> {
    this.stopSignals?.();
    await this.supervisor?.stop();
    const listening = this.listening;
    this.listening = false;
    const sockets = shutdownSteps(this.sockets);
    const graceMs = this.config.shutdownGraceMs ?? DEFAULT_SHUTDOWN_GRACE_MS;
    // Mounted apps close their WebSockets and wait for their own work while this server drains.
    await Promise.all([drain({ server: this.server, listening, sockets, work: this.container.work, graceMs }), ...this.mounted.map((app) => app.close())]);
    await this.lifespan.shutdown();
    await this.hub.close().catch((err: unknown) => console.error('zigmund: closing the hub adapter failed', err));
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
    middleware: options.middleware ?? [],
  };
}

/** `/api/` → `/api`, `/` → ``: a literal path prefix, without parameters. */
function mountPrefix(prefix: string, what: string): string {
  const path = `/${prefix}`.replace(/\/{2,}/g, '/').replace(/\/$/, '');
  if (/[:*?#{}\s]/.test(path)) throw new BootstrapError(`${what}: ${JSON.stringify(prefix)} must be a literal path, without parameters, wildcards or a query`);
  return path;
}

function trustProxyOption(value: TrustProxy | undefined): TrustProxy {
  if (value === undefined || typeof value === 'boolean') return value ?? false;
  if (Number.isInteger(value) && value >= 0) return value;
  throw new BootstrapError(`trustProxy: true, false or a number of proxies, not ${String(value)}`);
}

/** Creates an app without classes; routes are added with `app.get(...)`, `app.websocket(...)`, … */
export function createApp(options: AppOptions = {}): App {
  return new App(options);
}
