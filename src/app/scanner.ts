import { ModuleScope, tokenName, type Container } from '../di/container.js';
import { buildSingleton, collectHooks, construct, registerProvider } from '../di/singletons.js';
import type { RouteDefinition } from '../http/route.js';
import type { ProviderToken } from '../metadata/records.js';
import { readController, readModule, readParamSpecs, readRoutes } from '../metadata/read.js';
import { BootstrapError } from '../metadata/bootstrap-error.js';
import { inheritRouteOptions } from '../metadata/route-options.js';
import { joinPath } from './paths.js';

/**
 * Walks the module tree once: registers each module's providers, works out what each module
 * sees (its own providers, its imports' exports, global modules' exports), has di/ build the
 * singletons and controllers in dependency order, returns the routes.
 */
export async function scanModules(root: Function, container: Container): Promise<RouteDefinition[]> {
  const scopes = collectModules(root, container);
  const resolved = new Set<ModuleScope>();
  for (const scope of scopes) resolveExports(scope, resolved);
  for (const scope of scopes) {
    for (const entry of scope.providers.values()) await buildSingleton(container, entry);
  }
  const routes: RouteDefinition[] = [];
  for (const scope of scopes) {
    for (const controller of readModule(scope.moduleClass)!.controllers ?? []) {
      const instance = await construct(container, controller, scope, [], `controller ${controller.name} (in ${scope.name})`);
      collectHooks(container, controller.name, instance);
      for (const route of controllerRoutes(controller, instance as object)) {
        container.routeScopes.set(route, scope);
        routes.push(route);
      }
    }
  }
  return routes;
}

/** Every module reachable from `root`, imports before importers, each with its providers registered. */
function collectModules(root: Function, container: Container): ModuleScope[] {
  const scopes = new Map<Function, ModuleScope>();
  const visit = (mod: Function, from: string | undefined): ModuleScope => {
    const known = scopes.get(mod);
    if (known) return known;
    const options = typeof mod === 'function' ? readModule(mod) : undefined;
    if (!options) throw new BootstrapError(`${mod?.name ?? String(mod)}${from ? ` (imported by ${from})` : ''} is not a @Module() class`);
    const scope = new ModuleScope(mod.name, mod, options.global === true);
    scopes.set(mod, scope);
    for (const imported of options.imports ?? []) scope.imports.push(visit(imported, mod.name));
    for (const provider of options.providers ?? []) registerProvider(container, scope, provider);
    container.modules.push(scope);
    if (scope.global) container.globals.push(scope);
    return scope;
  };
  visit(root, undefined);
  return container.modules;
}

/** Fills `scope.exported`: its own exported providers, and everything a re-exported module exports. */
function resolveExports(scope: ModuleScope, resolved: Set<ModuleScope>): void {
  if (resolved.has(scope)) return;
  resolved.add(scope);
  for (const imported of scope.imports) resolveExports(imported, resolved);
  for (const exported of readModule(scope.moduleClass)!.exports ?? []) {
    const asModule = scope.imports.find((m) => m.moduleClass === exported);
    if (asModule) {
      for (const [token, entry] of asModule.exported) scope.exported.set(token, entry);
      continue;
    }
    const token = exported as ProviderToken;
    const entry = scope.providers.get(token) ?? scope.imports.map((m) => m.exported.get(token)).find((e) => e !== undefined);
    if (!entry) {
      const what = typeof exported === 'function' && readModule(exported) ? `the module ${exported.name}, which it does not import` : `${tokenName(token)}, which it neither provides nor imports`;
      throw new BootstrapError(`${scope.name} exports ${what}`);
    }
    scope.exported.set(token, entry);
  }
}

function controllerRoutes(controller: Function, instance: object): RouteDefinition[] {
  const record = readController(controller);
  if (!record) throw new BootstrapError(`${controller.name} is listed in controllers but has no @Controller() decorator`);
  return readRoutes(controller).map((route) => {
    const owner = `${controller.name}.${route.propertyKey}`;
    const method = (instance as Record<string, unknown>)[route.propertyKey];
    if (typeof method !== 'function') throw new BootstrapError(`${owner} is not a method`);
    return {
      kind: route.kind,
      method: route.method,
      path: joinPath(record.prefix, route.path, owner),
      handler: method.bind(instance),
      params: readParamSpecs(controller.prototype, route.propertyKey),
      options: inheritRouteOptions(route.options, route.kind, record),
      owner,
      controller: controller.name,
      methodName: route.propertyKey,
      tags: [...(record.tags ?? []), ...(route.options.tags ?? [])],
      dependencies: [...(record.dependencies ?? []), ...(route.options.dependencies ?? [])],
      middleware: [...(record.middleware ?? []), ...(route.options.middleware ?? [])],
    };
  });
}

