import { Arena } from '../di/arena.js';
import { BackgroundTasks } from '../di/background-tasks.js';
import { cached, RequestInjector, scopedKey, type ArgsResolver as ArgsResolverOf, type DependencyEnv, type Extractor as ExtractorOf } from '../di/dependencies.js';
import { UnparsedBody } from '../http/body.js';
import { Hub } from '../hub/hub.js';
import type { RequestContext } from '../http/context.js';
import { Request } from '../http/request.js';
import { Response } from '../http/response.js';
import type { ParamRecord, ParamSpec, ProviderObject } from '../metadata/records.js';
import { readInjectable } from '../metadata/read.js';
import { OAuth2PasswordRequestForm } from '../security/oauth2.js';
import { SecurityScheme } from '../security/scheme.js';
import { SecurityScopes } from '../security/scopes.js';
import { compileCoercer, compileConstraintCheck, constraintMismatch, hasConstraints, planParam, type CoercionPlan } from '../validation/coerce.js';
import { compileParamModelReader, type ModelInput, type ModelSource } from '../validation/param-model.js';
import { compileDto, type DtoResult } from '../validation/dto.js';
import type { Loc } from '../validation/errors.js';
import { Connection } from '../websocket/connection.js';
import { BootstrapError } from '../metadata/bootstrap-error.js';

/** Turns the request context into one argument (see `di/dependencies.ts`). */
export type Extractor = ExtractorOf<RequestContext>;

/** Resolves all arguments of a handler or provider; `async` when it returns a promise. */
export type ArgsResolver = ArgsResolverOf<RequestContext>;

/** What a route's parameters need, gathered while compiling them. */
export interface InjectEnv extends DependencyEnv {
  kind: 'http' | 'websocket';
  pathParams: Set<string>;
  /** The path's catch-all parameter, which the router reports under `*`. */
  catchAll?: string;
  /** The app's Hub, injected by type. */
  hub: Hub;
  needs: { json: boolean; form: boolean };
  /** Scopes required by the `Security(…, scopes)` entries along the chain, outermost first. */
  scopes?: readonly string[];
}

const BUILTIN_TYPES = new Set<unknown>([String, Number, Boolean, Date, Array, Object, Promise, Function, Symbol, BigInt]);

function isDtoClass(type: unknown): type is Function {
  return typeof type === 'function' && !BUILTIN_TYPES.has(type) && type !== Buffer;
}

const noop = () => undefined;

// Dependencies are built by di/; their parameters are compiled here, so each calls the other.
const injector = new RequestInjector<RequestContext, InjectEnv>(compileArgs);

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
      return bodyParam(spec, env);
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
  // The route's body reading was compiled before the override was set.
  if (env.override && !env.needs[kind]) {
    throw new BootstrapError(`${describe(env, spec)}: an override cannot read a ${kind === 'json' ? 'JSON body' : 'form'} the route does not read`);
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
  if (spec.options.convertUnderscores !== undefined && source !== 'header') {
    throw new BootstrapError(`${describe(env, spec)}: convertUnderscores applies to @Header() models only`);
  }
  let read: ReturnType<typeof compileParamModelReader>;
  try {
    read = compileParamModelReader(cls, source, { forbidUnknown: spec.options.forbidUnknown === true, convertUnderscores: spec.options.convertUnderscores });
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

function bodyParam(spec: ParamRecord & { type: unknown }, env: InjectEnv): Extractor {
  const name = spec.name;
  const loc: Loc = name ? ['body', name] : ['body'];
  const declared = spec.options.type ?? spec.type;
  const list = Array.isArray(declared);
  const itemType = list ? declared[0] : declared;
  const required = spec.options.required !== false && spec.sourceDefault === undefined;
  const constrained = hasConstraints(spec.options);
  if (constrained && (list || isDtoClass(itemType))) {
    throw new BootstrapError(`${describe(env, spec)}: constraints apply to a singular body value (a number or a string), not to a model or a list`);
  }
  const plan = constrained ? planParam(spec) : undefined;
  const mismatch = plan && constraintMismatch(plan);
  if (mismatch) throw new BootstrapError(`${describe(env, spec)}: ${mismatch}`);
  // A body sent without a JSON content type is its text: a model finds no fields in it.
  const pick = (ctx: RequestContext): unknown => {
    const body = ctx.body;
    if (body instanceof UnparsedBody) return name === undefined ? body.text : undefined;
    return name === undefined ? body : (body as Record<string, unknown> | undefined)?.[name];
  };

  if (!isDtoClass(itemType)) {
    const check = primitiveCheck(itemType, plan);
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

// A singular JSON value is checked for its JSON type, never converted; its constraints, when
// the parameter has any (`@Body('importance', { integer: true, gt: 0 })`), follow pydantic's.
// The type comes from the plan when there is one, so `count: number | null` (emitted as Object)
// with `{ integer: true }` is still checked.
function primitiveCheck(type: unknown, plan?: CoercionPlan): (value: unknown, loc: Loc, ctx: RequestContext) => unknown {
  const scalar = plan?.scalar ?? (type === String ? 'string' : type === Number ? 'number' : type === Boolean ? 'boolean' : undefined);
  const expected = scalar === 'integer' ? 'number' : scalar === 'date' ? undefined : scalar;
  if (!expected) return (value) => value;
  const integer = plan?.scalar === 'integer';
  const typeName = integer ? 'int_type' : { string: 'string_type', number: 'float_type', boolean: 'bool_type' }[expected];
  const typeMsg = `Input should be a valid ${integer ? 'integer' : expected}`;
  const constraints = plan && compileConstraintCheck(plan.constraints);
  return (value, loc, ctx) => {
    if (typeof value !== expected) {
      ctx.push({ type: typeName, loc, msg: typeMsg, input: value });
      return undefined;
    }
    if (integer && !Number.isInteger(value)) {
      ctx.push({ type: 'int_from_float', loc, msg: 'Input should be a valid integer, got a number with a fractional part', input: value });
      return undefined;
    }
    if (constraints && !constraints(value, loc, ctx)) return undefined;
    return value;
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
  if (type === OAuth2PasswordRequestForm) return injector.dependency(OAuth2PasswordRequestForm, { useCache: true }, env, describe(env, spec));
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
  if (typeof type === 'string' || typeof type === 'symbol') return injector.provider(type, env, describe(env, spec));
  if (typeof type === 'function' && (env.container.has(type) || readInjectable(type))) {
    return injector.provider(type, env, describe(env, spec));
  }
  const shown = typeof type === 'function' ? type.name : String(type);
  throw new BootstrapError(
    `${describe(env, spec)}: cannot inject a parameter of type ${shown}; ` +
      'use a decorator (@Param, @Query, @Body, @Depends, @Inject, …), Request, Response, Arena, BackgroundTasks, Connection, Hub or an @Injectable() class',
  );
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
  if (env.container.has(fn)) return injector.provider(fn, inner, where);
  return injector.dependency(fn, { useCache, cacheKey: scopedKey(fn, inner.scopes) }, inner, where);
}

/** A security scheme's reader for the scopes required here; overridable like any dependency. */
function compileScheme(scheme: SecurityScheme, env: InjectEnv, where: string): Extractor {
  const read = scheme.compile(env.scopes ?? [], env.kind);
  const site = injector.overrideSite(scheme, env, where);
  // Credentials are checked even when other parameters already failed: refuse before validating.
  const extractor = cached<RequestContext>(scopedKey(scheme, env.scopes), (ctx) => (site.current !== undefined ? site.current(ctx) : read(ctx)));
  extractor.async = scheme.isAsync;
  return extractor;
}
