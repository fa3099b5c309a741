import { Arena } from '../di/arena.js';
import { BackgroundTasks } from '../di/background-tasks.js';
import { tokenName, type Container, type ModuleScope } from '../di/container.js';
import { symbolDisposerOf } from '../di/dispose.js';
import { UnparsedBody } from '../http/body.js';
import { Hub } from '../hub/hub.js';
import type { RequestContext } from '../http/context.js';
import { Request } from '../http/request.js';
import { Response } from '../http/response.js';
import type { ParamSpec } from '../metadata/records.js';
import type { ParamRecord, ProviderToken, ProviderObject } from '../metadata/records.js';
import { readInjectable, readParamSpecs } from '../metadata/read.js';
import { OAuth2PasswordRequestForm } from '../security/oauth2.js';
import { SecurityScheme } from '../security/scheme.js';
import { SecurityScopes } from '../security/scopes.js';
import { compileCoercer, constraintMismatch, planParam } from '../validation/coerce.js';
import { compileParamModelReader, type ModelInput, type ModelSource } from '../validation/param-model.js';
import { compileDto, type DtoResult } from '../validation/dto.js';
import type { Loc } from '../validation/errors.js';
import { Connection } from '../websocket/connection.js';
import { BootstrapError } from './errors.js';

/**
 * Turns the request context into one argument. `async` marks extractors that may return a
 * promise, known at bootstrap; an override may still return one at run time, and the
 * resolvers below await it then.
 */
export interface Extractor {
  (ctx: RequestContext): unknown;
  async?: boolean;
}

/** Resolves all arguments of a handler or provider; `async` when it returns a promise. */
export interface ArgsResolver {
  (ctx: RequestContext): unknown[] | Promise<unknown[]>;
  async: boolean;
}

/** What a route's parameters need, gathered while compiling them. */
export interface InjectEnv {
  owner: string;
  kind: 'http' | 'websocket';
  pathParams: Set<string>;
  /** The path's catch-all parameter, which the router reports under `*`. */
  catchAll?: string;
  container: Container;
  /** The app's Hub, injected by type. */
  hub: Hub;
  needs: { json: boolean; form: boolean };
  /** Providers being compiled, outermost first, to name a cycle. */
  chain: unknown[];
  /** The module whose providers are visible; `undefined` for `createApp()` routes, which see all. */
  scope?: ModuleScope;
  /** Scopes required by the `Security(…, scopes)` entries along the chain, outermost first. */
  scopes?: readonly string[];
}

const BUILTIN_TYPES = new Set<unknown>([String, Number, Boolean, Date, Array, Object, Promise, Function, Symbol, BigInt]);

function isDtoClass(type: unknown): type is Function {
  return typeof type === 'function' && !BUILTIN_TYPES.has(type) && type !== Buffer;
}

const noop = () => undefined;

/**
 * Compiles all parameters of a handler (or provider) into one argument resolver. When no
 * parameter is async the resolver is a plain loop that allocates no promise.
 */
export function compileArgs(specs: ParamSpec[], env: InjectEnv): ArgsResolver {
  const extractors = specs.map((spec) => compileParam(spec, env));
  const count = extractors.length;
  if (count === 0) return Object.assign(() => [], { async: false });
  if (!extractors.some((e) => e.async)) {
    return Object.assign(function resolveArgs(ctx: RequestContext) {
      const args = new Array(count);
      let late = false;
      for (let i = 0; i < count; i++) {
        const value = extractors[i](ctx);
        args[i] = value;
        // An override may be async where the real dependency is not; a later throw must not leave it unhandled.
        if (value instanceof Promise) {
          late = true;
          value.catch(noop);
        }
      }
      return late ? settleLate(args) : args;
    }, { async: false });
  }
  // Runs synchronously until an extractor actually returns a promise (a compiled DTO check,
  // for one, answers valid input without one), then goes on in order after it settles.
  async function finishFrom(ctx: RequestContext, args: unknown[], index: number, pending: Promise<unknown>): Promise<unknown[]> {
    args[index] = await pending;
    for (let i = index + 1; i < count; i++) {
      const value = extractors[i](ctx);
      args[i] = value instanceof Promise ? await value : value;
    }
    return args;
  }
  return Object.assign(function resolveArgsMaybeAsync(ctx: RequestContext): unknown[] | Promise<unknown[]> {
    const args = new Array(count);
    for (let i = 0; i < count; i++) {
      const value = extractors[i](ctx);
      if (value instanceof Promise) return finishFrom(ctx, args, i, value);
      args[i] = value;
    }
    return args;
  }, { async: true });
}

