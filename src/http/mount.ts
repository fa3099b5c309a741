import { ServerResponse, type IncomingMessage, type RequestListener } from 'node:http';
import type { Duplex } from 'node:stream';
import { enterMount, originOf, routeTarget } from './origin.js';
import type { HttpEndpoint, SocketEndpoint } from './router.js';
import { Response } from './response.js';
import { refuseUpgrade } from './server.js';
import { writeDetail } from './write.js';

/** Any Node `(req, res)` handler: an Express or Connect app, `staticFiles()`, a plain function. */
export type NodeHandler = (req: IncomingMessage, res: ServerResponse, next?: (err?: unknown) => void) => unknown;

/** A Zigmund app as a mount sees it: its request and upgrade listeners. */
export interface MountedApp {
  readonly handle: RequestListener;
  readonly handleUpgrade: (req: IncomingMessage, socket: Duplex, head: Buffer) => void;
}

type WithOriginalUrl = IncomingMessage & { originalUrl?: string };

/**
 * The route-table endpoints of a Zigmund app mounted at `prefix`: it routes on the rest of
 * the path and sees `prefix` as part of its root path (its docs, `req.fullUrl`); its WebSocket
 * routes are reached through the mount too.
 */
export function appMount(prefix: string, app: MountedApp): { http: HttpEndpoint; socket: SocketEndpoint } {
  return {
    http: {
      handle(ctx) {
        const res = ctx.res!;
        if (!enterMount(ctx.raw, prefix)) return writeDetail(res, 404, 'Not Found');
        app.handle(ctx.raw, res);
      },
    },
    socket: {
      upgrade(req, socket, head) {
        if (!enterMount(req, prefix)) return refuseUpgrade(socket, Response.json({ detail: 'Not Found' }, 404));
        app.handleUpgrade(req, socket, head);
      },
    },
  };
}

/**
 * Express (`Object.setPrototypeOf(res, app.response)`) swaps the prototype of the response it is
 * given for its own, which chains to Node's `ServerResponse`. A response of a subclass — an
 * in-process test harness's, such as `TestClient`'s — would lose the subclass's `write`/`end`
 * and with them the body; pinned as own properties first, those methods survive the swap. A
 * response of Node's own class (every request served on a socket) is left as it is. (Express
 * swaps the request's prototype too; the harness's request keeps its body in own properties.)
 */
function keepOwnClassMethods(target: object, base: object): void {
  for (let proto = Object.getPrototypeOf(target) as object | null; proto && proto !== base; proto = Object.getPrototypeOf(proto) as object | null) {
    for (const key of Object.getOwnPropertyNames(proto)) {
      const descriptor = Object.getOwnPropertyDescriptor(proto, key)!;
      if (key !== 'constructor' && typeof descriptor.value === 'function' && !Object.hasOwn(target, key)) {
        Object.defineProperty(target, key, { value: descriptor.value, writable: true, configurable: true });
      }
    }
  }
}

/**
 * The endpoints of a Node handler mounted at `prefix`: as Express's own mounting does, it sees
 * `req.url` without the prefix, and the target as sent in `req.originalUrl`. What it leaves
 * unanswered (`next()`) is a 404; what it throws, a 500.
 */
export function handlerMount(prefix: string, handler: NodeHandler, name: string): { http: HttpEndpoint; socket: SocketEndpoint } {
  const failed = (res: ServerResponse, err: unknown) => {
    console.error(`zigmund: the handler mounted at ${name} failed`, err);
    writeDetail(res, 500, 'Internal Server Error');
  };
  return {
    http: {
      handle(ctx) {
        const res = ctx.res!;
        const req = ctx.raw as WithOriginalUrl;
        if (!enterMount(req, prefix)) return writeDetail(res, 404, 'Not Found');
        req.originalUrl ??= req.url;
        req.url = routeTarget(req.url ?? '/', originOf(req));
        const next = (err?: unknown) => (err ? failed(res, err) : writeDetail(res, 404, 'Not Found'));
        if (Object.getPrototypeOf(res) !== ServerResponse.prototype) keepOwnClassMethods(res, ServerResponse.prototype);
        try {
          const done = handler(req, res, next);
          if (done instanceof Promise) done.catch((err) => failed(res, err));
        } catch (err) {
          failed(res, err);
        }
      },
    },
    socket: {
      upgrade(_req, socket) {
        refuseUpgrade(socket, Response.json({ detail: 'Not Found' }, 404));
      },
    },
  };
}
