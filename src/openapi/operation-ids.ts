import type { RouteDefinition } from '../http/route.js';

/**
 * One unique id per route, stable while the route table is: the route's own `operationId`;
 * else `Controller_method` (`ItemsController_read`) for controller routes; else the verb and
 * path (`get_items_id`, `websocket_ws`) for function routes, or a WebSocket route's `name`.
 * Ids given in options are kept as they are; a repeated id gets `_2`, `_3`, … in route order.
 * `generate` (the app's `generateOperationId`) replaces the derivation.
 */
export function operationIds(routes: readonly RouteDefinition[], generate: (route: RouteDefinition) => string = derivedId): Map<RouteDefinition, string> {
  const taken = new Set<string>();
  const ids = new Map<RouteDefinition, string>();
  const claim = (route: RouteDefinition, base: string): void => {
    let id = base;
    for (let n = 2; taken.has(id); n++) id = `${base}_${n}`;
    taken.add(id);
    ids.set(route, id);
  };
  // Explicit ids first, so a derived one never takes an id the user chose.
  for (const route of routes) if (route.options.operationId) claim(route, route.options.operationId);
  for (const route of routes) if (!route.options.operationId) claim(route, generate(route));
  return new Map(routes.map((route) => [route, ids.get(route)!]));
}

function derivedId(route: RouteDefinition): string {
  const name = 'name' in route.options ? route.options.name : undefined;
  if (route.controller) return sanitize(`${route.controller}_${name ?? route.methodName}`);
  if (name) return sanitize(name);
  const verb = route.kind === 'websocket' ? 'websocket' : route.method.toLowerCase();
  return sanitize(`${verb}_${sanitize(route.path) || 'root'}`);
}

function sanitize(text: string): string {
  return text.replace(/[^A-Za-z0-9_]+/g, '_').replace(/^_+|_+$/g, '');
}
