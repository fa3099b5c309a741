import type { RequestContext } from '../http/context.js';
import { BodyAborted, decodeJsonBody, hasBody, readBodyThen, receiveBody, type BodyReceiver } from '../http/body.js';
import { DEFAULT_FORM_LIMITS, parseForm, type FormLimits } from '../http/multipart.js';
import type { HttpException } from '../http/exceptions.js';
import { lingerBeforeClose } from '../http/linger.js';
import type { RequestSite } from '../http/request.js';
import type { ExceptionHandlers } from '../http/exception-handlers.js';
import { Response } from '../http/response.js';
import type { RouteDefinition } from '../http/route.js';
import type { HttpRouteOptions } from '../metadata/route-options.js';
import { stringifyJson, withBytesAsBase64 } from '../http/json.js';
import type { HttpEndpoint } from '../http/router.js';
import { pipelineFailed, type FallbackEndpoint } from '../http/server.js';
import { responseOf, writeResponse, writeResult, type WritePlan } from '../http/write.js';
import type { Middleware } from '../http/middleware.js';
import { compose, sequence, type Stage } from '../middleware/compose.js';
import { routeDependencySpecs } from '../security/route-dependencies.js';
import { compileFits, compileModelFilter, type ResponseModelOptions } from '../validation/response-model.js';
import { ResponseUnion } from '../metadata/response-union.js';
import { compileResponseSerializer } from '../validation/response-serializer.js';
import { compileArgs, type InjectEnv } from './compile-params.js';
import { BootstrapError } from '../metadata/bootstrap-error.js';
import type { Container } from '../di/container.js';
import { parsePath } from '../http/path-template.js';
import type { Hub } from '../hub/hub.js';
import { argumentsStage, dependenciesStage, handlerStage } from './stages.js';

/** A route ready to serve: everything reflective was done when it was compiled. */
export interface CompiledRoute extends HttpEndpoint {
  definition: RouteDefinition;
  /** Runs the whole pipeline for one request and writes the answer; a promise only when a step was asynchronous. */
  handle(ctx: RequestContext): void | Promise<void>;
  /** Composes the route again under the app-wide middleware (`app.use`), outermost first. */
  useAppMiddleware(middleware: readonly Middleware[]): void;
}

export interface CompileSettings {
  container: Container;
  hub: Hub;
  bodyLimit: number;
  formLimits?: Partial<FormLimits>;
  /** `false` parses a JSON route's body sent without a content type as JSON (default true). */
  strictContentType?: boolean;
  /** What `Request` knows of the app: the app, its named routes. */
  site?: RequestSite;
  /** How deep JSON bodies and WebSocket JSON messages may nest. */
  maxJsonDepth?: number;
  /** The app's exception handlers: every error of the pipeline is answered through them. */
  handlers: ExceptionHandlers;
  /** The app-wide middleware when the route is compiled. */
  middleware: readonly Middleware[];
}

/** Compiles `security: [...]` and `dependencies: [...]` of a route into one runner whose values are discarded. */
function compileRouteDependencies(definition: RouteDefinition, env: InjectEnv) {
  const specs = routeDependencySpecs(definition);
  if (specs.length === 0) return undefined;
  return compileArgs(specs, { ...env, owner: `${definition.owner} (dependencies)` });
}

/** Compiles a route's `dependencies` and handler parameters, for HTTP and WebSocket routes alike. */
export function compileInjection(definition: RouteDefinition, settings: CompileSettings) {
  const template = parsePath(definition.path);
  const env: InjectEnv = {
    owner: definition.owner,
    kind: definition.kind,
    pathParams: new Set(template.params.map((p) => p.name)),
    catchAll: template.catchAll,
    container: settings.container,
    hub: settings.hub,
    needs: { json: false, form: false },
    chain: [],
    scope: settings.container.scopeOf(definition),
  };
  const runDependencies = compileRouteDependencies(definition, env);
  const resolveArgs = compileArgs(definition.params, env);
  return { needs: env.needs, runDependencies, resolveArgs };
}

