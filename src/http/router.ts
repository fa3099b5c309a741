import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import http from 'node:http';
import FindMyWay from 'find-my-way';
import type { HttpMethod } from '../metadata/records.js';
import type { RequestContext } from './context.js';
import { parsePath } from './path-template.js';
import type { QueryValues } from './request.js';

/** Serves the HTTP side of a route. */
export interface HttpEndpoint {
  /** Answers one request; `ctx.res` and `ctx.head` say where and how. */
  handle(ctx: RequestContext): void | Promise<void>;
}

/** Accepts (or refuses) a WebSocket upgrade to a route. */
export interface SocketEndpoint {
  upgrade(req: IncomingMessage, socket: Duplex, head: Buffer, params: Record<string, string | undefined>, query: QueryValues): void;
}

/** What one method of one path leads to: HTTP, WebSocket, or both for GET. */
export interface RouteEntry {
  http?: HttpEndpoint;
  socket?: SocketEndpoint;
  /** A HEAD entry derived from a GET route: the answer carries no body. */
  head: boolean;
  /** Names of the path's `:name` parameters: each must match a non-empty segment. */
  segmentParams: string[];
  /** Served by a mount (`app.mount`): a route declared at the same path replaces it. */
  mount?: true;
}

/** A matched route, as find-my-way returns it (no copy per request). */
export interface Match {
  store: RouteEntry;
  params: Record<string, string | undefined>;
  searchParams: QueryValues;
}

export type Lookup = Match | 'bad-url' | null;

const METHODS: HttpMethod[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS', 'TRACE'];
// A mounted Node handler may serve any method Node parses (PROPFIND, PURGE, …).
const MOUNT_METHODS = http.METHODS as HttpMethod[];
const ON_BAD_URL = () => undefined;

/** The one route table of an app, HTTP and WebSocket routes together, on find-my-way's radix tree. */
export class RouteTable {
  private readonly router = FindMyWay({ onBadUrl: ON_BAD_URL, maxParamLength: 1000 });
  private readonly entries = new Map<string, RouteEntry>();

  /** Adds an HTTP endpoint; a GET also answers HEAD unless a HEAD route exists. Throws on duplicates. */
  addHttp(method: HttpMethod, path: string, endpoint: HttpEndpoint): void {
    const entry = this.entryFor(method, path);
    if (entry.http && !entry.head && !entry.mount) throw new Error(`duplicate route ${method} ${path}`);
    entry.http = endpoint;
    entry.head = false;
    delete entry.mount;
    if (method === 'GET') {
      const head = this.entryFor('HEAD', path);
      if (!head.http) Object.assign(head, { http: endpoint, head: true });
    }
  }

  addSocket(path: string, endpoint: SocketEndpoint): void {
    const entry = this.entryFor('GET', path);
    if (entry.socket) throw new Error(`duplicate WebSocket route ${path}`);
    entry.socket = endpoint;
  }

  /**
   * Hands every method of `prefix` and everything below it to a mount; the app's own routes
   * still win (find-my-way prefers a static or parametric match to a wildcard). Throws when
   * `prefix` is mounted already.
   */
  addMount(prefix: string, endpoints: { http: HttpEndpoint; socket: SocketEndpoint }): void {
    for (const method of MOUNT_METHODS) {
      for (const path of [`${prefix}/*`, prefix || '/']) {
        const entry = this.entryFor(method, path);
        if (entry.mount) throw new Error(`${prefix || '/'} is mounted twice`);
        if (entry.http) continue;
        Object.assign(entry, { http: endpoints.http, head: false, mount: true });
        if (method === 'GET' && !entry.socket) entry.socket = endpoints.socket;
      }
    }
  }

  find(method: string, url: string): Lookup {
    const found = this.router.find(method as HttpMethod, url);
    if (found === null) return null;
    // find-my-way answers a bad URL through onBadUrl with a handle that has no store.
    if (found.store === null || found.store === undefined) return 'bad-url';
    // find-my-way lets `/items/:id` match `/items/` with id "": a path parameter is a segment, never empty.
    const names = (found.store as RouteEntry).segmentParams;
    for (let i = 0; i < names.length; i++) if (found.params[names[i]] === '') return null;
    return found as unknown as Match;
  }

  /**
   * Starlette's `redirect_slashes`: for a request that matched no route, the same target with
   * its path's trailing slash toggled (query kept) when an HTTP route is served there.
   */
  slashRedirect(url: string): string | undefined {
    const target = otherSlashForm(url);
    return target !== undefined && this.allowedMethods(target).length > 0 ? target : undefined;
  }

  /** The path of the WebSocket route served at the other trailing-slash form of `url`, if any. */
  socketAtOtherForm(url: string): string | undefined {
    const target = otherSlashForm(url);
    const found = target === undefined ? null : this.find('GET', target);
    if (found === null || found === 'bad-url' || found.store.socket === undefined) return undefined;
    const end = target!.indexOf('?');
    return end === -1 ? target : target!.slice(0, end);
  }

  /** Methods served at `url`, for a 405's `Allow` header. */
  allowedMethods(url: string): string[] {
    return METHODS.filter((method) => {
      const found = this.find(method, url);
      return found !== null && found !== 'bad-url' && found.store.http !== undefined;
    });
  }

  private entryFor(method: HttpMethod, path: string): RouteEntry {
    const key = `${method} ${path}`;
    let entry = this.entries.get(key);
    if (!entry) {
      const params = parsePath(path, { routerSpelling: true }).params;
      entry = { head: false, segmentParams: params.filter((p) => !p.catchAll).map((p) => p.name) };
      this.router.on(method, path, UNUSED_HANDLER, entry);
      this.entries.set(key, entry);
    }
    return entry;
  }
}

/** `url` with its path's trailing slash toggled, query kept; none for `/` and for `//…`. */
function otherSlashForm(url: string): string | undefined {
  const end = url.indexOf('?');
  const path = end === -1 ? url : url.slice(0, end);
  // `//host/` made `//host` would read as another host in a Location: never toggled.
  if (path === '/' || path.startsWith('//')) return undefined;
  const other = path.endsWith('/') ? path.slice(0, -1) : `${path}/`;
  return end === -1 ? other : other + url.slice(end);
}

// find-my-way wants a handler per route; we dispatch from the store instead.
const UNUSED_HANDLER = () => undefined;
