import type { RequestContext } from '../http/context.js';
import type { Middleware } from '../http/middleware.js';
import { Response } from '../http/response.js';
import type { HttpEndpoint, SocketEndpoint } from '../http/router.js';
import { compose } from '../middleware/compose.js';
import { deliver, failed, type CompileSettings } from './compile-route.js';

/**
 * What `next()` resolves with around a mount: the mounted app or handler has not answered yet;
 * it writes its own answer once the onion is through. Headers set on it go out with that
 * answer (unless the mounted app sets the same header itself); its status and body are the
 * mounted app's to choose.
 */
class MountAnswer extends Response {
  constructor(readonly run: () => void) {
    super();
  }
}

/**
 * A mount's endpoints under this app's middleware, as Starlette's outer middleware wraps its
 * mounted apps: a middleware may answer instead (a 429, a CORS preflight, a 403), or add
 * headers to the mounted app's answer. WebSocket upgrades to the mount go straight through.
 */
export function layeredMount(inner: { http: HttpEndpoint; socket: SocketEndpoint }, settings: CompileSettings, prefix: string) {
  const { handlers, site } = settings;
  const work = settings.container.work;
  let handle: (ctx: RequestContext) => void | Promise<void> = (ctx) => inner.http.handle(ctx);
  const http: HttpEndpoint = { handle: (ctx) => handle(ctx) };
  const where = `the app mounted at ${prefix || '/'}`;

  const done = (ctx: RequestContext) => (ctx.needsFinish ? ctx.finish(ctx.failure, work) : undefined);

  function layered(middleware: readonly Middleware[]) {
    const onion = compose(middleware, (ctx) => new MountAnswer(() => inner.http.handle(ctx)), (err, ctx) => failed(ctx, err, handlers));
    return async function handleMounted(ctx: RequestContext): Promise<void> {
      ctx.site = site;
      const out = await onion(ctx);
      // A middleware's own answer (a 429, a preflight, an error) is written as a route's is.
      if (!(out instanceof MountAnswer)) return deliver(ctx, out, done, where);
      const res = ctx.res!;
      try {
        for (const name in out.headers) res.setHeader(name, out.headers[name]);
        const finished = new Promise<void>((resolve) => {
          res.once('finish', resolve);
          res.once('close', resolve);
        });
        out.run();
        await finished;
      } finally {
        await done(ctx);
      }
    };
  }

  return {
    http,
    socket: inner.socket,
    useAppMiddleware(middleware: readonly Middleware[]) {
      handle = middleware.length === 0 ? (ctx) => inner.http.handle(ctx) : layered(middleware);
    },
  };
}