async function settleLate(args: unknown[]): Promise<unknown[]> {
  for (let i = 0; i < args.length; i++) if (args[i] instanceof Promise) args[i] = await args[i];
  return args;
}

function describe(env: InjectEnv, spec: ParamSpec): string {
  const name = 'name' in spec && spec.name ? ` "${spec.name}"` : '';
  return `${env.owner}, parameter #${spec.index}${name}`;
}

function compileParam(spec: ParamSpec, env: InjectEnv): Extractor {
  switch (spec.source) {
    case 'path': {
      const name = spec.name!;
      if (!env.pathParams.has(name)) {
        throw new BootstrapError(`${describe(env, spec)}: @Param('${name}') is not a parameter of the route path`);
      }
      const key = name === env.catchAll ? '*' : name;
      return scalar(spec, env, ['path', name], (ctx) => ctx.params[key]);
    }
    case 'query': {
      const name = spec.name;
      if (name === undefined) return compileParamModel(spec, env);
      return scalar(spec, env, ['query', name], (ctx) => ctx.query[name]);
    }
    case 'header': {
      const name = spec.name;
      if (name === undefined) return compileParamModel(spec, env);
      // Node joins a repeated header with commas; a list parameter wants each line.
      if (planParam(spec).list) return scalar(spec, env, ['header', name], (ctx) => ctx.raw.headersDistinct[name]);
      return scalar(spec, env, ['header', name], (ctx) => ctx.raw.headers[name]);
    }
    case 'cookie': {
      const name = spec.name;
      if (name === undefined) return compileParamModel(spec, env);
      return scalar(spec, env, ['cookie', name], (ctx) => ctx.cookies[name]);
    }
    case 'form': {
      requireBody(env, spec, 'form');
      const name = spec.name;
      if (name === undefined) return compileParamModel(spec, env);
      return scalar(spec, env, ['body', name], (ctx) => ctx.form?.fields.get(name));
    }
    case 'file':
      requireBody(env, spec, 'form');
      return fileParam(spec);
    case 'body':
      requireBody(env, spec, 'json');
      return bodyParam(spec);
    case 'depends':
      if (spec.provider === undefined) throw new BootstrapError(`${describe(env, spec)}: @Depends() without a provider needs a class as the parameter's type`);
      return compileDepends(spec.provider, spec.options.useCache !== false, spec.options.scopes, env, describe(env, spec));
    case 'type':
      return byType(spec, env);
  }
}

function requireBody(env: InjectEnv, spec: ParamSpec, kind: 'json' | 'form'): void {
  if (env.kind === 'websocket') {
    throw new BootstrapError(`${describe(env, spec)}: WebSocket routes have no request body`);
  }
  env.needs[kind] = true;
  if (env.needs.json && env.needs.form) {
    throw new BootstrapError(`${describe(env, spec)}: a route cannot read both a JSON body and form fields`);
  }
}

function scalar(spec: ParamRecord & { type: unknown }, env: InjectEnv, loc: Loc, read: (ctx: RequestContext) => string | string[] | undefined): Extractor {
  const plan = planParam(spec);
  const mismatch = constraintMismatch(plan);
  if (mismatch) throw new BootstrapError(`${describe(env, spec)}: ${mismatch}`);
  const coerce = compileCoercer(plan);
  return (ctx) => coerce(read(ctx), loc, ctx);
}

