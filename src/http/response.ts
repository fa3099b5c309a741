import type { Readable } from 'node:stream';
import { stringifySetCookie, type SerializeOptions } from 'cookie';
import { encodeEvent, jsonLine, type ServerSentEvent, type StreamBody, type StreamSource } from './stream.js';
import type { FileBody } from './file.js';

export type ResponseBodyKind = 'json' | 'text' | 'html' | 'raw' | 'none' | 'stream' | 'file';

/** Options of `Response.stream()`. */
export interface StreamOptions {
  /** Default `application/octet-stream`. */
  contentType?: string;
  status?: number;
}

/** Options of `Response.sse()`. */
export interface SseOptions {
  /** A keep-alive comment is sent after this long without an event (default 15 000 ms; 0 sends none). */
  pingIntervalMs?: number;
  status?: number;
}

/** Options of `Response.file()`. */
export interface FileResponseOptions {
  /** Sent as an attachment under this name (`Content-Disposition`). */
  filename?: string;
  /** Default: from the file's extension. */
  contentType?: string;
}

const DEFAULT_PING_MS = 15_000;

/**
 * What a handler answers. Inject it (`res: Response`) to set the status, headers and cookies
 * of a normal answer, or return one built by `Response.json/text/html/redirect`.
 */
export class Response {
  statusCode?: number;
  readonly headers: Record<string, string | string[]> = {};
  body: unknown = undefined;
  kind: ResponseBodyKind = 'none';

  /** Sets the status code of the answer. */
  status(code: number): this {
    this.statusCode = code;
    return this;
  }

  /** Sets a header (replacing any value given before). */
  setHeader(name: string, value: string | string[]): this {
    this.headers[name.toLowerCase()] = value;
    return this;
  }

  /** Adds a `Set-Cookie` header. */
  setCookie(name: string, value: string, options: SerializeOptions = {}): this {
    const line = stringifySetCookie({ name, value, path: '/', ...options });
    const previous = this.headers['set-cookie'];
    this.headers['set-cookie'] = previous === undefined ? [line] : [...[previous].flat(), line];
    return this;
  }

  /** Expires a cookie in the browser. */
  deleteCookie(name: string, options: SerializeOptions = {}): this {
    return this.setCookie(name, '', { ...options, expires: new Date(0), maxAge: 0 });
  }

  /** A JSON answer. */
  static json(data: unknown, status = 200, headers: Record<string, string> = {}): Response {
    return Response.build('json', data, status, headers);
  }

  /** A `text/plain` answer. */
  static text(text: string, status = 200, headers: Record<string, string> = {}): Response {
    return Response.build('text', text, status, headers);
  }

  /** A `text/html` answer. */
  static html(html: string, status = 200, headers: Record<string, string> = {}): Response {
    return Response.build('html', html, status, headers);
  }

  /** Raw bytes with the given content type. */
  static bytes(data: Buffer | Uint8Array, contentType = 'application/octet-stream', status = 200): Response {
    return Response.build('raw', data, status, { 'content-type': contentType });
  }

  /** A redirect; 307 keeps the method and body, as FastAPI's `RedirectResponse` does. */
  static redirect(url: string, status = 307): Response {
    return Response.build('none', undefined, status, { location: url });
  }

  /**
   * A chunked answer written as `source` yields strings or bytes, pulled only as fast as the
   * client reads. When the client goes away the source is stopped (`return()`, or `destroy()`
   * for a Node stream) and the Arena's `signal` aborts.
   * @example return Response.stream(createReadStream('big.csv'), { contentType: 'text/csv' });
   */
  static stream(source: StreamSource | Readable, options: StreamOptions = {}): Response {
    const body: StreamBody = { source, encode: undefined, pingIntervalMs: 0, eager: false };
    return Response.build('stream', body, options.status ?? 200, { 'content-type': options.contentType ?? 'application/octet-stream' });
  }

  /** JSON Lines (`application/jsonl`): each value `source` yields is one line of JSON. */
  static jsonLines(source: AsyncIterable<unknown> | Iterable<unknown>, status = 200): Response {
    const body: StreamBody = { source, encode: jsonLine, pingIntervalMs: 0, eager: false };
    return Response.build('stream', body, status, { 'content-type': 'application/jsonl' });
  }

  /**
   * Server-Sent Events (`text/event-stream`): each item is an event, a string being its data.
   * The headers leave at once, a keep-alive comment goes out when the stream is quiet, and
   * proxies are asked not to buffer. The client's `Last-Event-ID` is an ordinary request header.
   * @example return Response.sse(ticks(), { pingIntervalMs: 10_000 });
   */
  static sse(source: AsyncIterable<ServerSentEvent | string> | Iterable<ServerSentEvent | string>, options: SseOptions = {}): Response {
    const body: StreamBody = { source, encode: encodeEvent, pingIntervalMs: options.pingIntervalMs ?? DEFAULT_PING_MS, eager: true };
    return Response.build('stream', body, options.status ?? 200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache',
      'x-accel-buffering': 'no',
    });
  }

  /**
   * A file from disk, with `Range` (206, 416), `ETag`, `Last-Modified` and conditional
   * requests (304); a missing file answers 404.
   * @example return Response.file(`./reports/${id}.pdf`, { filename: 'report.pdf' });
   */
  static file(path: string, options: FileResponseOptions = {}): Response {
    const body: FileBody = { path, filename: options.filename, contentType: options.contentType };
    return Response.build('file', body, 200, {});
  }

  private static build(kind: ResponseBodyKind, body: unknown, status: number, headers: Record<string, string>): Response {
    const res = new Response().status(status);
    res.kind = kind;
    res.body = body;
    for (const name of Object.keys(headers)) res.setHeader(name, headers[name]);
    return res;
  }
}
