import type { Middleware } from '../middleware/compose.js';

/** Options of `@WebSocket(path, options)` and `app.websocket(path, handler, options)`. */
export interface WebSocketOptions {
  /** One-line summary in `/openapi.json` and `/asyncapi.json`. */
  summary?: string;
  /** Longer description (Markdown) in the documents. */
  description?: string;
  /** The route's name (default: the handler's name). */
  name?: string;
  /** Tags grouping the route in the documents. */
  tags?: string[];
  /** Marks the route deprecated in the documents (default false). */
  deprecated?: boolean;
  /** The operation id in the documents (default: derived from the handler). */
  operationId?: string;
  /** How long `receive()` waits for a message before `ConnectionTimeout` (default 0 = forever). */
  idleTimeoutMs?: number;
  /** Answer pings with pongs; when off, pings and pongs reach `receive()` (default true). */
  autoPong?: boolean;
  /** Send a ping this often (default 0 = never). */
  pingIntervalMs?: number;
  /** Close with 1011 "pong timeout" when no pong follows a ping this soon (default 10 000). */
  pongTimeoutMs?: number;
  /** Largest message accepted; a bigger one closes the connection with 1009 (default 1 MiB). */
  maxMessageBytes?: number;
  /** Received messages held for the handler before reading from the socket pauses (default 64). */
  maxPendingMessages?: number;
  /** How long a send may wait for the peer to read before `ConnectionTimeout` (default 0 = forever). */
  sendTimeoutMs?: number;
  /**
   * Unsent bytes the connection may hold — sends not awaited, a Hub's fan-out — before it is
   * closed with 1013 and later sends reject with `ConnectionClosed` (default 4 MiB).
   */
  maxBufferedBytes?: number;
  /** `Origin` values allowed to connect; others get 403 (default empty = all). */
  allowedOrigins?: string[];
  /** Subprotocols the server speaks, in order of preference (default none). */
  subprotocols?: string[];
  /** Refuse with 400 a client that agrees on none of `subprotocols` (default false). */
  requireSubprotocol?: boolean;
  /** Dependencies run before the handshake, for their effect (default none). */
  dependencies?: unknown[];
  /** Middleware run for the upgrade request, inside the app's and the controller's (default none). */
  middleware?: Middleware[];
  /**
   * Security schemes checked before the handshake, as if listed first in `dependencies`
   * (schemes, or `Security(scheme, scopes)`); a refusal answers 401/403 and no socket opens.
   * Anything else is refused at bootstrap (default none).
   */
  security?: unknown[];
  /** The DTO class of messages the client sends, for the AsyncAPI document. */
  receives?: Function;
  /** The DTO class of messages the server sends, for the AsyncAPI document. */
  sends?: Function;
  /** List the route in the documents (default true). */
  includeInSchema?: boolean;
}

/** The limits a `Connection` enforces, every default filled in; 0 means "none" for times. */
export interface ResolvedSocketLimits {
  idleTimeoutMs: number;
  autoPong: boolean;
  pingIntervalMs: number;
  pongTimeoutMs: number;
  maxMessageBytes: number;
  maxPendingMessages: number;
  sendTimeoutMs: number;
  maxBufferedBytes: number;
}

const MIB = 1_048_576;

/** What a connection may hold unsent before it is closed with 1013, unless its route or the Hub says otherwise. */
export const DEFAULT_MAX_BUFFERED_BYTES = 4 * MIB;

/** Fills in the defaults of a route's socket limits; throws a `RangeError` on a negative or fractional value. */
export function resolveSocketLimits(options: WebSocketOptions): ResolvedSocketLimits {
  return {
    idleTimeoutMs: nonNegative('idleTimeoutMs', options.idleTimeoutMs ?? 0),
    autoPong: options.autoPong ?? true,
    pingIntervalMs: nonNegative('pingIntervalMs', options.pingIntervalMs ?? 0),
    pongTimeoutMs: nonNegative('pongTimeoutMs', options.pongTimeoutMs ?? 10_000),
    maxMessageBytes: positive('maxMessageBytes', options.maxMessageBytes ?? MIB),
    maxPendingMessages: positive('maxPendingMessages', options.maxPendingMessages ?? 64),
    sendTimeoutMs: nonNegative('sendTimeoutMs', options.sendTimeoutMs ?? 0),
    maxBufferedBytes: positive('maxBufferedBytes', options.maxBufferedBytes ?? DEFAULT_MAX_BUFFERED_BYTES),
  };
}

/** Checks a limit that may be 0; shared with the `Connection` setters. */
export function nonNegative(name: string, value: number): number {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`${name} must be a whole number >= 0, got ${value}`);
  }
  return value;
}

/** Checks a limit that must be at least 1; shared with the `Connection` setters. */
export function positive(name: string, value: number): number {
  if (nonNegative(name, value) === 0) throw new RangeError(`${name} must be at least 1, got 0`);
  return value;
}
