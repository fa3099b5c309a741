import { BootstrapError } from '../metadata/bootstrap-error.js';
import type { ParamSpec, ProviderToken } from '../metadata/records.js';
import { readInjectable } from '../metadata/read.js';
import type { Deferred } from './arena.js';
import { tokenName, type Container, type ModuleScope } from './container.js';
import { symbolDisposerOf } from './dispose.js';
import type { DependencyOverrides, OverrideSite } from './overrides.js';
import { isClass, providerParams } from './provider-params.js';

/** What the injector needs of one request or connection; the request context is one. */
export interface DependencyScope {
  /** Values resolved so far in this scope, by cache key. */
  cache: Map<unknown, unknown> | undefined;
  /** Validation failures so far: a dependency whose inputs failed is not called. */
  readonly errors: readonly unknown[] | undefined;
  /** Runs `fn` when the scope ends (a generator's code after `yield`, a disposer). */
  onTeardown(fn: Deferred): void;
}

/**
 * Turns a scope into one argument. `async` marks extractors that may return a promise, known
 * at bootstrap; an override may still return one at run time, and resolvers await it then.
 */
export interface Extractor<C> {
  (ctx: C): unknown;
  async?: boolean;
}

/** Resolves all arguments of a handler or provider; `async` when it returns a promise. */
export interface ArgsResolver<C> {
  (ctx: C): unknown[] | Promise<unknown[]>;
  async: boolean;
}

/** Where a dependency is compiled: which route (for errors), which module's providers it sees. */
export interface DependencyEnv {
  owner: string;
  container: Container;
  /** The module whose providers are visible; `undefined` for `createApp()` routes, which see all. */
  scope?: ModuleScope;
  /** Providers being compiled, outermost first, to name a cycle. */
  chain: unknown[];
  /** Set while compiling an override: it may not make the route read what it did not. */
  override?: boolean;
}

/** Compiles a list of parameters (the extractors of `app/compile-params.ts`). */
export type CompileArgs<C, E> = (specs: ParamSpec[], env: E) => ArgsResolver<C>;

interface DependencyOptions {
  useCache: boolean;
  /** What the value is cached and overridden under (the provider token); the provider itself by default. */
  key?: unknown;
  /** What the value is cached under when it differs from `key` (the scopes required there). */
  cacheKey?: unknown;
  construct?: (args: unknown[]) => unknown;
}

/**
 * Builds the per-request side of dependency injection at bootstrap: registered providers
 * (singletons handed out, request-scoped ones constructed), `@Depends` functions and classes,
 * generators torn down after the answer, values shared within a request, and the slots that
 * `app.dependencyOverrides` fills. Parameters are compiled by `compileArgs`, which calls back
 * here for the dependencies among them.
 */
export class RequestInjector<C extends DependencyScope, E extends DependencyEnv> {
  constructor(private readonly compileArgs: CompileArgs<C, E>) {}

  /** A provider token: overrides first, then the singleton or a request-scoped instance. */
  provider(token: ProviderToken, env: E, where: string): Extractor<C> {
    const { container } = env;
    const entry = container.find(token, env.scope);
    if (!entry) {
      if (typeof token === 'function' && readInjectable(token) && !container.has(token)) {
        throw new BootstrapError(`${where}: ${tokenName(token)} is @Injectable() but no module lists it in providers`);
      }
      throw new BootstrapError(`${where}: ${container.explainMissing(token, env.scope)}`);
    }
    if (entry.recipe.kind === 'class' && entry.recipe.scope === 'request') {
      const useClass = entry.recipe.useClass as new (...args: unknown[]) => unknown;
      return this.dependency(useClass, { useCache: true, key: token, construct: (args) => new useClass(...args) }, { ...env, scope: entry.scope }, where);
    }
    if (!entry.built) throw new BootstrapError(`${where}: the singleton ${tokenName(token)} was not built`);
    const value = entry.value;
    const site = this.overrideSite(token, env, where);
    const overridden = cached<C>(token, (ctx) => site.current!(ctx));
    return (ctx) => (site.current !== undefined ? overridden(ctx) : value);
  }

