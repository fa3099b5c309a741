import 'reflect-metadata';
import { ROUTES } from './keys.js';
import type { HttpMethod, RouteRecord } from './records.js';
import type { HttpRouteOptions, WebSocketOptions } from './route-options.js';

function addRoute(target: object, record: RouteRecord): void {
  const owner = target.constructor;
  const routes: RouteRecord[] = Reflect.getOwnMetadata(ROUTES, owner) ?? [];
  Reflect.defineMetadata(ROUTES, [...routes, record], owner);
}

function httpRoute(method: HttpMethod) {
  return (path = '', options: HttpRouteOptions = {}): MethodDecorator =>
    (target, propertyKey) => addRoute(target, { kind: 'http', method, path, propertyKey: String(propertyKey), options });
}

/** A `GET` route. @example @Get('/items/:id', { summary: 'Read an item' }) */
export const Get = httpRoute('GET');
/** A `POST` route. @example @Post('/items', { status: 201 }) */
export const Post = httpRoute('POST');
/** A `PUT` route. */
export const Put = httpRoute('PUT');
/** A `PATCH` route. */
export const Patch = httpRoute('PATCH');
/** A `DELETE` route. */
export const Delete = httpRoute('DELETE');
/** A `HEAD` route (GET routes answer HEAD on their own). */
export const Head = httpRoute('HEAD');
/** An `OPTIONS` route. */
export const Options = httpRoute('OPTIONS');
/** A `TRACE` route (FastAPI's `@app.trace`). */
export const Trace = httpRoute('TRACE');

/**
 * A WebSocket route: the method runs for the lifetime of each connection.
 * @example @WebSocket('/ws', { idleTimeoutMs: 30_000, maxMessageBytes: 4096 })
 */
export function WebSocket(path: string, options: WebSocketOptions = {}): MethodDecorator {
  return (target, propertyKey) =>
    addRoute(target, { kind: 'websocket', method: 'GET', path, propertyKey: String(propertyKey), options });
}
