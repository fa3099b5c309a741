import type { ServerResponse } from 'node:http';
import type { RequestContext } from '../http/context.js';
import { assertContentType, DEFAULT_FORM_LIMITS, hasBody, parseForm, parseJson, readBody, type FormLimits } from '../http/body.js';
import type { HttpRouteOptions, RouteDefinition } from '../http/route.js';
import { writeError, writeResult, type WritePlan } from '../http/write.js';
import { RequestValidationError } from '../validation/errors.js';
import { compileModelFilter } from '../validation/response-model.js';
import { compileArgs, type InjectEnv } from './compile-params.js';
import type { Container } from '../di/container.js';

/** A route ready to serve: everything reflective was done when it was compiled. */
export interface CompiledRoute {
  definition: RouteDefinition;
  /** Runs the whole pipeline for one request and writes the answer. */
  handle(ctx: RequestContext, res: ServerResponse, head: boolean): Promise<void>;
}

export interface CompileSettings {
  container: Container;
  bodyLimit: number;
  formLimits?: Partial<FormLimits>;
}

/** Path parameter names of a route path (`/items/:id` → `id`). */
export function pathParamNames(path: string): Set<string> {
  return new Set([...path.matchAll(/:([A-Za-z0-9_]+)/g)].map((m) => m[1]));
}

/** Compiles `dependencies: [...]` of a route into one runner whose values are discarded. */
export function compileRouteDependencies(definition: RouteDefinition, env: InjectEnv) {
  if (definition.dependencies.length === 0) return undefined;
  return compileArgs(
    definition.dependencies.map((provider, index) => ({ index, source: 'depends' as const, provider: provider as Function, options: {}, type: undefined })),
    { ...env, owner: `${definition.owner} (dependencies)` },
  );
}

/** Compiles a route's `dependencies` and handler parameters, for HTTP and WebSocket routes alike. */
export function compileInjection(definition: RouteDefinition, settings: CompileSettings) {
  const env: InjectEnv = {
    owner: definition.owner,
    kind: definition.kind,
    pathParams: pathParamNames(definition.path),
    container: settings.container,
    needs: { json: false, form: false },
    chain: [],
    scope: settings.container.scopeOf(definition),
  };
  const runDependencies = compileRouteDependencies(definition, env);
  const resolveArgs = compileArgs(definition.params, env);
  return { needs: env.needs, runDependencies, resolveArgs };
}

export function compileHttpRoute(definition: RouteDefinition, settings: CompileSettings): CompiledRoute {
  const options = definition.options as HttpRouteOptions;
  const { needs, runDependencies, resolveArgs } = compileInjection(definition, settings);
  const { json: readsJson, form: readsForm } = needs;
  const handler = definition.handler as (...args: unknown[]) => unknown;
  const bodyLimit = options.bodyLimit ?? settings.bodyLimit;
  // Forms carry files, so they have their own overall limit unless the route sets one.
  const formLimits: FormLimits = { ...DEFAULT_FORM_LIMITS, ...settings.formLimits, ...(options.bodyLimit ? { bodyBytes: options.bodyLimit } : {}) };
  const filter = options.responseModel ? compileModelFilter(options.responseModel) : undefined;
  const plan: WritePlan = {
    status: options.status ?? 200,
    textType: options.contentType ?? 'text/plain; charset=utf-8',
    serialize: filter ? (value) => JSON.stringify(filter(value)) : (value) => JSON.stringify(value),
  };

  async function handle(ctx: RequestContext, res: ServerResponse, head: boolean): Promise<void> {
    let failure: unknown;
    ctx.res = res;
    try {
      if (readsJson) {
        assertContentType(ctx.raw, 'json');
        const raw = await readBody(ctx.raw, bodyLimit);
        ctx.rawBody = raw;
        ctx.body = raw.length === 0 ? undefined : parseJson(raw);
      } else if (readsForm) {
        assertContentType(ctx.raw, 'form');
        ctx.form = await parseForm(ctx.raw, formLimits);
      }
      if (runDependencies) {
        const ran = runDependencies(ctx);
        if (ran instanceof Promise) await ran;
      }
      let args = resolveArgs(ctx);
      if (args instanceof Promise) args = await args;
      if (ctx.errors.length > 0) throw new RequestValidationError(ctx.errors);
      let result = handler(...args);
      if (result instanceof Promise) result = await result;
      writeResult(res, result, plan, ctx.responseIfUsed, head);
    } catch (err) {
      failure = err;
      if ((err as { code?: string }).code === 'BODY_ABORTED') res.destroy();
      else writeError(res, err, head, hasBody(ctx.raw) && !ctx.raw.complete);
    }
    // Teardowns and background tasks, after the answer; counted so a graceful shutdown waits for them.
    if (ctx.needsFinish) await ctx.finish(failure, settings.container.work);
  }

  return { definition, handle };
}