function responseSerializer(options: HttpRouteOptions, owner: string): (value: unknown) => string {
  const shaping = {
    excludeUnset: options.responseModelExcludeUnset,
    excludeNone: options.responseModelExcludeNone,
    include: options.responseModelInclude,
    exclude: options.responseModelExclude,
  };
  if (options.responseModel instanceof ResponseUnion) return unionSerializer(options.responseModel.models, shaping, owner);
  if (options.responseModel) {
    return withBytesAsBase64(compileResponseSerializer(options.responseModel, shaping), compileModelFilter(options.responseModel, shaping));
  }
  const given = Object.entries(shaping).find(([, value]) => value !== undefined);
  if (given) throw new BootstrapError(`${owner}: responseModel${given[0][0].toUpperCase()}${given[0].slice(1)} needs a responseModel to shape`);
  return stringifyJson;
}

// Each answer is written by the first model it fits; one that fits none is a server error, as
// FastAPI's ResponseValidationError.
function unionSerializer(models: readonly Function[], shaping: ResponseModelOptions, owner: string): (value: unknown) => string {
  const variants = models.map((model) => ({
    fits: compileFits(model),
    write: withBytesAsBase64(compileResponseSerializer(model, shaping), compileModelFilter(model, shaping)),
  }));
  const names = models.map((m) => m.name).join(', ');
  return function writeUnion(value) {
    for (const variant of variants) if (variant.fits(value)) return variant.write(value);
    throw new Error(`${owner}: the answer fits none of its response models (${names})`);
  };
}

export function compileHttpRoute(definition: RouteDefinition, settings: CompileSettings): CompiledRoute {
  const options = definition.options as HttpRouteOptions;
  const { needs, runDependencies, resolveArgs } = compileInjection(definition, settings);
  const { json: readsJson, form: readsForm } = needs;
  const bodyLimit = options.bodyLimit ?? settings.bodyLimit;
  // Forms carry files, so they have their own overall limit unless the route sets one.
  const formLimits: FormLimits = { ...DEFAULT_FORM_LIMITS, ...settings.formLimits, ...(options.bodyLimit ? { bodyBytes: options.bodyLimit } : {}) };
  const strictContentType = settings.strictContentType !== false;
  const plan: WritePlan = {
    status: options.status ?? 200,
    contentType: options.contentType,
    serialize: responseSerializer(options, definition.owner),
    route: definition.owner,
  };

  // The JSON body is decoded in the turn it arrives.
  const decode = (ctx: RequestContext, raw: Buffer) => {
    ctx.rawBody = raw;
    ctx.body = decodeJsonBody(ctx.raw, raw, strictContentType, settings.maxJsonDepth);
  };

  function readBodyOf(ctx: RequestContext): void | Promise<void> {
    // A middleware read the form already (csrf()'s `_csrf` field): the body is gone, its form is here.
    if (ctx.form !== undefined) return readsJson ? decode(ctx, Buffer.alloc(0)) : undefined;
    return readsJson ? readBodyThen(ctx.raw, bodyLimit, (raw) => decode(ctx, raw)) : readFormOf(ctx);
  }

  async function readFormOf(ctx: RequestContext): Promise<void> {
    ctx.form = await parseForm(ctx.raw, formLimits, 'empty');
  }

  // A stream or a file resolves once written: the Arena lives until then, as its producer may use it.
  function write(ctx: RequestContext): void | Promise<void> {
    return writeResult(ctx.res!, ctx.result, plan, ctx.responseIfUsed, ctx.head);
  }

  // read body → dependencies → arguments → handler → write. Each stage returns a promise only
  // when it really waited, so a sync handler without a body answers in the same tick.
  const afterBody: Stage[] = [];
  if (runDependencies) afterBody.push(dependenciesStage(runDependencies));
  afterBody.push(argumentsStage(resolveArgs), handlerStage(definition.handler as (...args: unknown[]) => unknown));
  const stages = readsJson || readsForm ? [readBodyOf, ...afterBody] : afterBody;
  // Without middleware, a JSON body is read without a promise: the rest of the pipeline runs in
  // the body's 'end' event.
  const straight = readsJson
    ? runAfterJsonBody(sequence([...afterBody, write]), decode, bodyLimit, settings)
    : runStraight(sequence([...stages, write]), settings);
  const untilHandler = sequence(stages);

  // With middleware the handler's answer becomes a Response the onion can change, written once at the end.
  function endpoint(ctx: RequestContext): Response | Promise<Response> {
    const pending = untilHandler(ctx);
    if (pending === undefined) return responseOf(ctx.result, plan, ctx.responseIfUsed);
    return pending.then(() => responseOf(ctx.result, plan, ctx.responseIfUsed));
  }

  const own = definition.middleware ?? [];
  const route: CompiledRoute = {
    definition,
    handle: straight,
    useAppMiddleware(appMiddleware) {
      const all = [...appMiddleware, ...own];
      route.handle = all.length === 0 ? straight : runLayered(all, endpoint, settings, definition.owner);
    },
  };
  route.useAppMiddleware(settings.middleware);
  return route;
}

