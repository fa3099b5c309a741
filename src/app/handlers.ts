import type { Arena } from '../di/arena.js';
import type { Request } from '../http/request.js';
import type { Response } from '../http/response.js';
import type { Connection } from '../websocket/connection.js';

// The shapes of handlers written as functions (`app.get()`, `router.websocket()`), apart from
// both the app and the router that take them.

/** A function route's handler: the request, the `Response` to shape, the request's Arena. */
export type HttpHandlerFn = (req: Request, res: Response, arena: Arena) => unknown;

/** A function WebSocket route's handler: the connection, and optionally the upgrade request, then the Arena. */
export type SocketHandlerFn = ((conn: Connection, req: Request, arena: Arena) => unknown) | ((conn: Connection, arena: Arena) => unknown);
