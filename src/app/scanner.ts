import { tokenName, type Container, type ProviderRecipe } from '../di/container.js';
import type { ParamSpec, RouteDefinition } from '../http/route.js';
import type { ModuleOptions, Provider, ProviderToken } from '../metadata/records.js';
import { readController, readInjectable, readInjectTokens, readModule, readParams, readParamTypes, readRoutes } from '../metadata/read.js';
import { BootstrapError } from './errors.js';
import { joinPath } from './paths.js';

interface ScannedModule {
  name: string;
  options: ModuleOptions;
}

/** Walks the module tree once: registers providers, builds singletons and controllers, returns the routes. */
export async function scanModules(root: Function, container: Container): Promise<RouteDefinition[]> {
  const modules = collectModules(root);
  for (const mod of modules) {
    for (const provider of mod.options.providers ?? []) register(container, provider, mod.name);
  }
  for (const token of container.entries.keys()) await buildSingleton(container, token, []);
  const routes: RouteDefinition[] = [];
  for (const mod of modules) {
    for (const controller of mod.options.controllers ?? []) {
      const instance = await construct(container, controller, [], `controller ${controller.name}`);
      routes.push(...controllerRoutes(controller, instance as object));
    }
  }
  return routes;
}

function collectModules(root: Function): ScannedModule[] {
  const seen = new Set<Function>();
  const out: ScannedModule[] = [];
  const visit = (mod: Function, from: string | undefined): void => {
    if (seen.has(mod)) return;
    seen.add(mod);
    const options = readModule(mod);
    if (!options) throw new BootstrapError(`${mod?.name ?? String(mod)}${from ? ` (imported by ${from})` : ''} is not a @Module() class`);
    for (const imported of options.imports ?? []) visit(imported, mod.name);
    out.push({ name: mod.name, options });
  };
  visit(root, undefined);
  return out;
}

function register(container: Container, provider: Provider, moduleName: string): void {
  let token: ProviderToken;
  let recipe: ProviderRecipe;
  if (typeof provider === 'function') {
    token = provider;
    recipe = { kind: 'class', useClass: provider, scope: readInjectable(provider)?.scope ?? 'singleton' };
  } else if ('useValue' in provider) {
    token = provider.provide;
    recipe = { kind: 'value', value: provider.useValue };
  } else if ('useClass' in provider) {
    token = provider.provide;
    recipe = { kind: 'class', useClass: provider.useClass, scope: readInjectable(provider.useClass)?.scope ?? 'singleton' };
  } else {
    token = provider.provide;
    recipe = { kind: 'factory', factory: provider.useFactory as (...args: unknown[]) => unknown, inject: provider.inject ?? [] };
  }
  if (!container.entries.has(token)) container.entries.set(token, { token, recipe, module: moduleName });
}

async function buildSingleton(container: Container, token: ProviderToken, chain: ProviderToken[]): Promise<unknown> {
  if (container.singletons.has(token)) return container.singletons.get(token);
  const entry = container.entries.get(token);
  const path = [...chain, token].map(tokenName).join(' -> ');
  if (!entry) throw new BootstrapError(`no provider for ${tokenName(token)} (needed by ${chain.map(tokenName).join(' -> ') || 'the app'})`);
  if (chain.includes(token)) throw new BootstrapError(`provider cycle ${path}`);
  const { recipe } = entry;
  if (recipe.kind === 'class' && recipe.scope === 'request') return undefined;
  let value: unknown;
  if (recipe.kind === 'value') value = recipe.value;
  else if (recipe.kind === 'factory') {
    const args = [];
    for (const dep of recipe.inject) args.push(await buildSingleton(container, dep, [...chain, token]));
    value = await recipe.factory(...args);
  } else value = await construct(container, recipe.useClass, [...chain, token], `provider ${tokenName(token)}`);
  container.singletons.set(token, value);
  return value;
}

async function construct(container: Container, cls: Function, chain: ProviderToken[], what: string): Promise<unknown> {
  const types = readParamTypes(cls);
  const tokens = readInjectTokens(cls);
  const args: unknown[] = [];
  for (let i = 0; i < types.length; i++) {
    const token = (tokens[i] ?? types[i]) as ProviderToken;
    if (!container.entries.has(token)) {
      throw new BootstrapError(`${what}: constructor parameter #${i} of type ${tokenName(token)} has no provider; add it to a module's providers`);
    }
    const entry = container.entries.get(token)!;
    if (entry.recipe.kind === 'class' && entry.recipe.scope === 'request') {
      throw new BootstrapError(`${what}: constructor parameter #${i} is the request-scoped ${tokenName(token)}; inject it into handlers instead`);
    }
    args.push(await buildSingleton(container, token, chain));
  }
  return new (cls as new (...a: unknown[]) => unknown)(...args);
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
      params: paramSpecs(controller.prototype, route.propertyKey),
      options: route.options,
      owner,
      controller: controller.name,
      methodName: route.propertyKey,
      tags: [...(record.tags ?? []), ...(route.options.tags ?? [])],
      dependencies: [...(record.dependencies ?? []), ...(route.options.dependencies ?? [])],
    };
  });
}

function paramSpecs(prototype: object, propertyKey: string): ParamSpec[] {
  const records = readParams(prototype, propertyKey);
  const types = readParamTypes(prototype, propertyKey);
  const count = Math.max(types.length, ...records.map((r) => r.index + 1), 0);
  const specs: ParamSpec[] = [];
  for (let index = 0; index < count; index++) {
    const record = records.find((r) => r.index === index);
    specs.push(record ? { ...record, type: types[index] } : { index, source: 'type', type: types[index] });
  }
  return specs;
}