/** `@Query() filters: FilterParams` and its kin: a DTO class filled from every key of one source. */
function compileParamModel(spec: ParamRecord & { type: unknown }, env: InjectEnv): Extractor {
  const source = spec.source as ModelSource;
  const cls = spec.options.type ?? spec.type;
  if (!isDtoClass(cls) || Array.isArray(cls)) {
    throw new BootstrapError(`${describe(env, spec)}: @${DECORATOR_NAMES[source]}() without a name takes a class of fields; name the ${source} value or type the parameter with a class`);
  }
  let read: ReturnType<typeof compileParamModelReader>;
  try {
    read = compileParamModelReader(cls, source, { forbidUnknown: spec.options.forbidUnknown === true });
  } catch (err) {
    throw new BootstrapError(`${describe(env, spec)}: ${(err as Error).message}`);
  }
  const inputOf = MODEL_INPUTS[source];
  const extract: Extractor = (ctx) => {
    const result = read(inputOf(ctx));
    return result instanceof Promise ? result.then((r) => settle(r, ctx)) : settle(result, ctx);
  };
  extract.async = true;
  return extract;
}

const DECORATOR_NAMES: Record<ModelSource, string> = { query: 'Query', header: 'Header', cookie: 'Cookie', form: 'Form' };

const MODEL_INPUTS: Record<ModelSource, (ctx: RequestContext) => ModelInput> = {
  query: (ctx) => ({ get: (key) => ctx.query[key], keys: () => Object.keys(ctx.query) }),
  header: (ctx) => ({
    get: (key, list) => (list ? ctx.raw.headersDistinct[key] : ctx.raw.headers[key]),
    keys: () => Object.keys(ctx.raw.headers),
  }),
  cookie: (ctx) => ({ get: (key) => ctx.cookies[key], keys: () => Object.keys(ctx.cookies) }),
  form: (ctx) => ({ get: (key) => ctx.form?.fields.get(key), keys: () => ctx.form?.fields.keys() ?? [] }),
};

function fileParam(spec: ParamRecord): Extractor {
  const name = spec.name!;
  const loc = ['body', name];
  const multiple = spec.options.multiple === true;
  const required = spec.options.required !== false;
  return (ctx) => {
    const files = ctx.form?.files.get(name);
    if (!files || files.length === 0) {
      if (required) ctx.push({ type: 'missing', loc, msg: 'Field required', input: null });
      return multiple ? [] : undefined;
    }
    return multiple ? files : files[0];
  };
}

function bodyParam(spec: ParamRecord & { type: unknown }): Extractor {
  const name = spec.name;
  const loc: Loc = name ? ['body', name] : ['body'];
  const declared = spec.options.type ?? spec.type;
  const list = Array.isArray(declared);
  const itemType = list ? declared[0] : declared;
  const required = spec.options.required !== false && spec.sourceDefault === undefined;
  // A body sent without a JSON content type is its text: a model finds no fields in it.
  const pick = (ctx: RequestContext): unknown => {
    const body = ctx.body;
    if (body instanceof UnparsedBody) return name === undefined ? body.text : undefined;
    return name === undefined ? body : (body as Record<string, unknown> | undefined)?.[name];
  };

  if (!isDtoClass(itemType)) {
    const check = primitiveCheck(itemType);
    return (ctx) => {
      const value = pick(ctx);
      if (value === undefined) {
        if (required) ctx.push({ type: 'missing', loc, msg: 'Field required', input: null });
        return undefined;
      }
      return check(value, loc, ctx);
    };
  }
  const validate = compileDto(itemType, spec.options);
  const extract: Extractor = (ctx) => {
    const value = pick(ctx);
    if (value === undefined) {
      if (required) ctx.push({ type: 'missing', loc, msg: 'Field required', input: null });
      return undefined;
    }
    if (!list) {
      const result = validate(value, loc);
      return result instanceof Promise ? result.then((r) => settle(r, ctx)) : settle(result, ctx);
    }
    if (!Array.isArray(value)) {
      ctx.push({ type: 'list_type', loc, msg: 'Input should be a valid list', input: value });
      return undefined;
    }
    const results = value.map((item, i) => validate(item, [...loc, i]));
    if (!results.some((r) => r instanceof Promise)) return results.map((r) => settle(r as DtoResult, ctx));
    return Promise.all(results).then((settled) => settled.map((r) => settle(r, ctx)));
  };
  // Valid input to a compiled DTO answers synchronously; class-validator's path returns a promise.
  extract.async = true;
  return extract;
}

