import { Arena } from '../di/arena.js';
import { tokenName, type Container } from '../di/container.js';
import type { RequestContext } from '../http/context.js';
import { Request } from '../http/request.js';
import { Response } from '../http/response.js';
import type { ParamSpec } from '../http/route.js';
import type { ParamRecord, ProviderToken } from '../metadata/records.js';
import { readConstructorParams, readDependencyTypes, readInjectable, readInjectTokens, readParamTypes } from '../metadata/read.js';
import { compileCoercer, planCoercion } from '../validation/coerce.js';
import { compileDto } from '../validation/dto.js';
import type { Loc } from '../validation/errors.js';
import { Connection } from '../websocket/connection.js';
import { BootstrapError } from './errors.js';

/** Turns the request context into one argument; may return a promise when `async` is set. */
export interface Extractor {
  (ctx: RequestContext): unknown;
  async?: boolean;
}

/** What a route's parameters need, gathered while compiling them. */
export interface InjectEnv {
  owner: string;
  kind: 'http' | 'websocket';
  pathParams: Set<string>;
  container: Container;
  needs: { json: boolean; form: boolean };
  /** Providers being compiled, outermost first, to name a cycle. */
  chain: Function[];
}

const BUILTIN_TYPES = new Set<unknown>([String, Number, Boolean, Date, Array, Object, Promise, Function, Symbol, BigInt]);

export function isDtoClass(type: unknown): type is Function {
  return typeof type === 'function' && !BUILTIN_TYPES.has(type) && type !== Buffer;
}

/** Compiles all parameters of a handler (or provider) into one argument resolver. */
export function compileArgs(specs: ParamSpec[], env: InjectEnv): (ctx: RequestContext) => unknown[] | Promise<unknown[]> {
  const extractors = specs.map((spec) => compileParam(spec, env));
  const count = extractors.length;
  if (count === 0) return () => [];
  if (!extractors.some((e) => e.async)) {
    return function resolveArgs(ctx) {
      const args = new Array(count);
      for (let i = 0; i < count; i++) args[i] = extractors[i](ctx);
      return args;
    };
  }
  return async function resolveArgsAsync(ctx) {
    const args = new Array(count);
    for (let i = 0; i < count; i++) {
      const value = extractors[i](ctx);
      args[i] = extractors[i].async ? await value : value;
    }
    return args;
  };
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
      return scalar(spec, ['path', name], (ctx) => ctx.params[name]);
    }
    case 'query': {
      const name = spec.name!;
      return scalar(spec, ['query', name], (ctx) => ctx.query[name]);
    }
    case 'header': {
      const name = spec.name!;
      return scalar(spec, ['header', name], (ctx) => ctx.raw.headers[name]);
    }
    case 'cookie': {
      const name = spec.name!;
      return scalar(spec, ['cookie', name], (ctx) => ctx.cookies[name]);
    }
    case 'form': {
      requireBody(env, spec, 'form');
      const name = spec.name!;
      return scalar(spec, ['body', name], (ctx) => ctx.form?.fields.get(name));
    }
    case 'file':
      requireBody(env, spec, 'form');
      return fileParam(spec);
    case 'body':
      requireBody(env, spec, 'json');
      return bodyParam(spec);
    case 'depends':
      return compileDependency(spec.provider!, spec.options.useCache !== false, env, describe(env, spec));
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

function scalar(spec: ParamRecord & { type: unknown }, loc: Loc, read: (ctx: RequestContext) => string | string[] | undefined): Extractor {
  const coerce = compileCoercer(planCoercion(spec.options, spec.type));
  return (ctx) => coerce(read(ctx), loc, ctx.errors);
}