  /**
   * A dependency: its own parameters compiled the same way, its value cached once per request,
   * and a generator's code after `yield` run as teardown after the response. It is async only
   * when the provider is, or something it needs is.
   */
  dependency(provider: Function, options: DependencyOptions, env: E, where: string): Extractor<C> {
    const key = options.key ?? provider;
    if (env.chain.includes(key)) {
      const cycle = [...env.chain.slice(env.chain.indexOf(key)), key].map((k) => tokenName(k as ProviderToken));
      throw new BootstrapError(`${where}: dependency cycle ${cycle.join(' -> ')}`);
    }
    const name = tokenName(key as ProviderToken);
    const inner: E = { ...env, owner: `${env.owner} -> ${name}`, chain: [...env.chain, key] };
    const params = providerParams(provider, inner.owner);
    env.container.dependencyParams.set(provider, params);
    if (typeof key === 'function') env.container.dependencyParams.set(key, params);
    const resolveArgs = this.compileArgs(params, inner);
    const kind = kindOf(provider, options.construct !== undefined);
    const make = options.construct ?? (kind === 'class'
      ? (args: unknown[]) => new (provider as new (...a: unknown[]) => unknown)(...args)
      : (args: unknown[]) => (provider as (...a: unknown[]) => unknown)(...args));
    // Request-scoped instances with Symbol.asyncDispose/Symbol.dispose are disposed with the request's Arena.
    const disposable = kind === 'class' && symbolDisposerOf(provider.prototype) !== undefined;

    // As FastAPI, a dependency is called as soon as its own inputs are valid, whatever failed
    // before it: an HttpException it throws answers even when a later parameter is missing.
    const run = (ctx: C, args: unknown[], errorsBefore: number): unknown => {
      if ((ctx.errors?.length ?? 0) > errorsBefore || args.includes(SKIPPED)) return SKIPPED;
      const made = make(args);
      if (kind === 'generator') return startGenerator(made as Generator, ctx);
      if (kind === 'async-generator') return startAsyncGenerator(made as AsyncGenerator, ctx);
      if (disposable) ctx.onTeardown(symbolDisposerOf(made)!);
      return made;
    };

    const site = this.overrideSite(key, env, where);
    const resolve = (ctx: C): unknown => {
      if (site.current !== undefined) return site.current(ctx);
      const errorsBefore = ctx.errors?.length ?? 0;
      const args = resolveArgs(ctx);
      return args instanceof Promise ? args.then((a) => run(ctx, a, errorsBefore)) : run(ctx, args, errorsBefore);
    };
    const extractor: Extractor<C> = options.useCache ? cached(options.cacheKey ?? key, resolve) : resolve;
    extractor.async = kind === 'async' || kind === 'async-generator' || resolveArgs.async;
    return extractor;
  }

  /**
   * The slot `app.dependencyOverrides` fills for `key` where it is injected here. A value is
   * used as is; a function or class is a dependency like any other (parameters injected,
   * generators torn down), compiled when it is set, for this place.
   */
  overrideSite(key: unknown, env: E, where: string): OverrideSite<C> {
    const compile = (replacement: unknown): ((ctx: C) => unknown) => {
      if (typeof replacement !== 'function') return () => replacement;
      const owner = `${env.owner} (override of ${tokenName(key as ProviderToken)})`;
      return this.dependency(replacement, { useCache: false }, { ...env, owner, chain: [...env.chain, key], override: true }, `${where} (override)`);
    };
    // One map serves every request type; the sites of this injector are all of its own type.
    return (env.container.overrides as DependencyOverrides<C>).site(key, compile);
  }
}

const GeneratorFunction = Object.getPrototypeOf(function* () {}).constructor;
const AsyncGeneratorFunction = Object.getPrototypeOf(async function* () {}).constructor;
const AsyncFunction = Object.getPrototypeOf(async function () {}).constructor;

type ProviderKind = 'sync' | 'async' | 'generator' | 'async-generator' | 'class';

function kindOf(provider: Function, constructs: boolean): ProviderKind {
  if (constructs || isClass(provider)) return 'class';
  if (provider instanceof AsyncGeneratorFunction) return 'async-generator';
  if (provider instanceof GeneratorFunction) return 'generator';
  if (provider instanceof AsyncFunction) return 'async';
  return 'sync';
}

/**
 * The value of a dependency that was not called because its inputs failed validation; those
 * failures answer 422 before any handler could see it. Cached like a value, so a dependency
 * needing it is skipped too.
 */
const SKIPPED = Symbol('skipped dependency');

/** Shares one value per request under `key`. */
export function cached<C extends DependencyScope>(key: unknown, resolve: (ctx: C) => unknown): Extractor<C> {
  return (ctx) => {
    const cache = (ctx.cache ??= new Map());
    const hit = cache.get(key);
    if (hit !== undefined || cache.has(key)) return hit;
    const value = resolve(ctx);
    cache.set(key, value);
    return value;
  };
}

const scopedKeys = new WeakMap<object, Map<string, object>>();

/** One cache key per provider and set of required scopes (FastAPI's `(call, scopes)`); the provider itself without scopes. */
export function scopedKey(provider: object, scopes: readonly string[] | undefined): unknown {
  if (!scopes || scopes.length === 0) return provider;
  const id = [...new Set(scopes)].sort().join(' ');
  let byScopes = scopedKeys.get(provider);
  if (!byScopes) scopedKeys.set(provider, (byScopes = new Map()));
  let key = byScopes.get(id);
  if (!key) byScopes.set(id, (key = { provider, scopes: id }));
  return key;
}

function startGenerator(gen: Generator, ctx: DependencyScope): unknown {
  const first = gen.next();
  if (first.done) return first.value;
  ctx.onTeardown((error) => {
    if (error === undefined) return void gen.next();
    try {
      gen.throw(error);
    } catch (rethrown) {
      if (rethrown !== error) throw rethrown;
    }
  });
  return first.value;
}

async function startAsyncGenerator(gen: AsyncGenerator, ctx: DependencyScope): Promise<unknown> {
  const first = await gen.next();
  if (first.done) return first.value;
  ctx.onTeardown(async (error) => {
    if (error === undefined) return void (await gen.next());
    try {
      await gen.throw(error);
    } catch (rethrown) {
      if (rethrown !== error) throw rethrown;
    }
  });
  return first.value;
}