function settle(result: DtoResult, ctx: RequestContext): unknown {
  if (result.errors) ctx.push(...result.errors);
  return result.value;
}

function primitiveCheck(type: unknown): (value: unknown, loc: Loc, ctx: RequestContext) => unknown {
  const expected = type === String ? 'string' : type === Number ? 'number' : type === Boolean ? 'boolean' : undefined;
  if (!expected) return (value) => value;
  const typeName = { string: 'string_type', number: 'float_type', boolean: 'bool_type' }[expected];
  return (value, loc, ctx) => {
    if (typeof value === expected) return value;
    ctx.push({ type: typeName, loc, msg: `Input should be a valid ${expected}`, input: value });
    return undefined;
  };
}

function byType(spec: ParamSpec, env: InjectEnv): Extractor {
  const type = spec.type;
  if (type === Request) return (ctx) => ctx.request;
  if (type === Arena) return (ctx) => ctx.arena;
  if (type === BackgroundTasks) return (ctx) => ctx.backgroundTasks;
  if (type === SecurityScopes) {
    const scopes = new SecurityScopes(env.scopes);
    return () => scopes;
  }
  if (type === OAuth2PasswordRequestForm) return compileDependency(OAuth2PasswordRequestForm, { useCache: true }, env, describe(env, spec));
  if (type === Hub) {
    const hub = env.hub;
    return () => hub;
  }
  if (type === Response) {
    if (env.kind === 'websocket') throw new BootstrapError(`${describe(env, spec)}: WebSocket handlers cannot take a Response`);
    return (ctx) => ctx.response;
  }
  if (type === Connection) {
    if (env.kind !== 'websocket') throw new BootstrapError(`${describe(env, spec)}: only WebSocket handlers can take a Connection`);
    if (env.chain.length > 0) {
      throw new BootstrapError(`${describe(env, spec)}: dependencies run before the handshake, so only the handler itself can take the Connection`);
    }
    // A placeholder: the socket route puts the Connection in this slot once the handshake is done.
    return () => undefined;
  }
  // `@Inject(token)` puts a string or symbol token in the type's place.
  if (typeof type === 'string' || typeof type === 'symbol') return compileProvider(type, env, describe(env, spec));
  if (typeof type === 'function' && (env.container.has(type) || readInjectable(type))) {
    return compileProvider(type, env, describe(env, spec));
  }
  const shown = typeof type === 'function' ? type.name : String(type);
  throw new BootstrapError(
    `${describe(env, spec)}: cannot inject a parameter of type ${shown}; ` +
      'use a decorator (@Param, @Query, @Body, @Depends, @Inject, …), Request, Response, Arena, BackgroundTasks, Connection, Hub or an @Injectable() class',
  );
}

/** Parameters of a provider class's constructor or of a `dependency(...)` function. */
function providerParams(provider: Function, where: string): ParamSpec[] {
  const specs = readParamSpecs(provider);
  if (specs.length < provider.length) {
    const how = isClass(provider)
      ? 'decorate the class with @Injectable() so TypeScript emits its constructor types'
      : 'declare them with dependency([...], fn)';
    throw new BootstrapError(`${where}: ${provider.name || 'anonymous'} takes ${provider.length} parameter(s) the injector cannot see; ${how}`);
  }
  return specs;
}

/**
 * `@Depends(x)` / `@Security(x, scopes)`: a security scheme reads the credentials, a registered
 * provider is injected as such, anything else is called per request, FastAPI-style. Scopes add
 * up along the chain; a value is shared within a request only where the same scopes are required.
 */
