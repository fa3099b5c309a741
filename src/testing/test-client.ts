import { duplexPair } from 'node:stream';
import type { InjectOptions } from 'light-my-request';
import { parseSetCookie } from 'cookie';
import { createRequire } from 'node:module';
import type { WebSocket as WsClient } from 'ws';
import type { App } from '../app/app.js';
import { acceptConnection } from '../http/server.js';
import { Connection } from '../websocket/connection.js';
import { resolveSocketLimits } from '../websocket/options.js';
import { parseEventStream, type ReceivedEvent } from './event-stream.js';
import { encodeMultipart, type TestFile } from './multipart.js';

// Loaded with the first test request, so importing 'zigmund' in production never loads it.
let lightMyRequest: Promise<{ inject: typeof import('light-my-request').inject }> | undefined;

/** What a test request may carry. */
export interface TestRequestOptions {
  /**
   * A list sends the header once per value, as repeated header lines; `user-agent: undefined`
   * sends none instead of the client's own.
   */
  headers?: Record<string, string | string[] | undefined>;
  query?: Record<string, string | number | boolean | (string | number | boolean)[]>;
  /** Sent as JSON. */
  json?: unknown;
  /** Sent urlencoded, or as multipart when `files` are given too. */
  form?: Record<string, string | string[]>;
  /** Multipart file fields. */
  files?: Record<string, TestFile | TestFile[]>;
  /** A raw body, sent as is. */
  body?: string | Buffer;
  /** Cookies for this request only, on top of the kept ones. */
  cookies?: Record<string, string>;
}

/** An answer received by the TestClient. */
export interface TestResponse {
  status: number;
  headers: Record<string, string | string[] | number | undefined>;
  text: string;
  body: Buffer;
  json<T = unknown>(): T;
}

/** A streamed answer, read as it arrives: `for await (const chunk of res)`. */
export interface TestStreamResponse extends AsyncIterable<Buffer> {
  status: number;
  headers: Record<string, string | string[] | number | undefined>;
  /** Reads the rest of the body. */
  text(): Promise<string>;
  /** Hangs up, as a client that goes away: the app's producer is stopped. */
  close(): void;
}

/** A Server-Sent Events answer: `for await (const event of res)`. */
export interface TestEventStream extends AsyncIterable<ReceivedEvent> {
  status: number;
  headers: Record<string, string | string[] | number | undefined>;
  /** Hangs up, as a browser tab that closes. */
  close(): void;
}

/** Options of `TestClient.websocketConnect()`. */
export interface TestSocketOptions {
  headers?: Record<string, string>;
  query?: TestRequestOptions['query'];
  subprotocols?: string[];
}

/** The server refused a test WebSocket connection before the upgrade. */
export class WebSocketDenied extends Error {
  constructor(
    readonly status: number,
    readonly body: string,
    /** The refusal's headers, e.g. a scheme's `www-authenticate`. */
    readonly headers: Record<string, string | string[] | undefined> = {},
  ) {
    super(`WebSocket upgrade refused with ${status}: ${body}`);
    this.name = 'WebSocketDenied';
  }

  json<T = unknown>(): T {
    return JSON.parse(this.body) as T;
  }
}

/**
 * Calls an app in process, without a network port: HTTP requests through the app's request
 * listener, WebSockets over an in-memory socket pair through the app's real upgrade path.
 * Cookies set by answers are kept and sent with later requests.
 * @example const res = await new TestClient(app).get('/items/1'); assert.equal(res.status, 200);
 */
export class TestClient {
  /** Cookies kept between requests. */
  readonly cookies = new Map<string, string>();

  constructor(readonly app: App) {}

  get(path: string, options?: TestRequestOptions): Promise<TestResponse> {
    return this.request('GET', path, options);
  }

  post(path: string, options?: TestRequestOptions): Promise<TestResponse> {
    return this.request('POST', path, options);
  }

  put(path: string, options?: TestRequestOptions): Promise<TestResponse> {
    return this.request('PUT', path, options);
  }

  patch(path: string, options?: TestRequestOptions): Promise<TestResponse> {
    return this.request('PATCH', path, options);
  }

  delete(path: string, options?: TestRequestOptions): Promise<TestResponse> {
    return this.request('DELETE', path, options);
  }

  head(path: string, options?: TestRequestOptions): Promise<TestResponse> {
    return this.request('HEAD', path, options);
  }

  options(path: string, options?: TestRequestOptions): Promise<TestResponse> {
    return this.request('OPTIONS', path, options);
  }

  trace(path: string, options?: TestRequestOptions): Promise<TestResponse> {
    return this.request('TRACE', path, options);
  }

  async request(method: string, path: string, options: TestRequestOptions = {}): Promise<TestResponse> {
    const res = await this.inject(method, path, options, undefined);
    return {
      status: res.statusCode,
      headers: res.headers,
      text: res.payload,
      body: res.rawPayload,
      json: <T>() => JSON.parse(res.payload) as T,
    };
  }

  /**
   * Sends a request and resolves as soon as the answer's headers arrive, with its body to read
   * chunk by chunk as the app writes it.
   * @example for await (const chunk of await client.stream('GET', '/export')) rows.push(chunk);
   */
  async stream(method: string, path: string, options: TestRequestOptions = {}): Promise<TestStreamResponse> {
    const abort = new AbortController();
    const res = await this.inject(method, path, options, abort.signal);
    const body = res.stream();
    body.on('error', () => undefined);
    const close = () => abort.abort();
    return {
      status: res.statusCode,
      headers: res.headers,
      close,
      [Symbol.asyncIterator]: () => body[Symbol.asyncIterator]() as AsyncIterator<Buffer>,
      async text() {
        const chunks: Buffer[] = [];
        for await (const chunk of body) chunks.push(chunk as Buffer);
        return Buffer.concat(chunks).toString('utf8');
      },
    };
  }

