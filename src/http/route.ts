import type { HttpMethod, ParamSpec } from '../metadata/records.js';
import type { HttpRouteOptions, WebSocketOptions } from '../metadata/route-options.js';
import type { Middleware } from './middleware.js';

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
