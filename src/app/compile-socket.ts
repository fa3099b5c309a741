import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { createRequire } from 'node:module';
import type { WebSocket as WsSocket, WebSocketServer } from 'ws';
import { RequestContext } from '../http/context.js';
import { HttpException } from '../http/exceptions.js';
import type { QueryValues } from '../http/request.js';
import { Response } from '../http/response.js';
import type { RouteDefinition } from '../http/route.js';
import type { SocketEndpoint } from '../http/router.js';
import { refuseUpgrade } from '../http/server.js';
import type { Middleware } from '../http/middleware.js';
import { compose, sequence, type Stage } from '../middleware/compose.js';
import { CloseCode, isSendableCloseCode, truncateCloseReason } from '../websocket/close-codes.js';
import { Connection } from '../websocket/connection.js';
import { ConnectionClosed, WebSocketException } from '../websocket/errors.js';
import type { WebSocketOptions } from '../metadata/route-options.js';
import { resolveSocketLimits } from '../websocket/options.js';
import { checkOrigin, negotiateSubprotocol } from '../websocket/upgrade.js';
import { compileInjection, type CompileSettings } from './compile-route.js';
import { argumentsStage, dependenciesStage } from './stages.js';

/** The connections whose handlers are running, each with the promise of its end, so `app.close()` can end them with 1001 and wait. */
export interface SocketRegistry {
  open: Map<Connection, Promise<void>>;
}

/** One shutdown step per running handler: close its connection with 1001, then wait for the handler. */
export function shutdownSteps(registry: SocketRegistry): (() => Promise<void>)[] {
  return [...registry.open].map(([conn, done]) => () => {
    void conn.close(CloseCode.GOING_AWAY, 'server shutting down');
    return done;
  });
}

const chosenProtocol = new WeakMap<IncomingMessage, string>();
// Headers middleware set on the answer of next(), written into the 101.
const extraHeaders = new WeakMap<IncomingMessage, Record<string, string | string[]>>();

/** A WebSocket route ready to accept upgrades, recomposed when app-wide middleware is added. */
export interface CompiledSocketRoute extends SocketEndpoint {
  useAppMiddleware(middleware: readonly Middleware[]): void;
}

// Loaded with the first WebSocket route, so HTTP-only apps start without it.
let wsModule: { WebSocketServer: typeof WebSocketServer } | undefined;
const loadWs = () => (wsModule ??= createRequire(import.meta.url)('ws') as { WebSocketServer: typeof WebSocketServer });

