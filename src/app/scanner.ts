import { ModuleScope, tokenName, type Container, type ProviderEntry, type ProviderRecipe } from '../di/container.js';
import { symbolDisposerOf } from '../di/dispose.js';
import type { RouteDefinition } from '../http/route.js';
import type { Provider, ProviderToken } from '../metadata/records.js';
import {
  readController,
  readInjectable,
  readInjectTokens,
  readLifespanHooks,
  readModule,
  readParamSpecs,
  readParamTypes,
  readRoutes,
} from '../metadata/read.js';
import { BootstrapError } from './errors.js';
import { joinPath } from './paths.js';

/**
 * Walks the module tree once: registers each module's providers, works out what each module
 * sees (its own providers, its imports' exports, global modules' exports), builds the
 * singletons and controllers in dependency order, collects lifespan hooks, returns the routes.
 */
export async function scanModules(root: Function, container: Container): Promise<RouteDefinition[]> {
  const scopes = collectModules(root, container);
  const resolved = new Set<ModuleScope>();
  for (const scope of scopes) resolveExports(scope, resolved);
  for (const scope of scopes) {
    for (const entry of scope.providers.values()) await buildSingleton(container, entry, []);
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
    for (const provider of options.providers ?? []) register(container, scope, provider);
    container.modules.push(scope);
    if (scope.global) container.globals.push(scope);
    return scope;
  };
  visit(root, undefined);
  return container.modules;
}

function register(container: Container, scope: ModuleScope, provider: Provider): void {
  let token: ProviderToken;
  let recipe: ProviderRecipe;
  if (typeof provider === 'function') {
    token = provider;
    recipe = { kind: 'class', useClass: provider, scope: readInjectable(provider)?.scope ?? 'singleton' };
  } else if (provider && typeof provider === 'object' && 'provide' in provider) {
    token = provider.provide;
    if ('useValue' in provider) recipe = { kind: 'value', value: provider.useValue };
    else if ('useClass' in provider) recipe = { kind: 'class', useClass: provider.useClass, scope: readInjectable(provider.useClass)?.scope ?? 'singleton' };
    else if ('useFactory' in provider) recipe = { kind: 'factory', factory: provider.useFactory as (...args: unknown[]) => unknown, inject: provider.inject ?? [] };
    else throw new BootstrapError(`${scope.name}: provider ${tokenName(token)} needs useValue, useClass or useFactory`);
  } else {
    throw new BootstrapError(`${scope.name}: ${String(provider)} is not a provider (a class, or { provide, useValue | useClass | useFactory })`);
  }
  if (scope.providers.has(token)) throw new BootstrapError(`${scope.name} lists the provider ${tokenName(token)} twice`);
  const entry: ProviderEntry = { token, recipe, module: scope.name, scope };
  scope.providers.set(token, entry);
  if (!container.entries.has(token)) container.entries.set(token, entry);
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

async function buildSingleton(container: Container, entry: ProviderEntry, chain: ProviderToken[]): Promise<unknown> {
  if (entry.built) return entry.value;
  const { token, recipe } = entry;
  if (chain.includes(token)) throw new BootstrapError(`provider cycle ${[...chain, token].map(tokenName).join(' -> ')}`);
  if (recipe.kind === 'class' && recipe.scope === 'request') return undefined;
  const path = [...chain, token];
  let value: unknown;
  if (recipe.kind === 'value') value = recipe.value;
  else if (recipe.kind === 'factory') {
    const args = [];
    for (const [i, dep] of recipe.inject.entries()) {
      const found = lookup(container, dep, entry.scope!, `factory ${tokenName(token)} (in ${entry.module}), inject[${i}]`);
      args.push(await buildSingleton(container, found, path));
    }
    value = await recipe.factory(...args);
  } else value = await construct(container, recipe.useClass, entry.scope!, path, `provider ${tokenName(token)} (in ${entry.module})`);
  entry.value = value;
  entry.built = true;
  // The container owns what it made; a value given with useValue belongs to whoever made it.
  if (recipe.kind !== 'value') {
    collectHooks(container, tokenName(token), value);
    const dispose = symbolDisposerOf(value);
    if (dispose) container.disposables.push({ name: tokenName(token), dispose });
  }
  return value;
}

function lookup(container: Container, token: ProviderToken, scope: ModuleScope, what: string): ProviderEntry {
  const entry = container.find(token, scope);
  if (!entry) throw new BootstrapError(`${what}: ${container.explainMissing(token, scope)}`);
  return entry;
}

async function construct(container: Container, cls: Function, scope: ModuleScope, chain: ProviderToken[], what: string): Promise<unknown> {
  const types = readParamTypes(cls);
  const tokens = readInjectTokens(cls);
  const count = Math.max(types.length, ...Object.keys(tokens).map((i) => Number(i) + 1));
  if (count < cls.length) {
    throw new BootstrapError(`${what}: its constructor takes ${cls.length} parameter(s) but no types were emitted; decorate the class with @Injectable()`);
  }
  const args: unknown[] = [];
  for (let i = 0; i < count; i++) {
    const token = (tokens[i] ?? types[i]) as ProviderToken;
    const entry = container.find(token, scope);
    if (!entry) {
      const reason = container.has(token) ? container.explainMissing(token, scope) : `${tokenName(token)} has no provider; add it to a module's providers`;
      throw new BootstrapError(`${what}: constructor parameter #${i}: ${reason}`);
    }
    if (entry.recipe.kind === 'class' && entry.recipe.scope === 'request') {
      throw new BootstrapError(`${what}: constructor parameter #${i} is the request-scoped ${tokenName(token)}; a singleton outlives requests, so inject it into handlers instead`);
    }
    args.push(await buildSingleton(container, entry, chain));
  }
  return new (cls as new (...a: unknown[]) => unknown)(...args);
}

/** Registers the `@OnStartup()`/`@OnShutdown()` methods of a built instance. */
function collectHooks(container: Container, name: string, instance: unknown): void {
  if (instance === null || typeof instance !== 'object') return;
  const hooks = readLifespanHooks(instance.constructor);
  const target = instance as Record<string, () => unknown>;
  for (const method of hooks.startup) container.startupHooks.push({ name: `${name}.${method}`, run: () => target[method]() });
  for (const method of hooks.shutdown) container.shutdownHooks.push({ name: `${name}.${method}`, run: () => target[method]() });
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
      options: route.options,
      owner,
      controller: controller.name,
      methodName: route.propertyKey,
      tags: [...(record.tags ?? []), ...(route.options.tags ?? [])],
      dependencies: [...(record.dependencies ?? []), ...(route.options.dependencies ?? [])],
      middleware: [...(record.middleware ?? []), ...(route.options.middleware ?? [])],
    };
  });
}

