import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';
import { parseCookie } from 'cookie';
import { parseJson, readBody } from './body.js';

export type QueryValues = Record<string, string | string[] | undefined>;

/**
 * The incoming HTTP request (or WebSocket upgrade request), injected by declaring a
 * parameter of type `Request`. The body is read only when asked for.
 */
export class Request {
  private cookieCache?: Record<string, string | undefined>;
  private bodyRead?: Promise<Buffer>;

  constructor(
    /** The underlying `node:http` request. */
    readonly raw: IncomingMessage,
    /** Path parameters, decoded. */
    readonly params: Record<string, string | undefined>,
    /** Query parameters; repeated keys give arrays. */
    readonly query: QueryValues,
    private readonly bodyLimit: number,
    rawBody?: Buffer,
  ) {
    if (rawBody) this.bodyRead = Promise.resolve(rawBody);
  }

  get method(): string {
    return this.raw.method ?? 'GET';
  }

  /** The request target as sent: path and query string. */
  get url(): string {
    return this.raw.url ?? '/';
  }

  /** The path without the query string. */
  get path(): string {
    const url = this.url;
    const end = url.indexOf('?');
    return end === -1 ? url : url.slice(0, end);
  }

  get headers(): IncomingHttpHeaders {
    return this.raw.headers;
  }

  get cookies(): Record<string, string | undefined> {
    this.cookieCache ??= parseCookie(this.raw.headers.cookie ?? '');
    return this.cookieCache;
  }

  /** The peer's address. */
  get ip(): string | undefined {
    return this.raw.socket?.remoteAddress;
  }

  /** The raw body, read once (within the body limit) and kept. */
  body(): Promise<Buffer> {
    return (this.bodyRead ??= readBody(this.raw, this.bodyLimit));
  }

  async text(): Promise<string> {
    return (await this.body()).toString('utf8');
  }

  /** The body parsed as JSON; malformed JSON is a 422 `json_invalid`, as for `@Body()`. */
  async json(): Promise<unknown> {
    return parseJson(await this.body());
  }
}
