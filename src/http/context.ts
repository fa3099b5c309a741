import type { IncomingMessage } from 'node:http';
import { parseCookie } from 'cookie';
import { Arena } from '../di/arena.js';
import type { ErrorDetail } from '../validation/errors.js';
import type { FormData } from './body.js';
import { Request, type QueryValues } from './request.js';
import { Response } from './response.js';

type Teardown = (error: unknown) => Promise<void> | void;

/**
 * Everything one request (or WebSocket connection) carries through its pipeline. The
 * objects handlers may ask for are made on first use, so a route that needs none of them
 * pays for none.
 */
export class RequestContext {
  readonly errors: ErrorDetail[] = [];
  rawBody: Buffer | undefined;
  body: unknown;
  form: FormData | undefined;
  cache: Map<unknown, unknown> | undefined;
  teardowns: Teardown[] | undefined;
  connection: unknown;
  private requestObj: Request | undefined;
  private responseObj: Response | undefined;
  private arenaObj: Arena | undefined;
  private cookieValues: Record<string, string | undefined> | undefined;

  constructor(
    readonly raw: IncomingMessage,
    readonly params: Record<string, string | undefined>,
    readonly query: QueryValues,
    readonly bodyLimit: number,
  ) {}

  get request(): Request {
    this.requestObj ??= new Request(this.raw, this.params, this.query, this.bodyLimit, this.rawBody);
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
    this.arenaObj ??= new Arena();
    return this.arenaObj;
  }

  get arenaIfUsed(): Arena | undefined {
    return this.arenaObj;
  }

  get cookies(): Record<string, string | undefined> {
    this.cookieValues ??= parseCookie(this.raw.headers.cookie ?? '');
    return this.cookieValues;
  }

  onTeardown(fn: Teardown): void {
    (this.teardowns ??= []).push(fn);
  }

  /** Runs generator teardowns newest first, then releases the Arena. */
  async finish(error: unknown): Promise<void> {
    const teardowns = this.teardowns;
    if (teardowns) {
      this.teardowns = undefined;
      for (let i = teardowns.length - 1; i >= 0; i--) {
        try {
          await teardowns[i](error);
        } catch (err) {
          console.error('zigmund: a dependency teardown failed', err);
        }
      }
    }
    if (this.arenaObj) await this.arenaObj.release();
  }
}
