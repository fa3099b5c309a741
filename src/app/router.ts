import type { FrontendOptions } from '../http/frontend.js';
import type { Middleware } from '../http/middleware.js';
import type { HttpMethod } from '../metadata/records.js';
import { inheritRouteOptions, type HttpRouteOptions, type InheritedRouteOptions, type WebSocketOptions } from '../metadata/route-options.js';
import type { HttpHandlerFn, SocketHandlerFn } from './handlers.js';

/**
 * What a router, or one inclusion of it, hands down to its routes, as FastAPI's `APIRouter(...)`
 * and `include_router(...)`: a path prefix, tags, dependencies and middleware before the
 * routes' own, and the documentation options of a controller.
 */
export interface RouterOptions extends InheritedRouteOptions {
  /** Put before each route's path, literally (`/items` + `/:id`); nested prefixes add up. */
  prefix?: string;
  tags?: string[];
  /** Run before each route's own dependencies (an outer router's first). */
  dependencies?: unknown[];
  /** Around each route's own middleware (an outer router's outermost). */
  middleware?: Middleware[];
}

/** One route of a router, as the app adds it. */
export interface RouterRoute {
  kind: 'http' | 'websocket';
  method: HttpMethod;
  path: string;
  handler: HttpHandlerFn | SocketHandlerFn;
  options: HttpRouteOptions | WebSocketOptions;
}

/** A frontend of a router (`router.frontend()`), which the app serves after its routes. */
export interface RouterFrontend {
  kind: 'frontend';
  path: string;
  options: FrontendOptions;
  /** A router or inclusion above it has dependencies or middleware, which frontend answers do not run. */
  guarded: boolean;
}

type Item = RouterRoute | RouterFrontend;
type Entry = Item | { router: Router; options: RouterOptions };

/** Told of each route or frontend added to a router after it was included, as the app would add it. */
export type RouteListener = (item: Item) => void;

/**
 * Routes without classes, grouped to be included in an app (or another router) under a prefix,
 * with shared tags, dependencies, middleware and documentation options: FastAPI's `APIRouter`
 * for `createApp()` apps, as a controller is for modules.
 * @example
 * const items = createRouter({ prefix: '/items', tags: ['items'] });
 * items.get('/:id', (req) => ({ id: req.params.id }));
 * app.includeRouter(items, { prefix: '/v1' }); // GET /v1/items/:id
 */
export class Router {
  private readonly entries: Entry[] = [];
  private readonly listeners: RouteListener[] = [];

  /** What the router hands down to each of its routes. */
  constructor(readonly config: RouterOptions = {}) {}

  get(path: string, handler: HttpHandlerFn, options?: HttpRouteOptions): this {
    return this.add('GET', path, handler, options);
  }

  post(path: string, handler: HttpHandlerFn, options?: HttpRouteOptions): this {
    return this.add('POST', path, handler, options);
  }

  put(path: string, handler: HttpHandlerFn, options?: HttpRouteOptions): this {
    return this.add('PUT', path, handler, options);
  }

  patch(path: string, handler: HttpHandlerFn, options?: HttpRouteOptions): this {
    return this.add('PATCH', path, handler, options);
  }

  delete(path: string, handler: HttpHandlerFn, options?: HttpRouteOptions): this {
    return this.add('DELETE', path, handler, options);
  }

  head(path: string, handler: HttpHandlerFn, options?: HttpRouteOptions): this {
    return this.add('HEAD', path, handler, options);
  }

  options(path: string, handler: HttpHandlerFn, options?: HttpRouteOptions): this {
    return this.add('OPTIONS', path, handler, options);
  }

  trace(path: string, handler: HttpHandlerFn, options?: HttpRouteOptions): this {
    return this.add('TRACE', path, handler, options);
  }

  /** A WebSocket route, with the handler shapes of `app.websocket()`. */
  websocket(path: string, handler: SocketHandlerFn, options: WebSocketOptions = {}): this {
    return this.push({ kind: 'websocket', method: 'GET', path, handler, options });
  }

  /**
   * A frontend's build output served under `path` (the prefixes before it) once the router is
   * included, as FastAPI's `router.frontend()`; see `app.frontend()`. Frontend answers run no
   * dependencies or router middleware, so including it under any is refused.
   */
  frontend(path: string, options: FrontendOptions): this {
    return this.push({ kind: 'frontend', path, options, guarded: false });
  }

  /**
   * Includes `router`'s routes under `options` (prefix, tags, …) and then this router's own.
   * The inclusion is live, as FastAPI's: routes added to `router` later are served too, also
   * when this router was included in an app before.
   */
  includeRouter(router: Router, options: RouterOptions = {}): this {
    if (router === this) throw new TypeError('includeRouter(): a router cannot include itself');
    const existing = router.flatten([this]);
    this.entries.push({ router, options });
    router.onRoute((route) => this.announce(handDown(route, options)));
    for (const route of existing) this.announce(handDown(route, options));
    return this;
  }

  /** Calls `listener` with each route added from now on, here or in an included router. */
  onRoute(listener: RouteListener): void {
    this.listeners.push(listener);
  }

  /** Every route and frontend, nested routers flattened, with what the routers and inclusions hand down applied. */
  items(): (RouterRoute | RouterFrontend)[] {
    return this.flatten([]);
  }

  private flatten(seen: Router[]): Item[] {
    if (seen.includes(this)) throw new TypeError('includeRouter(): routers include each other in a cycle');
    const out: Item[] = [];
    for (const entry of this.entries) {
      if ('router' in entry) {
        for (const route of entry.router.flatten([...seen, this])) out.push(handDown(route, entry.options));
      } else {
        out.push(entry);
      }
    }
    return out.map((route) => handDown(route, this.config));
  }

  private add(method: HttpMethod, path: string, handler: HttpHandlerFn, options: HttpRouteOptions = {}): this {
    return this.push({ kind: 'http', method, path, handler, options });
  }

  private push(item: Item): this {
    this.entries.push(item);
    this.announce(item);
    return this;
  }

  private announce(item: Item): void {
    for (const listener of this.listeners) listener(handDown(item, this.config));
  }
}

/** A route under one more router or inclusion: its prefix before the path, its lists before the route's. */
function handDown<I extends Item>(item: I, outer: RouterOptions): I {
  const { prefix = '', tags = [], dependencies = [], middleware = [] } = outer;
  // Concatenated literally, as FastAPI's prefixes; the app joins and checks the whole path once.
  const path = prefix === '' || item.path === '' ? `${prefix}${item.path}` : `${prefix}/${item.path}`;
  if (item.kind === 'frontend') return { ...item, path, guarded: item.guarded || dependencies.length > 0 || middleware.length > 0 };
  const route = item as RouterRoute;
  const own = route.options;
  const options = inheritRouteOptions(own, route.kind, outer);
  return {
    ...route,
    path,
    options: {
      ...options,
      ...(tags.length > 0 && { tags: [...tags, ...(own.tags ?? [])] }),
      ...(dependencies.length > 0 && { dependencies: [...dependencies, ...(own.dependencies ?? [])] }),
      ...(middleware.length > 0 && { middleware: [...middleware, ...(own.middleware ?? [])] }),
    },
  } as I;
}

/** Creates a router: `app.includeRouter(createRouter({ prefix: '/items' }).get('/', list))`. */
export function createRouter(options: RouterOptions = {}): Router {
  return new Router(options);
}
