import { STATUS_CODES } from 'node:http';
import { RequestValidationError } from '../validation/errors.js';
import { WebSocketException } from '../websocket/errors.js';
import { BodyAborted } from './body.js';
import type { RequestContext } from './context.js';
import { HttpException } from './exceptions.js';
import type { Request } from './request.js';
import { Response } from './response.js';

/** Turns an error of one class into the answer. `err` is typed by the class it was registered for. */
export type ExceptionHandler<E = unknown> = (err: E, req: Request) => Response | Promise<Response>;

const PROBLEM_TYPE = 'application/problem+json';
const RESERVED = new Set(['type', 'title', 'status', 'detail', 'instance']);

/**
 * The one place errors become answers: the app's `exceptionHandler`s, most specific class
 * first, then the framework's own `{"detail": …}` bodies (or RFC 9457 problem details).
 */
export class ExceptionHandlers {
  private readonly byClass = new Map<Function, ExceptionHandler<never>>();

  constructor(
    /** Answer framework errors as `application/problem+json` (RFC 9457). */
    readonly problemDetails = false,
  ) {}

  set<E>(errorClass: abstract new (...args: never[]) => E, handler: ExceptionHandler<E>): void {
    if (typeof errorClass !== 'function') throw new TypeError('exceptionHandler: the first argument must be an error class');
    if (typeof handler !== 'function') throw new TypeError(`exceptionHandler(${errorClass.name}, …): the handler must be a function`);
    this.byClass.set(errorClass, handler as ExceptionHandler<never>);
  }

  /** The answer to `err`; never throws: a failing handler is logged and answered with a 500. */
  respond(err: unknown, ctx: RequestContext): Response | Promise<Response> {
    const handler = this.byClass.size === 0 ? undefined : this.handlerFor(err);
    if (handler === undefined) return this.frameworkAnswer(err, ctx);
    let answer: Response | Promise<Response>;
    try {
      answer = (handler as ExceptionHandler)(err, ctx.request);
    } catch (failure) {
      return this.handlerFailed(failure, ctx);
    }
    if (answer instanceof Promise) return answer.then((out) => this.checked(out, ctx), (failure: unknown) => this.handlerFailed(failure, ctx));
    return this.checked(answer, ctx);
  }

  /** The handler registered for the nearest class in `err`'s prototype chain. */
  private handlerFor(err: unknown): ExceptionHandler<never> | undefined {
    if (err === null || typeof err !== 'object') return undefined;
    for (let proto = Object.getPrototypeOf(err); proto !== null; proto = Object.getPrototypeOf(proto)) {
      const handler = this.byClass.get(proto.constructor);
      if (handler) return handler;
    }
    return undefined;
  }

  private checked(out: unknown, ctx: RequestContext): Response {
    if (out instanceof Response) return out;
    return this.handlerFailed(new TypeError('an exception handler returned no Response'), ctx);
  }

  private handlerFailed(failure: unknown, ctx: RequestContext): Response {
    console.error('zigmund: an exception handler failed', failure);
    return this.frameworkAnswer(new Error('exception handler failed'), ctx, false);
  }

  /** The framework's own answer: `HttpException`, validation errors, `WebSocketException` before the upgrade, else a logged 500. */
  frameworkAnswer(err: unknown, ctx: RequestContext, log = true): Response {
    let status = 500;
    let detail: unknown = 'Internal Server Error';
    let headers: Record<string, string> = {};
    if (err instanceof HttpException) {
      ({ status, detail } = err);
      headers = { ...err.headers };
    } else if (err instanceof RequestValidationError) {
      ({ status, detail } = err);
    } else if (err instanceof WebSocketException) {
      status = err.httpStatus;
      detail = err.reason === '' ? (STATUS_CODES[status] ?? `HTTP ${status}`) : err.reason;
    } else if (err instanceof BodyAborted) {
      // The client went away (or was cut off by requestTimeout) mid-body: no one reads the
      // answer, and a log line per dropped client would let one flood the log.
      status = err.status;
      detail = err.message;
    } else if (log) {
      console.error('zigmund: unhandled error in a route handler', err);
    }
    if (!this.problemDetails) return Response.json({ detail }, status, headers);
    headers['content-type'] = PROBLEM_TYPE;
    return Response.json(problem(status, detail, err, ctx.raw.url ?? '/'), status, headers);
  }
}

/**
 * An RFC 9457 problem: `type`, `title`, `status`, `detail`, `instance` (the request path).
 * A validation error keeps FastAPI's list as `errors`; an `HttpException` whose detail is a
 * list gives `errors` too, one that is an object gives extension members.
 */
function problem(status: number, detail: unknown, err: unknown, url: string): Record<string, unknown> {
  const title = STATUS_CODES[status] ?? `HTTP ${status}`;
  const query = url.indexOf('?');
  const body: Record<string, unknown> = { type: 'about:blank', title, status, detail: title, instance: query === -1 ? url : url.slice(0, query) };
  if (err instanceof RequestValidationError) {
    body.detail = err.message;
    body.errors = err.detail;
  } else if (typeof detail === 'string') {
    body.detail = detail;
  } else if (Array.isArray(detail)) {
    body.errors = detail;
  } else if (detail !== null && typeof detail === 'object') {
    for (const [key, value] of Object.entries(detail)) if (!RESERVED.has(key)) body[key] = value;
  } else if (detail !== undefined) {
    body.detail = String(detail);
  }
  return body;
}