  /**
   * GETs a Server-Sent Events route and reads its events as a browser would (`Last-Event-ID`
   * and other headers may be given in `options`).
   * @example const events = await client.sse('/ticks'); for await (const e of events) if (e.id === '3') break;
   */
  async sse(path: string, options: TestRequestOptions = {}): Promise<TestEventStream> {
    const res = await this.stream('GET', path, { ...options, headers: { accept: 'text/event-stream', ...options.headers } });
    return {
      status: res.status,
      headers: res.headers,
      close: res.close,
      [Symbol.asyncIterator]: () => parseEventStream(res),
    };
  }

  private async inject(method: string, path: string, options: TestRequestOptions, signal: AbortSignal | undefined) {
    const headers: Record<string, string | string[] | undefined> = { ...options.headers };
    const cookieHeader = this.cookieHeader(options.cookies);
    if (cookieHeader) headers.cookie = cookieHeader;
    let payload: string | Buffer | undefined = options.body;
    if (options.json !== undefined) {
      payload = JSON.stringify(options.json);
      headers['content-type'] ??= 'application/json';
    } else if (options.files) {
      const encoded = encodeMultipart(options.form ?? {}, options.files);
      payload = encoded.body;
      headers['content-type'] ??= encoded.contentType;
    } else if (options.form) {
      payload = formEncode(options.form);
      headers['content-type'] ??= 'application/x-www-form-urlencoded';
    }
    const { inject } = await (lightMyRequest ??= import('light-my-request'));
    const lists: Record<string, string[]> = {};
    for (const [name, value] of Object.entries(headers)) if (Array.isArray(value)) lists[name.toLowerCase()] = value;
    const res = await inject(asNodeRequest(this.app.handle, lists), {
      method: method as InjectOptions['method'],
      url: path + queryString(options.query),
      headers,
      payload,
      ...(signal ? { payloadAsStream: true, signal } : {}),
    });
    this.keepCookies(res.headers['set-cookie']);
    return res;
  }

  /**
   * Opens a WebSocket to the app in process and returns the client end with the same API as
   * the handler's `Connection`. Rejects with `WebSocketDenied` when the upgrade is refused.
   */
  websocketConnect(path: string, options: TestSocketOptions = {}): Promise<Connection> {
    const [clientSide, serverSide] = duplexPair();
    Object.defineProperty(serverSide, 'remoteAddress', { value: '127.0.0.1' });
    acceptConnection(this.app.server, serverSide);
    const headers = { ...options.headers };
    const cookieHeader = this.cookieHeader();
    if (cookieHeader) headers.cookie ??= cookieHeader;
    const { WebSocket } = createRequire(import.meta.url)('ws') as { WebSocket: typeof WsClient };
    const ws = new WebSocket(`ws://testserver${path}${queryString(options.query)}`, options.subprotocols ?? [], {
      headers,
      createConnection: () => clientSide as never,
      perMessageDeflate: false,
      autoPong: false,
    });
    return new Promise((resolve, reject) => {
      ws.once('open', () => {
        ws.removeAllListeners('error');
        resolve(new Connection(ws, { limits: resolveSocketLimits({ maxMessageBytes: 64 * 1024 * 1024 }), transport: clientSide, remoteAddress: 'testserver' }));
      });
      ws.once('unexpected-response', (_req, res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          reject(new WebSocketDenied(res.statusCode ?? 0, Buffer.concat(chunks).toString('utf8'), res.headers));
          clientSide.destroy();
        });
      });
      ws.once('error', reject);
    });
  }

  private cookieHeader(extra: Record<string, string> = {}): string {
    const all = new Map([...this.cookies, ...Object.entries(extra)]);
    return [...all].map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('; ');
  }

  private keepCookies(setCookie: string | string[] | undefined): void {
    for (const line of [setCookie ?? []].flat()) {
      const cookie = parseSetCookie(line);
      const expired = cookie.maxAge === 0 || (cookie.expires !== undefined && cookie.expires.getTime() <= Date.now());
      if (expired || !cookie.value) this.cookies.delete(cookie.name);
      else this.cookies.set(cookie.name, cookie.value);
    }
  }
}

/**
 * Makes light-my-request's request look like Node's: it lacks `headersDistinct` (each header's
 * lines as a list), which the app reads for repeated headers, and keeps a header left out on
 * purpose (`user-agent: undefined`) as a key without a value.
 */
function asNodeRequest(handle: App['handle'], lists: Record<string, string[]>): App['handle'] {
  return function handleAsNodeRequest(req, res) {
    if (req.headersDistinct === undefined) {
      for (const name of Object.keys(req.headers)) if (req.headers[name] === undefined) delete req.headers[name];
      const distinct: Record<string, string[]> = {};
      for (let i = 0; i < req.rawHeaders.length; i += 2) {
        const value = req.rawHeaders[i + 1];
        if (value !== undefined) (distinct[req.rawHeaders[i]!.toLowerCase()] ??= []).push(value);
      }
      // light-my-request before 6.8 joins a header list into one line: keep its values apart,
      // as a server receiving repeated lines would.
      for (const [name, values] of Object.entries(lists)) distinct[name] = values;
      Object.defineProperty(req, 'headersDistinct', { value: distinct });
    }
    return handle(req, res);
  };
}

function formEncode(form: Record<string, string | string[]>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(form)) for (const v of [value].flat()) params.append(key, v);
  return params.toString();
}

function queryString(query: TestRequestOptions['query']): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) for (const v of [value].flat()) params.append(key, String(v));
  const text = params.toString();
  return text ? `?${text}` : '';
}