function fileParam(spec: ParamRecord): Extractor {
  const name = spec.name!;
  const loc = ['body', name];
  const multiple = spec.options.multiple === true;
  const required = spec.options.required !== false;
  return (ctx) => {
    const files = ctx.form?.files.get(name);
    if (!files || files.length === 0) {
      if (required) ctx.errors.push({ type: 'missing', loc, msg: 'Field required', input: null });
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
  const required = spec.options.required !== false;
  const pick = (ctx: RequestContext): unknown =>
    name === undefined ? ctx.body : (ctx.body as Record<string, unknown> | undefined)?.[name];

  if (!isDtoClass(itemType)) {
    const check = primitiveCheck(itemType);
    return (ctx) => {
      const value = pick(ctx);
      if (value === undefined) {
        if (required) ctx.errors.push({ type: 'missing', loc, msg: 'Field required', input: null });
        return undefined;
      }
      return check(value, loc, ctx);
    };
  }
  const validate = compileDto(itemType, spec.options);
  const extract: Extractor = async (ctx) => {
    const value = pick(ctx);
    if (value === undefined) {
      if (required) ctx.errors.push({ type: 'missing', loc, msg: 'Field required', input: null });
      return undefined;
    }
    if (!list) return settle(await validate(value, loc), ctx);
    if (!Array.isArray(value)) {
      ctx.errors.push({ type: 'list_type', loc, msg: 'Input should be a valid list', input: value });
      return undefined;
    }
    const results = await Promise.all(value.map((item, i) => validate(item, [...loc, i])));
    return results.map((result) => settle(result, ctx));
  };
  extract.async = true;
  return extract;
}

function settle(result: Awaited<ReturnType<ReturnType<typeof compileDto>>>, ctx: RequestContext): unknown {
  if (result.errors) ctx.errors.push(...result.errors);
  return result.value;
}

function primitiveCheck(type: unknown): (value: unknown, loc: Loc, ctx: RequestContext) => unknown {
  const expected = type === String ? 'string' : type === Number ? 'number' : type === Boolean ? 'boolean' : undefined;
  if (!expected) return (value) => value;
  const typeName = { string: 'string_type', number: 'float_type', boolean: 'bool_type' }[expected];
  return (value, loc, ctx) => {
    if (typeof value === expected) return value;
    ctx.errors.push({ type: typeName, loc, msg: `Input should be a valid ${expected}`, input: value });
    return undefined;
  };
}

function byType(spec: ParamSpec, env: InjectEnv): Extractor {
  const type = spec.type;
  if (type === Request) return (ctx) => ctx.request;
  if (type === Arena) return (ctx) => ctx.arena;
  if (type === Response) {
    if (env.kind === 'websocket') throw new BootstrapError(`${describe(env, spec)}: WebSocket handlers cannot take a Response`);
    return (ctx) => ctx.response;
  }
  if (type === Connection) {
    if (env.kind !== 'websocket') throw new BootstrapError(`${describe(env, spec)}: only WebSocket handlers can take a Connection`);
    return (ctx) => ctx.connection;
  }
  if (typeof type === 'function' && (env.container.entries.has(type) || readInjectable(type))) {
    return compileProvider(type, env, describe(env, spec));
  }
  const shown = typeof type === 'function' ? type.name : String(type);
  throw new BootstrapError(
    `${describe(env, spec)}: cannot inject a parameter of type ${shown}; ` +
      'use a decorator (@Param, @Query, @Body, @Depends, …), Request, Response, Arena, Connection or an @Injectable() class',
  );
}

/** Parameters of a provider class's constructor or of a `dependency(...)` function. */
function providerParams(provider: Function): ParamSpec[] {
  const records = readConstructorParams(provider);
  const types = readDependencyTypes(provider) ?? readParamTypes(provider);
  const tokens = readInjectTokens(provider);
  const count = Math.max(types.length, ...records.map((r) => r.index + 1), 0);
  const specs: ParamSpec[] = [];
  for (let index = 0; index < count; index++) {
    const record = records.find((r) => r.index === index);
    const type = tokens[index] ?? types[index];
    specs.push(record ? { ...record, type } : { index, source: 'type', type });
  }
  return specs;
}

/** A provider token resolved per request: overrides first, then singletons, then request scope. */
function compileProvider(token: ProviderToken, env: InjectEnv, where: string): Extractor {
  const { container } = env;
  const entry = container.entries.get(token);
  if (!entry && typeof token === 'function' && readInjectable(token)) {
    throw new BootstrapError(`${where}: ${tokenName(token)} is @Injectable() but no module in scope lists it in providers`);
  }
  if (!entry) throw new BootstrapError(`${where}: no provider for ${tokenName(token)}`);
  const overrides = container.overrides;
  if (entry.recipe.kind !== 'class' || entry.recipe.scope === 'singleton') {
    return (ctx) => (overrides.size > 0 && overrides.has(token) ? overrides.get(token) : container.singletons.get(token)) ?? missingSingleton(token, ctx);
  }
  const useClass = entry.recipe.useClass as new (...args: unknown[]) => unknown;
  return compileDependency(useClass, true, env, where, (args) => new useClass(...args));
}

function missingSingleton(token: ProviderToken, _ctx: RequestContext): never {
  throw new Error(`zigmund: provider ${tokenName(token)} was not built at bootstrap`);
}

const GeneratorFunction = Object.getPrototypeOf(function* () {}).constructor;
const AsyncGeneratorFunction = Object.getPrototypeOf(async function* () {}).constructor;

/**
 * A `@Depends(provider)`: its own parameters compiled the same way, its value cached once per
 * request, and a generator's code after `yield` run as teardown after the response.
 */
function compileDependency(
  provider: Function,
  useCache: boolean,
  env: InjectEnv,
  where: string,
  construct?: (args: unknown[]) => unknown,
): Extractor {
  if (env.chain.includes(provider)) {
    const cycle = [...env.chain.slice(env.chain.indexOf(provider)), provider].map((p) => p.name || 'anonymous');
    throw new BootstrapError(`${where}: dependency cycle ${cycle.join(' -> ')}`);
  }
  const isClass = construct !== undefined || /^class[\s{]/.test(Function.prototype.toString.call(provider));
  const inner: InjectEnv = { ...env, owner: `${env.owner} -> ${provider.name || 'anonymous'}`, chain: [...env.chain, provider] };
  const resolveArgs = compileArgs(providerParams(provider), inner);
  const make = construct ?? (isClass
    ? (args: unknown[]) => new (provider as new (...a: unknown[]) => unknown)(...args)
    : (args: unknown[]) => (provider as (...a: unknown[]) => unknown)(...args));
  const generator = provider instanceof GeneratorFunction;
  const asyncGenerator = provider instanceof AsyncGeneratorFunction;
  const overrides = env.container.overrides;

  const run = (ctx: RequestContext, args: unknown[]): unknown => {
    if (ctx.errors.length > 0) return undefined;
    if (overrides.size > 0 && overrides.has(provider)) return callOverride(overrides.get(provider), ctx);
    const made = make(args);
    if (generator) return startGenerator(made as Generator, ctx);
    if (asyncGenerator) return startAsyncGenerator(made as AsyncGenerator, ctx);
    return made;
  };

  const resolve = (ctx: RequestContext): unknown => {
    const args = resolveArgs(ctx);
    return args instanceof Promise ? args.then((a) => run(ctx, a)) : run(ctx, args);
  };

  const extractor: Extractor = !useCache
    ? resolve
    : (ctx) => {
        const cache = (ctx.cache ??= new Map());
        if (cache.has(provider)) return cache.get(provider);
        const value = resolve(ctx);
        cache.set(provider, value);
        return value;
      };
  // Async when anything under it may be: a promise is awaited once by the caller.
  extractor.async = true;
  return extractor;
}

function callOverride(replacement: unknown, ctx: RequestContext): unknown {
  if (typeof replacement !== 'function') return replacement;
  const made = /^class[\s{]/.test(Function.prototype.toString.call(replacement))
    ? new (replacement as new () => unknown)()
    : (replacement as () => unknown)();
  if (isGenerator(made)) return startGenerator(made, ctx);
  if (isAsyncGenerator(made)) return startAsyncGenerator(made, ctx);
  return made;
}

function isGenerator(value: unknown): value is Generator {
  return typeof value === 'object' && value !== null && Symbol.iterator in value && typeof (value as Generator).throw === 'function';
}

function isAsyncGenerator(value: unknown): value is AsyncGenerator {
  return typeof value === 'object' && value !== null && Symbol.asyncIterator in value && typeof (value as AsyncGenerator).throw === 'function';
}

function startGenerator(gen: Generator, ctx: RequestContext): unknown {
  const first = gen.next();
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