function compileDepends(provider: Function | ProviderObject, useCache: boolean, scopes: readonly string[] | undefined, env: InjectEnv, where: string): Extractor {
  const inner = scopes && scopes.length > 0 ? { ...env, scopes: [...(env.scopes ?? []), ...scopes] } : env;
  if (provider instanceof SecurityScheme) return compileScheme(provider, inner, where);
  if (typeof provider !== 'function') throw new BootstrapError(`${where}: ${String(provider)} is neither a function, a class nor a security scheme`);
  const fn = provider;
  if (env.container.has(fn)) return compileProvider(fn, inner, where);
  return compileDependency(fn, { useCache, cacheKey: scopedKey(fn, inner.scopes) }, inner, where);
}

/** A security scheme's reader for the scopes required here; overridable like any dependency. */
function compileScheme(scheme: SecurityScheme, env: InjectEnv, where: string): Extractor {
  const read = scheme.compile(env.scopes ?? [], env.kind);
  const overrides = env.container.overrides;
  const overridden = overrideSite(scheme, env, where);
  // Credentials are checked even when other parameters already failed: refuse before validating.
  const extractor = cached(scopedKey(scheme, env.scopes), (ctx) => (overrides.size > 0 && overrides.has(scheme) ? overridden(ctx) : read(ctx)));
  extractor.async = scheme.isAsync;
  return extractor;
}

const scopedKeys = new WeakMap<object, Map<string, object>>();

/** One cache key per provider and set of required scopes (FastAPI's `(call, scopes)`); the provider itself without scopes. */
function scopedKey(provider: object, scopes: readonly string[] | undefined): unknown {
  if (!scopes || scopes.length === 0) return provider;
  const id = [...new Set(scopes)].sort().join(' ');
  let byScopes = scopedKeys.get(provider);
  if (!byScopes) scopedKeys.set(provider, (byScopes = new Map()));
  let key = byScopes.get(id);
  if (!key) byScopes.set(id, (key = { provider, scopes: id }));
  return key;
}

/** A provider token resolved per request: overrides first, then the singleton or a request-scoped instance. */
function compileProvider(token: ProviderToken, env: InjectEnv, where: string): Extractor {
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
    return compileDependency(useClass, { useCache: true, key: token, construct: (args) => new useClass(...args) }, { ...env, scope: entry.scope }, where);
  }
  if (!entry.built) throw new BootstrapError(`${where}: the singleton ${tokenName(token)} was not built`);
  const value = entry.value;
  const overrides = container.overrides;
  const overridden = cached(token, overrideSite(token, env, where));
  return (ctx) => (overrides.size > 0 && overrides.has(token) ? overridden(ctx) : value);
}

const GeneratorFunction = Object.getPrototypeOf(function* () {}).constructor;
const AsyncGeneratorFunction = Object.getPrototypeOf(async function* () {}).constructor;
const AsyncFunction = Object.getPrototypeOf(async function () {}).constructor;

type ProviderKind = 'sync' | 'async' | 'generator' | 'async-generator' | 'class';

