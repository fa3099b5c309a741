import { UnparsedBody } from '../http/body.js';
import type { RequestContext } from '../http/context.js';
import type { Stage } from '../middleware/compose.js';
import { RequestValidationError } from '../validation/errors.js';
import type { ArgsResolver } from './compile-params.js';

// The named stages of a route's pipeline, shared by HTTP routes and WebSocket upgrades. Each
// leaves its result on the context and returns a promise only when it really waited; the
// body-reading and writing stages are HTTP's own and live in compile-route.ts.

/** Runs the route's `dependencies` (controller's, then route's) for their effect. */
export function dependenciesStage(runDependencies: ArgsResolver): Stage {
  return function dependencies(ctx) {
    const ran = runDependencies(ctx);
    if (ran instanceof Promise) return ran.then(ignore);
  };
}

/** Resolves the handler's arguments into `ctx.args`, then refuses with one 422 if any failed. */
export function argumentsStage(resolveArgs: ArgsResolver): Stage {
  return function argumentsOf(ctx) {
    const args = resolveArgs(ctx);
    if (args instanceof Promise) return args.then((resolved) => settle(ctx, resolved));
    settle(ctx, args);
  };
}

function settle(ctx: RequestContext, args: unknown[]): void {
  if (ctx.errors !== undefined) throw new RequestValidationError(ctx.errors, receivedBody(ctx));
  ctx.args = args;
}

/** Calls the handler with `ctx.args`; its (awaited) value goes to `ctx.result`. */
export function handlerStage(handler: (...args: unknown[]) => unknown): Stage {
  return function invoke(ctx) {
    const result = handler(...ctx.args!);
    if (result instanceof Promise) {
      return result.then((value) => {
        ctx.result = value;
      });
    }
    ctx.result = result;
  };
}

/** The body a validation error carries: the parsed JSON, the text of one that was not JSON, or the form's fields. */
function receivedBody(ctx: RequestContext): unknown {
  if (ctx.body instanceof UnparsedBody) return ctx.body.text;
  if (ctx.form !== undefined) return Object.fromEntries([...ctx.form.fields].map(([name, values]) => [name, values.length === 1 ? values[0] : values]));
  return ctx.body;
}

function ignore(): void {}
