import { BootstrapError } from '../metadata/bootstrap-error.js';
import type { Provider, ProviderToken } from '../metadata/records.js';
import { readInjectable, readLifespanHooks } from '../metadata/read.js';
import { tokenName, type Container, type ModuleScope, type ProviderEntry, type ProviderRecipe } from './container.js';
import { symbolDisposerOf } from './dispose.js';
import { providerParams } from './provider-params.js';

/** Registers one entry of a module's `providers` in its scope (and in the container, if first). */
export function registerProvider(container: Container, scope: ModuleScope, provider: Provider): void {
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

/**
 * Builds a singleton provider (and first what it needs), once; request-scoped providers are
 * left to the per-request injector. Its lifespan hooks and disposer are collected in build order.
 */
export async function buildSingleton(container: Container, entry: ProviderEntry, chain: ProviderToken[] = []): Promise<unknown> {
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

/**
 * Builds a class that lives as long as the app (a singleton provider, a controller) from the
 * singletons its constructor names, read as `providerParams` reads every provider's.
 */
export async function construct(container: Container, cls: Function, scope: ModuleScope, chain: ProviderToken[], what: string): Promise<unknown> {
  const args: unknown[] = [];
  for (const spec of providerParams(cls, what)) {
    const i = spec.index;
    if (spec.source !== 'type') {
      throw new BootstrapError(`${what}: constructor parameter #${i} reads the request (@${spec.source}); it is built once, so read the request in handlers or in a request-scoped provider`);
    }
    const token = spec.type as ProviderToken;
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
export function collectHooks(container: Container, name: string, instance: unknown): void {
  if (instance === null || typeof instance !== 'object') return;
  const hooks = readLifespanHooks(instance.constructor);
  const target = instance as Record<string, () => unknown>;
  for (const method of hooks.startup) container.startupHooks.push({ name: `${name}.${method}`, run: () => target[method]() });
  for (const method of hooks.shutdown) container.shutdownHooks.push({ name: `${name}.${method}`, run: () => target[method]() });
}
