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
import { resolveSocketLimits, type WebSocketOptions } from '../websocket/options.js';
import { checkOrigin, negotiateSubprotocol } from '../websocket/upgrade.js';
import { compileInjection, type CompileSettings } from './compile-route.js';

/** A live WebSocket handler run, so `app.close()` can end it with 1001 and wait. */
export interface SocketSession {
  shutdown(): Promise<void>;
}

export interface SocketRegistry {
  open: Set<SocketSession>;
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

  function run(ws: WsSocket, req: IncomingMessage, ctx: RequestContext, args: unknown[]): void {
    const conn = new Connection(ws, { limits, remoteAddress: req.socket.remoteAddress });
    for (const slot of connectionSlots) args[slot] = conn;
    // Everything the handler asked for is in `args` now. The context (and the upgrade request
    // it holds) lives on only when its Arena or background tasks have work left for the end:
    // idle connections are what a server holds by the ten thousand.
    const pending = ctx.needsFinish ? ctx : undefined;
    const arena = ctx.arenaIfUsed;
    if (arena) void conn.closed.then(() => arena.abort());
    const session = {
      done: Promise.resolve(),
      async shutdown() {
        void conn.close(CloseCode.GOING_AWAY, 'server shutting down');
        await session.done;
      },
    };
    registry.open.add(session);
    session.done = (async () => {
      let failure: unknown;
      try {
        await handler(...args);
        await conn.close(CloseCode.NORMAL);
      } catch (err) {
        failure = err;
        if (!(err instanceof Error && err.name === 'ConnectionClosed')) {
          console.error(`zigmund: WebSocket handler ${definition.owner} failed`, err);
          await conn.close(CloseCode.INTERNAL_ERROR, 'internal error');
        }
      } finally {
        if (pending) await pending.finish(failure, settings.container.work);
        registry.open.delete(session);
      }
    })();
  }

  return {
    upgrade(req: IncomingMessage, socket: Duplex, head: Buffer, params: Record<string, string | undefined>, query: QueryValues) {
      const refusedOrigin = checkOrigin(req, options.allowedOrigins);
      if (refusedOrigin) return refuseUpgrade(socket, refusedOrigin.status, refusedOrigin.detail);
      const negotiated = negotiateSubprotocol(req, options.subprotocols, options.requireSubprotocol);
      if ('status' in negotiated) return refuseUpgrade(socket, negotiated.status, negotiated.detail);
      if (negotiated.protocol) chosenProtocol.set(req, negotiated.protocol);
      const ctx = new RequestContext(req, params, query, 0);
      prepare(ctx).then(
        (args) => {
          if (socket.destroyed) return void ctx.finish(undefined);
          wss.handleUpgrade(req, socket, head, (ws) => run(ws, req, ctx, args));
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
