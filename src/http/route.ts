import type { HttpMethod, ParamRecord } from '../metadata/records.js';
import type { Middleware } from '../middleware/compose.js';
import type { WebSocketOptions } from '../websocket/options.js';

/** Options of `@Get`, `@Post`, … and `app.get`, `app.post`, … */
export interface HttpRouteOptions {
  summary?: string;
  description?: string;
  /** The route's name for `req.urlFor(name, params)` and `app.urlPathFor` (every route is also named `Controller.method`). */
  name?: string;
  /** Status of a successful answer (default 200). */
  status?: number;
  /** A DTO class (or `[Dto]`): the answer is filtered to its declared fields, initialised ones filled in. */
  responseModel?: Function | [Function];
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
  /** Extra responses for the OpenAPI document, by status code. */
  responses?: Record<number | string, { description: string; model?: Function }>;
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

/**
 * How one handler parameter is filled: from a decorator record, or by its declared type
 * (`Request`, `Response`, `Arena`, `Connection`, a provider class).
 */
export type ParamSpec = (ParamRecord & { type: unknown }) | { index: number; source: 'type'; type: unknown };

/** One entry of the route table, from a decorated controller method or `app.get(...)`. */
export interface RouteDefinition {
  kind: 'http' | 'websocket';
  method: HttpMethod;
  path: string;
  handler: (...args: never[]) => unknown;
  params: ParamSpec[];
  options: HttpRouteOptions | WebSocketOptions;
  /** `ItemsController.findOne`, or `GET /items` for function routes: used in errors and operation ids. */
  owner: string;
  controller?: string;
  methodName?: string;
  tags: string[];
  dependencies: unknown[];
  /** The controller's middleware, then the route's, outermost first (the app's go around them). */
  middleware?: Middleware[];
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
