import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { createRequire } from 'node:module';
import type { WebSocket as WsSocket, WebSocketServer } from 'ws';
import { RequestContext } from '../http/context.js';
import { HttpException } from '../http/exceptions.js';
import type { QueryValues } from '../http/request.js';
import type { RouteDefinition } from '../http/route.js';
import type { SocketEndpoint } from '../http/router.js';
import { refuseUpgrade } from '../http/server.js';
import { RequestValidationError } from '../validation/errors.js';
import { CloseCode } from '../websocket/close-codes.js';
import { Connection } from '../websocket/connection.js';
import { ConnectionClosed } from '../websocket/errors.js';
import { resolveSocketLimits, type WebSocketOptions } from '../websocket/options.js';
import { checkOrigin, negotiateSubprotocol } from '../websocket/upgrade.js';
import { compileInjection, type CompileSettings } from './compile-route.js';

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

// Loaded with the first WebSocket route, so HTTP-only apps start without it.
let wsModule: { WebSocketServer: typeof WebSocketServer } | undefined;
const loadWs = () => (wsModule ??= createRequire(import.meta.url)('ws') as { WebSocketServer: typeof WebSocketServer });

export function compileSocketRoute(definition: RouteDefinition, settings: CompileSettings, registry: SocketRegistry): SocketEndpoint {
  const options = definition.options as WebSocketOptions;
  const limits = resolveSocketLimits(options);
  const { runDependencies, resolveArgs } = compileInjection(definition, settings);
  // The Connection exists only after the handshake, while the other arguments are checked before it.
  const connectionSlots = definition.params.filter((p) => p.source === 'type' && p.type === Connection).map((p) => p.index);
  const handler = definition.handler as (...args: unknown[]) => unknown;
  const wss = new (loadWs().WebSocketServer)({
    noServer: true,
    clientTracking: false,
    perMessageDeflate: false,
    maxPayload: limits.maxMessageBytes,
    autoPong: false,
    handleProtocols: (_offered, req) => chosenProtocol.get(req) || false,
  });

  async function prepare(ctx: RequestContext): Promise<unknown[]> {
    if (runDependencies) await runDependencies(ctx);
    const args = await resolveArgs(ctx);
    if (ctx.errors !== undefined) throw new RequestValidationError(ctx.errors);
    return args;
  }

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

  // After the handler: close (1000 on return, 1011 on a throw that is not the peer's close), run the
  // context's teardowns, leave the registry. `.then` callbacks run after `set`, so the entry is there.
  async function ended(conn: Connection, pending: RequestContext | undefined, failed: boolean, failure: unknown): Promise<void> {
    try {
      if (!failed) await conn.close(CloseCode.NORMAL);
      else if (!(failure instanceof ConnectionClosed)) {
        console.error(`zigmund: WebSocket handler ${definition.owner} failed`, failure);
        await conn.close(CloseCode.INTERNAL_ERROR, 'internal error');
      }
    } finally {
      if (pending) await pending.finish(failure, settings.container.work);
      registry.open.delete(conn);
    }
  }

  return {
    upgrade(req: IncomingMessage, socket: Duplex, head: Buffer, params: Record<string, string | undefined>, query: QueryValues) {
      const refusedOrigin = checkOrigin(req, options.allowedOrigins);
      if (refusedOrigin) return refuseUpgrade(socket, refusedOrigin.status, refusedOrigin.detail);
      const negotiated = negotiateSubprotocol(req, options.subprotocols, options.requireSubprotocol);
      if ('status' in negotiated) return refuseUpgrade(socket, negotiated.status, negotiated.detail);
      if (negotiated.protocol) chosenProtocol.set(req, negotiated.protocol);
      const ctx = new RequestContext(req, params, query, 0);
      ctx.site = settings.site;
      prepare(ctx).then(
        (args) => {
          if (socket.destroyed) return void ctx.finish(undefined);
          wss.handleUpgrade(req, socket, head, (ws) => run(ws, socket, ctx, args));
        },
        (err) => {
          void ctx.finish(err);
          if (err instanceof HttpException) return refuseUpgrade(socket, err.status, err.detail, err.headers);
          if (err instanceof RequestValidationError) return refuseUpgrade(socket, err.status, err.detail);
          console.error(`zigmund: WebSocket upgrade for ${definition.owner} failed`, err);
          refuseUpgrade(socket, 500, 'Internal Server Error');
        },
      );
    },
  };
}