/**
 * What answers requests no route serves (404, 405, 426, a bad URL, the 307 to the other
 * trailing-slash form): the app-wide middleware around that answer, so CORS can answer a
 * preflight and exception handlers and problem details apply.
 */
export function compileFallback(settings: CompileSettings): FallbackEndpoint & { useAppMiddleware(middleware: readonly Middleware[]): void } {
  const missed = (ctx: RequestContext): Response => {
    if (ctx.failure !== undefined) throw ctx.failure;
    return ctx.result as Response;
  };
  const plain = runStraight((ctx) => writeResponse(ctx.res!, missed(ctx), undefined, ctx.head, 'the fallback'), settings);
  const fallback = {
    run: plain,
    answer(ctx: RequestContext, outcome: HttpException | Response): void | Promise<void> {
      if (outcome instanceof Response) ctx.result = outcome;
      else ctx.failure = outcome;
      return fallback.run(ctx);
    },
    useAppMiddleware(appMiddleware: readonly Middleware[]) {
      fallback.run = appMiddleware.length === 0 ? plain : runLayered(appMiddleware, missed, settings, 'the fallback');
    },
  };
  fallback.useAppMiddleware(settings.middleware);
  return fallback;
}

/** How a route without middleware ends: teardowns after the answer, and an error answered by the handlers. */
function straightEnds(settings: CompileSettings) {
  const { handlers } = settings;
  const work = settings.container.work;
  const done = (ctx: RequestContext) => (ctx.needsFinish ? ctx.finish(ctx.failure, work) : undefined);
  const fail = (ctx: RequestContext, err: unknown) => deliver(ctx, failed(ctx, err, handlers), done, 'an error');
  /** Runs `run` to its end: the answer written, teardowns run or started; a promise only if a step waited. */
  function complete(ctx: RequestContext, run: Stage): void | Promise<void> {
    let pending: void | Promise<void>;
    try {
      pending = run(ctx);
    } catch (err) {
      return fail(ctx, err);
    }
    if (pending !== undefined) return pending.then(() => done(ctx), (err: unknown) => fail(ctx, err));
    return done(ctx);
  }
  return { complete, fail };
}

/** A route without middleware: the stages write the answer themselves; an error is answered by the handlers. */
function runStraight(run: Stage, settings: CompileSettings) {
  const { site } = settings;
  const { complete } = straightEnds(settings);
  return function handle(ctx: RequestContext): void | Promise<void> {
    ctx.site = site;
    return complete(ctx, run);
  };
}

