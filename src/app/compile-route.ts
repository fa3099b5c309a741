import type { ServerResponse } from 'node:http';
import type { RequestContext } from '../http/context.js';
import { BodyAborted, contentTypeOf, decodeJsonBody, DEFAULT_FORM_LIMITS, hasBody, isFormType, parseForm, readBody, UnparsedBody, type FormData, type FormLimits } from '../http/body.js';
import type { RequestSite } from '../http/request.js';
import type { HttpRouteOptions, RouteDefinition } from '../http/route.js';
import { stringifyJson, withBytesAsBase64 } from '../http/json.js';
import { writeError, writeResult, type WritePlan } from '../http/write.js';
import { routeDependencySpecs } from '../security/route-dependencies.js';
import { RequestValidationError } from '../validation/errors.js';
import { compileModelFilter } from '../validation/response-model.js';
import { compileResponseSerializer } from '../validation/response-serializer.js';
import { compileArgs, type InjectEnv } from './compile-params.js';
import { BootstrapError } from './errors.js';
import type { Container } from '../di/container.js';
import { parsePath } from '../http/path-template.js';
import type { Hub } from '../hub/hub.js';

/** A route ready to serve: everything reflective was done when it was compiled. */
export interface CompiledRoute {
  definition: RouteDefinition;
  /** Runs the whole pipeline for one request and writes the answer; a promise only when a step was asynchronous. */
  handle(ctx: RequestContext, res: ServerResponse, head: boolean): void | Promise<void>;
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
  if (options.responseModel) {
    return withBytesAsBase64(compileResponseSerializer(options.responseModel, shaping), compileModelFilter(options.responseModel, shaping));
  }
  const given = Object.entries(shaping).find(([, value]) => value !== undefined);
  if (given) throw new BootstrapError(`${owner}: responseModel${given[0][0].toUpperCase()}${given[0].slice(1)} needs a responseModel to shape`);
  return stringifyJson;
}

/** The body a validation error carries: the parsed JSON, the text of one that was not JSON, or the form's fields. */
function receivedBody(ctx: RequestContext): unknown {
  if (ctx.body instanceof UnparsedBody) return ctx.body.text;
  if (ctx.form !== undefined) return Object.fromEntries([...ctx.form.fields].map(([name, values]) => [name, values.length === 1 ? values[0] : values]));
  return ctx.body;
}

function emptyForm(): FormData {
  return { fields: new Map(), files: new Map() };
}

export function compileHttpRoute(definition: RouteDefinition, settings: CompileSettings): CompiledRoute {
  const options = definition.options as HttpRouteOptions;
  const { needs, runDependencies, resolveArgs } = compileInjection(definition, settings);
  const { json: readsJson, form: readsForm } = needs;
  const handler = definition.handler as (...args: unknown[]) => unknown;
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

  const work = settings.container.work;

  // The pipeline is written as plain functions that return a promise only when a step was
  // really asynchronous, so a sync handler without a body answers in the same tick, with no
  // promise allocated. Teardowns and background tasks run after the answer, counted in
  // `work` so a graceful shutdown waits for them.

  function fail(ctx: RequestContext, res: ServerResponse, head: boolean, err: unknown): void | Promise<void> {
    if (err instanceof BodyAborted) res.destroy();
    else writeError(res, err, head, hasBody(ctx.raw) && !ctx.raw.complete);
    if (ctx.needsFinish) return ctx.finish(err, work);
  }

  /** Goes on with `next` once `pending` settles, or answers its failure. */
  function after<T>(pending: Promise<T>, ctx: RequestContext, res: ServerResponse, head: boolean, next: (value: T) => void | Promise<void>): Promise<void> {
    return pending.then(next, (err) => fail(ctx, res, head, err));
  }

  function answer(ctx: RequestContext, res: ServerResponse, head: boolean, result: unknown): void | Promise<void> {
    let written: void | Promise<void>;
    try {
      written = writeResult(res, result, plan, ctx.responseIfUsed, head);
    } catch (err) {
      return fail(ctx, res, head, err);
    }
    // A stream or a file: the Arena lives until it is written, as its producer may use it.
    if (written instanceof Promise) return after(written, ctx, res, head, () => (ctx.needsFinish ? ctx.finish(undefined, work) : undefined));
    if (ctx.needsFinish) return ctx.finish(undefined, work);
  }

  function invoke(ctx: RequestContext, res: ServerResponse, head: boolean, args: unknown[]): void | Promise<void> {
    let result: unknown;
    try {
      if (ctx.errors !== undefined) throw new RequestValidationError(ctx.errors, receivedBody(ctx));
      result = handler(...args);
    } catch (err) {
      return fail(ctx, res, head, err);
    }
    if (result instanceof Promise) return after(result, ctx, res, head, (value) => answer(ctx, res, head, value));
    return answer(ctx, res, head, result);
  }

  function resolveAndInvoke(ctx: RequestContext, res: ServerResponse, head: boolean): void | Promise<void> {
    let args: unknown[] | Promise<unknown[]>;
    try {
      args = resolveArgs(ctx);
    } catch (err) {
      return fail(ctx, res, head, err);
    }
    if (args instanceof Promise) return after(args, ctx, res, head, (resolved) => invoke(ctx, res, head, resolved));
    return invoke(ctx, res, head, args);
  }

  function afterBody(ctx: RequestContext, res: ServerResponse, head: boolean): void | Promise<void> {
    if (runDependencies) {
      let ran: unknown;
      try {
        ran = runDependencies(ctx);
      } catch (err) {
        return fail(ctx, res, head, err);
      }
      if (ran instanceof Promise) return after(ran, ctx, res, head, () => resolveAndInvoke(ctx, res, head));
    }
    return resolveAndInvoke(ctx, res, head);
  }

  async function readBodyThen(ctx: RequestContext, res: ServerResponse, head: boolean): Promise<void> {
    try {
      if (readsJson) {
        const raw = await readBody(ctx.raw, bodyLimit);
        ctx.rawBody = raw;
        ctx.body = decodeJsonBody(ctx.raw, raw, strictContentType, settings.maxJsonDepth);
      } else if (isFormType(contentTypeOf(ctx.raw))) {
        ctx.form = await parseForm(ctx.raw, formLimits);
      } else {
        // As in FastAPI, any other body reads as an empty form: each field is then missing.
        await readBody(ctx.raw, formLimits.bodyBytes);
        ctx.form = emptyForm();
      }
    } catch (err) {
      return fail(ctx, res, head, err);
    }
    return afterBody(ctx, res, head);
  }

  const site = settings.site;
  function handle(ctx: RequestContext, res: ServerResponse, head: boolean): void | Promise<void> {
    ctx.res = res;
    ctx.site = site;
    return readsJson || readsForm ? readBodyThen(ctx, res, head) : afterBody(ctx, res, head);
  }

  return { definition, handle };
}
