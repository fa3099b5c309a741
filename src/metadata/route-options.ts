import type { Middleware } from '../http/middleware.js';
import type { ResponseUnion } from './response-union.js';

// The options of the route decorators, next to the records that hold them; `app.get(...)` and
// `app.websocket(...)` take the same shapes.

/** One entry of a route's `responses` option. */
export interface AdditionalResponse {
  description?: string;
  model?: Function;
  content?: Record<string, Record<string, unknown>>;
}

/** Options of `@Get`, `@Post`, … and `app.get`, `app.post`, … */
export interface HttpRouteOptions {
  summary?: string;
  description?: string;
  /** The route's name for `req.urlFor(name, params)` and `app.urlPathFor` (every route is also named `Controller.method`). */
  name?: string;
  /** Status of a successful answer (default 200). */
  status?: number;
  /**
   * A DTO class (or `[Dto]`, or `anyOf(A, B)`): the answer is filtered to its declared fields,
   * initialised ones filled in.
   */
  responseModel?: Function | [Function] | ResponseUnion;
  /** Only the fields the returned value sets: the model's initialised values are not filled in. */
  responseModelExcludeUnset?: boolean;
  /** Leave out `null` fields, at every depth. */
  responseModelExcludeNone?: boolean;
  /** Only these fields of the response model (of each item for `[Dto]`). */
  responseModelInclude?: string[];
  /** Every field of the response model but these. */
  responseModelExclude?: string[];
  tags?: string[];
  deprecated?: boolean;
  operationId?: string;
  /** The success response's description in the OpenAPI document (default `Successful Response`). */
  responseDescription?: string;
  /** Merged (deeply) into the route's OpenAPI operation, for what the options do not cover. */
  openapiExtra?: Record<string, unknown>;
  /**
   * Requests this route makes back to the caller, as OpenAPI `callbacks`: by name, then by
   * runtime URL expression (`{$request.body#/callbackUrl}`), then by method.
   */
  callbacks?: Record<string, Record<string, Partial<Record<WebhookMethod, OutgoingOperation>>>>;
  /**
   * Extra responses for the OpenAPI document, by status code, as FastAPI's `responses`: a `model`
   * is the `application/json` schema, `content` adds media types (`{ 'image/png': {} }`) or
   * fields such as `example`. An entry for a code already documented (the success status, 422)
   * is merged into it; a new one without `description` gets the status's reason phrase.
   */
  responses?: Record<number | string, AdditionalResponse>;
  /** Dependencies run before the handler, for their effect. */
  dependencies?: unknown[];
  /** Middleware around this route only, inside the app's and the controller's. */
  middleware?: Middleware[];
  /**
   * Security schemes run before the handler, as if listed first in `dependencies` (schemes, or
   * `Security(scheme, scopes)`), and named in the operation's `security`. Anything else is
   * refused at bootstrap.
   */
  security?: unknown[];
  /** `false` leaves the route out of the OpenAPI document. */
  includeInSchema?: boolean;
  /** Content type of the answer when the handler returns a string (written as is, not as JSON) or bytes. */
  contentType?: string;
  /** Request body limit in bytes for this route (default: the app's `bodyLimit`). */
  bodyLimit?: number;
}

export type WebhookMethod = 'get' | 'put' | 'post' | 'delete' | 'patch';

/** A request the API makes (a webhook, or a callback of a route), described from its classes. */
export interface OutgoingOperation {
  summary?: string;
  description?: string;
  operationId?: string;
  tags?: string[];
  /** The JSON body sent: a DTO class or `[Dto]`. */
  body?: Function | [Function];
  /** The answer expected back: a DTO class or `[Dto]`. */
  responseModel?: Function | [Function];
  /** The expected answer's description (default `Successful Response`). */
  responseDescription?: string;
}

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

/** Documentation options a controller or the app hands down to each of its routes, as FastAPI's routers do. */
export interface InheritedRouteOptions {
  /** Extra responses of every route, under the route's own (a route's entry for the same code wins). */
  responses?: HttpRouteOptions['responses'];
  /** Callbacks of every route, under the route's own (a route's callback of the same name wins). */
  callbacks?: HttpRouteOptions['callbacks'];
  /** Marks every route deprecated. */
  deprecated?: boolean;
  /** `false` leaves every route out of the documents. */
  includeInSchema?: boolean;
}

/**
 * A route's options with what its controller or app hands down merged under its own; the same
 * object when nothing is handed down. `responses` and `callbacks` only concern HTTP routes.
 */
export function inheritRouteOptions<O extends HttpRouteOptions | WebSocketOptions>(options: O, kind: 'http' | 'websocket', inherited: InheritedRouteOptions): O {
  const { responses, callbacks, deprecated, includeInSchema } = inherited;
  const http = kind === 'http';
  if (!(http && (responses || callbacks)) && !deprecated && includeInSchema !== false) return options;
  const own = options as HttpRouteOptions;
  return {
    ...options,
    ...(http && responses && { responses: { ...responses, ...own.responses } }),
    ...(http && callbacks && { callbacks: { ...callbacks, ...own.callbacks } }),
    ...(deprecated && { deprecated: true }),
    ...(includeInSchema === false && { includeInSchema: false }),
  };
}
