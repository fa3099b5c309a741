import type { IncomingMessage, ServerResponse } from 'node:http';
import { Arena, type Deferred } from '../di/arena.js';
import { BackgroundTasks } from '../di/background-tasks.js';
import { ClientDisconnected } from '../di/errors.js';
import type { PendingWork } from '../di/pending-work.js';
import type { ErrorDetail } from '../validation/errors.js';
import type { FormData } from './multipart.js';
import { FORM_READ, Request, type QueryValues, type RequestSite } from './request.js';
import { Response } from './response.js';

/**
 * Everything one request (or WebSocket connection) carries through its pipeline. The
 * objects handlers may ask for are made on first use, so a route that needs none of them
 * pays for none.
 */
export class RequestContext {
  /** Validation failures of this request, gathered for one 422; undefined until the first. */
  errors: ErrorDetail[] | undefined;
  rawBody: Buffer | undefined;
  body: unknown;
  form: FormData | undefined;
  /** Dependency values of this request, by provider. */
  cache: Map<unknown, unknown> | undefined;
  /** The HTTP response being answered; the Arena watches it to notice a client that goes away. Unset on upgrades. */
  res: ServerResponse | undefined;
  /** The app serving this request, set by the compiled route. */
  site: RequestSite | undefined;
  /** A HEAD request served by a GET route: the answer carries no body. */
  head = false;
  /** The handler's arguments, once resolved. */
  args: unknown[] | undefined;
  /** What the handler returned (awaited). */
  result: unknown;
  /** The first error the pipeline answered, which dependency teardowns see. */
  failure: unknown;
  private requestObj: Request | undefined;
  private responseObj: Response | undefined;
  private arenaObj: Arena | undefined;
  private tasksObj: BackgroundTasks | undefined;

  constructor(
    readonly raw: IncomingMessage,
    readonly params: Record<string, string | undefined>,
    readonly query: QueryValues,
    readonly bodyLimit: number,
  ) {}

  /** Records validation failures; the context is the error sink of the coercers. */
  push(...details: ErrorDetail[]): void {
    (this.errors ??= []).push(...details);
  }

  get request(): Request {
    if (this.requestObj === undefined) {
      this.requestObj = new Request(this.raw, this.params, this.query, this.bodyLimit, this.rawBody, this.site, this.form);
      (this.requestObj as Linked)[CONTEXT] = this;
      // A middleware that reads the form (csrf()'s `_csrf` field) hands it to the route's form parameters.
      this.requestObj[FORM_READ] = (form) => (this.form = form);
    }
    return this.requestObj;
  }

  get response(): Response {
    this.responseObj ??= new Response();
    return this.responseObj;
  }

  /** The injected `Response`, if a handler asked for one. */
  get responseIfUsed(): Response | undefined {
    return this.responseObj;
  }

  get arena(): Arena {
    if (this.arenaObj === undefined) {
      const res = this.res;
      this.arenaObj = new Arena(res ? (arena) => watchClient(res, arena) : undefined);
    }
    return this.arenaObj;
  }

  get arenaIfUsed(): Arena | undefined {
    return this.arenaObj;
  }

  get backgroundTasks(): BackgroundTasks {
    this.tasksObj ??= new BackgroundTasks();
    return this.tasksObj;
  }

  /** The request's cookies, parsed once by the `Request` that handlers see too. */
  get cookies(): Record<string, string | undefined> {
    return this.request.cookies;
  }

  /** A dependency teardown: it lives in the Arena, so it runs before what was acquired earlier is released. */
  onTeardown(fn: Deferred): void {
    this.arena.defer(fn);
  }

  /** Whether `finish()` has anything to do; without an Arena or background tasks it can be skipped. */
  get needsFinish(): boolean {
    return this.arenaObj !== undefined || this.tasksObj !== undefined;
  }

  /**
   * After the answer: releases the Arena newest first (generator teardowns see `error`), then
   * runs the background tasks if the work succeeded. `work` counts it for graceful shutdown.
   */
  async finish(error: unknown, work?: PendingWork): Promise<void> {
    work?.begin();
    try {
      if (this.arenaObj) await this.arenaObj.release(error);
      if (this.tasksObj && error === undefined) await this.tasksObj.run();
    } finally {
      work?.end();
    }
  }
}

const CONTEXT = Symbol('zigmund.context');
type Linked = Request & { [CONTEXT]?: RequestContext };

/** The context behind a `Request`, for built-in middleware that reach the Arena or the injected `Response`. */
export function contextOf(req: Request): RequestContext | undefined {
  return (req as Linked)[CONTEXT];
}

/** Aborts the Arena when the response's connection closes before the answer was written. */
function watchClient(res: ServerResponse, arena: Arena): void {
  if (res.writableFinished) return;
  if (res.destroyed) return arena.abort(new ClientDisconnected());
  res.once('close', () => {
    if (!res.writableFinished) arena.abort(new ClientDisconnected());
  });
}