function isClass(fn: Function): boolean {
  return /^class[\s{]/.test(Function.prototype.toString.call(fn));
}

function kindOf(provider: Function, constructs: boolean): ProviderKind {
  if (constructs || isClass(provider)) return 'class';
  if (provider instanceof AsyncGeneratorFunction) return 'async-generator';
  if (provider instanceof GeneratorFunction) return 'generator';
  if (provider instanceof AsyncFunction) return 'async';
  return 'sync';
}

interface DependencyOptions {
  useCache: boolean;
  /** What the value is cached and overridden under (the provider token); the provider itself by default. */
  key?: unknown;
  /** What the value is cached under when it differs from `key` (the scopes required there). */
  cacheKey?: unknown;
  construct?: (args: unknown[]) => unknown;
}

/**
 * A dependency: its own parameters compiled the same way, its value cached once per request,
 * and a generator's code after `yield` run as teardown from the Arena after the response.
 * It is async only when the provider is, or something it needs is.
 */
function compileDependency(provider: Function, options: DependencyOptions, env: InjectEnv, where: string): Extractor {
  const key = options.key ?? provider;
  if (env.chain.includes(key)) {
    const cycle = [...env.chain.slice(env.chain.indexOf(key)), key].map((k) => tokenName(k as ProviderToken));
    throw new BootstrapError(`${where}: dependency cycle ${cycle.join(' -> ')}`);
  }
  const name = tokenName(key as ProviderToken);
  const inner: InjectEnv = { ...env, owner: `${env.owner} -> ${name}`, chain: [...env.chain, key] };
  const resolveArgs = compileArgs(providerParams(provider, inner.owner), inner);
  const kind = kindOf(provider, options.construct !== undefined);
  const make = options.construct ?? (kind === 'class'
    ? (args: unknown[]) => new (provider as new (...a: unknown[]) => unknown)(...args)
    : (args: unknown[]) => (provider as (...a: unknown[]) => unknown)(...args));
  // Request-scoped instances with Symbol.asyncDispose/Symbol.dispose are disposed with the request's Arena.
  const disposable = kind === 'class' && symbolDisposerOf(provider.prototype) !== undefined;

  // As FastAPI, a dependency is called as soon as its own inputs are valid, whatever failed
  // before it: an HttpException it throws answers even when a later parameter is missing.
  const run = (ctx: RequestContext, args: unknown[], errorsBefore: number): unknown => {
    if ((ctx.errors?.length ?? 0) > errorsBefore || args.includes(SKIPPED)) return SKIPPED;
    const made = make(args);
    if (kind === 'generator') return startGenerator(made as Generator, ctx);
    if (kind === 'async-generator') return startAsyncGenerator(made as AsyncGenerator, ctx);
    if (disposable) ctx.onTeardown(symbolDisposerOf(made)!);
    return made;
  };

  const overrides = env.container.overrides;
  const overridden = overrideSite(key, env, where);
  const resolve = (ctx: RequestContext): unknown => {
    if (overrides.size > 0 && overrides.has(key)) return overridden(ctx);
    const errorsBefore = ctx.errors?.length ?? 0;
    const args = resolveArgs(ctx);
    return args instanceof Promise ? args.then((a) => run(ctx, a, errorsBefore)) : run(ctx, args, errorsBefore);
  };
  const extractor: Extractor = options.useCache ? cached(options.cacheKey ?? key, resolve) : resolve;
  extractor.async = kind === 'async' || kind === 'async-generator' || resolveArgs.async;
  return extractor;
}

/**
 * The value of a dependency that was not called because its inputs failed validation; those
 * failures answer 422 before any handler could see it. Cached like a value, so a dependency
 * needing it is skipped too.
 */
const SKIPPED = Symbol('skipped dependency');

/** Shares one value per request under `key`. */
function cached(key: unknown, resolve: (ctx: RequestContext) => unknown): Extractor {
  return (ctx) => {
    const cache = (ctx.cache ??= new Map());
    const hit = cache.get(key);
    if (hit !== undefined || cache.has(key)) return hit;
    const value = resolve(ctx);
    cache.set(key, value);
    return value;
  };
}

/**
 * The replacement set in `app.dependencyOverrides` for `key`: a value is used as is; a
 * function or class is a dependency like any other (parameters injected, generators torn
 * down), compiled the first time it is met, since overrides are set after bootstrap.
 */
function overrideSite(key: unknown, env: InjectEnv, where: string): (ctx: RequestContext) => unknown {
  const compiled = new Map<Function, Extractor>();
  const overrides = env.container.overrides;
  return (ctx) => {
    const replacement = overrides.get(key);
    if (typeof replacement !== 'function') return replacement;
    let extractor = compiled.get(replacement);
    if (extractor === undefined) {
      extractor = compileDependency(replacement, { useCache: false }, { ...env, chain: [...env.chain, key] }, `${where} (override)`);
      compiled.set(replacement, extractor);
    }
    return extractor(ctx);
  };
}

function startGenerator(gen: Generator, ctx: RequestContext): unknown {
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

async function startAsyncGenerator(gen: AsyncGenerator, ctx: RequestContext): Promise<unknown> {
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