/**
 * A route without middleware that reads a JSON body first. The body is read through one
 * receiver shared by all requests, and the rest of the pipeline runs in the body's 'end' event:
 * no promise, no closure per request unless a step really waits. `handle` returns before the
 * answer is written; a failure of the answer itself ends the connection, as the request
 * listener does for other routes.
 */
function runAfterJsonBody(rest: Stage, decode: (ctx: RequestContext, raw: Buffer) => void, bodyLimit: number, settings: CompileSettings) {
  const { site } = settings;
  const { complete, fail } = straightEnds(settings);
  // Decoding is the first step under complete()'s error handling: malformed JSON is a 422 there.
  const decodeThenRest: Stage = (ctx) => {
    decode(ctx, ctx.rawBody!);
    return rest(ctx);
  };
  const settle = (ctx: RequestContext, pending: void | Promise<void>) => {
    if (pending !== undefined) pending.catch((err: unknown) => pipelineFailed(ctx.res!, err));
  };
  const receiver: BodyReceiver<RequestContext> = {
    received(ctx, raw) {
      ctx.rawBody = raw;
      settle(ctx, complete(ctx, decodeThenRest));
    },
    failed(ctx, err) {
      settle(ctx, fail(ctx, err));
    },
  };
  return function handle(ctx: RequestContext): void {
    ctx.site = site;
    receiveBody(ctx.raw, bodyLimit, ctx, receiver);
  };
}

/** A route with middleware: the onion around the endpoint, its final Response written once. */
function runLayered(
  middleware: readonly Middleware[],
  endpoint: (ctx: RequestContext) => Response | Promise<Response>,
  settings: CompileSettings,
  route: string,
) {
  const { handlers, site } = settings;
  const work = settings.container.work;
  const onion = compose(middleware, endpoint, (err, ctx) => failed(ctx, err, handlers));
  const done = (ctx: RequestContext) => (ctx.needsFinish ? ctx.finish(ctx.failure, work) : undefined);
  return function handle(ctx: RequestContext): Promise<void> {
    ctx.site = site;
    return onion(ctx).then((out) => deliver(ctx, out, done, route));
  };
}

/** Records the first failure (teardowns see it) and asks the exception handlers for the answer. */
export function failed(ctx: RequestContext, err: unknown, handlers: ExceptionHandlers): Response | Promise<Response> {
  if (ctx.failure === undefined) ctx.failure = err ?? new Error('undefined was thrown');
  // The client went away while sending the body: there is no one to answer.
  if (err instanceof BodyAborted) ctx.res?.destroy();
  return handlers.respond(err, ctx);
}

// Unread body bytes after an error would be parsed as the next request: end the connection instead.
const CLOSE_CONNECTION = new Response().setHeader('connection', 'close');

/** Writes the final Response once (a stream or a file resolves when written), then runs the context's teardowns. */
export function deliver(ctx: RequestContext, out: Response | Promise<Response>, done: (ctx: RequestContext) => void | Promise<void>, route: string): void | Promise<void> {
  if (out instanceof Promise) return out.then((answer) => deliver(ctx, answer, done, route));
  const res = ctx.res!;
  if (res.headersSent || res.destroyed) {
    res.destroy();
    return done(ctx);
  }
  const closing = ctx.failure !== undefined && hasBody(ctx.raw) && !ctx.raw.complete;
  // The client may still be sending a body nobody will read: read the rest of it before the
  // connection ends, so that the client gets to read this answer instead of a reset.
  if (closing) lingerBeforeClose(res);
  let written: void | Promise<void>;
  try {
    written = writeResponse(res, out, closing ? CLOSE_CONNECTION : undefined, ctx.head, route);
  } catch (err) {
    // A Response that cannot be written (a middleware broke it): the connection is all that is left to end.
    console.error(`zigmund: writing the answer of ${route} failed`, err);
    res.destroy();
    return done(ctx);
  }
  if (written instanceof Promise) return written.then(() => done(ctx));
  return done(ctx);
}