export function compileSocketRoute(definition: RouteDefinition, settings: CompileSettings, registry: SocketRegistry): CompiledSocketRoute {
  const options = definition.options as WebSocketOptions;
  const limits = resolveSocketLimits(options);
  const { runDependencies, resolveArgs } = compileInjection(definition, settings);
  // The Connection exists only after the handshake, while the other arguments are checked before it.
  const connectionSlots = definition.params.filter((p) => p.source === 'type' && p.type === Connection).map((p) => p.index);
  const handler = definition.handler as (...args: unknown[]) => unknown;
  const { handlers } = settings;
  const wss = new (loadWs().WebSocketServer)({
    noServer: true,
    clientTracking: false,
    perMessageDeflate: false,
    maxPayload: limits.maxMessageBytes,
    autoPong: false,
    handleProtocols: (_offered, req) => chosenProtocol.get(req) || false,
  });
  wss.on('headers', (lines: string[], req: IncomingMessage) => {
    const extra = extraHeaders.get(req);
    if (!extra) return;
    for (const [name, value] of Object.entries(extra)) for (const one of [value].flat()) lines.push(`${name}: ${one}`);
  });

  // origin and subprotocol → dependencies → arguments; then the handshake, and the handler runs.
  function handshake(ctx: RequestContext): void {
    const refusedOrigin = checkOrigin(ctx.raw, options.allowedOrigins);
    if (refusedOrigin) throw new HttpException(refusedOrigin.status, refusedOrigin.detail);
    const negotiated = negotiateSubprotocol(ctx.raw, options.subprotocols, options.requireSubprotocol);
    if ('status' in negotiated) throw new HttpException(negotiated.status, negotiated.detail);
    if (negotiated.protocol) chosenProtocol.set(ctx.raw, negotiated.protocol);
  }
  const stages: Stage[] = [handshake];
  if (runDependencies) stages.push(dependenciesStage(runDependencies));
  stages.push(argumentsStage(resolveArgs));
  const prepare = sequence(stages);

  function run(ws: WsSocket, transport: Duplex, ctx: RequestContext, args: unknown[]): void {
    const conn = new Connection(ws, { limits, transport, maxJsonDepth: settings.maxJsonDepth });
    for (const slot of connectionSlots) args[slot] = conn;
    // Everything the handler asked for is in `args` now. The context (and the upgrade request
    // it holds) lives on only when its Arena or background tasks have work left for the end:
    // idle connections are what a server holds by the ten thousand, so each holds as little as can be.
    const arena = ctx.arenaIfUsed;
    if (arena) void conn.closed.then(() => arena.abort());
    let running: Promise<unknown>;
    try {
      running = Promise.resolve(handler(...args));
    } catch (err) {
      running = Promise.reject(err);
    }
    // A `.then` costs an idle connection less than an async function suspended in an await.
    const pending = ctx.needsFinish ? ctx : undefined;
    const done = running.then(
      () => ended(conn, pending, false, undefined),
      (err: unknown) => ended(conn, pending, true, err),
    );
    registry.open.set(conn, done);
  }

  // After the handler: close (1000 on return, the code of a WebSocketException, 1011 on another throw
  // that is not the peer's close), run the context's teardowns, leave the registry. `.then` callbacks
  // run after `set`, so the entry is there.
  async function ended(conn: Connection, pending: RequestContext | undefined, failed: boolean, failure: unknown): Promise<void> {
    try {
      if (!failed) await conn.close(CloseCode.NORMAL);
      else if (failure instanceof WebSocketException) await conn.close(closeCodeOf(failure), truncateCloseReason(failure.reason));
      else if (!(failure instanceof ConnectionClosed)) {
        console.error(`zigmund: WebSocket handler ${definition.owner} failed`, failure);
        await conn.close(CloseCode.INTERNAL_ERROR, 'internal error');
      }
    } finally {
      if (pending) await pending.finish(failure, settings.container.work);
      registry.open.delete(conn);
    }
  }

  function accept(ctx: RequestContext, socket: Duplex, head: Buffer): void {
    if (socket.destroyed) return void ctx.finish(undefined);
    const args = ctx.args!;
    wss.handleUpgrade(ctx.raw, socket, head, (ws) => run(ws, socket, ctx, args));
  }

  function refuse(ctx: RequestContext, socket: Duplex, out: Response | Promise<Response>): void {
    void ctx.finish(ctx.failure);
    if (out instanceof Promise) return void out.then((answer) => refuseUpgrade(socket, answer));
    refuseUpgrade(socket, out);
  }

  function straight(ctx: RequestContext, socket: Duplex, head: Buffer): void {
    const fail = (err: unknown) => refuse(ctx, socket, failed(ctx, err));
    let pending: void | Promise<void>;
    try {
      pending = prepare(ctx);
    } catch (err) {
      return fail(err);
    }
    if (pending === undefined) return accept(ctx, socket, head);
    pending.then(() => accept(ctx, socket, head), fail);
  }

  // With middleware the handshake is a Response the onion sees: the same object coming back
  // means "accept", with the headers it gathered on the way out; any other refuses the upgrade.
  const SWITCHING = Symbol('switching');
  function endpoint(ctx: RequestContext): Response | Promise<Response> {
    const accepted = new Response().status(101);
    (accepted as Response & { [SWITCHING]?: true })[SWITCHING] = true;
    const pending = prepare(ctx);
    return pending === undefined ? accepted : pending.then(() => accepted);
  }

  function failed(ctx: RequestContext, err: unknown): Response | Promise<Response> {
    if (ctx.failure === undefined) ctx.failure = err ?? new Error('undefined was thrown');
    return handlers.respond(err, ctx);
  }

  const own = definition.middleware ?? [];
  let upgradeWith = straight;
  function layered(middleware: readonly Middleware[]) {
    const onion = compose(middleware, endpoint, (err, ctx) => failed(ctx, err));
    return function upgradeThroughMiddleware(ctx: RequestContext, socket: Duplex, head: Buffer): void {
      void onion(ctx).then((out) => {
        if (!(out as Response & { [SWITCHING]?: true })[SWITCHING]) return refuse(ctx, socket, out);
        if (Object.keys(out.headers).length > 0) extraHeaders.set(ctx.raw, out.headers);
        accept(ctx, socket, head);
      });
    };
  }

  const route: CompiledSocketRoute = {
    upgrade(req: IncomingMessage, socket: Duplex, head: Buffer, params: Record<string, string | undefined>, query: QueryValues) {
      const ctx = new RequestContext(req, params, query, 0);
      ctx.site = settings.site;
      upgradeWith(ctx, socket, head);
    },
    useAppMiddleware(appMiddleware) {
      const all = [...appMiddleware, ...own];
      upgradeWith = all.length === 0 ? straight : layered(all);
    },
  };
  route.useAppMiddleware(settings.middleware);
  return route;
}

/** The close code of a WebSocketException, or 1008 when it names one that may not be sent. */
function closeCodeOf(err: WebSocketException): number {
  return isSendableCloseCode(err.code) ? err.code : CloseCode.POLICY_VIOLATION;
}
