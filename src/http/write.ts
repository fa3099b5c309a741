import type { OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { writeFile, type FileBody } from './file.js';
import { stringifyJson } from './json.js';
import { Response, type ResponseBodyKind } from './response.js';
import { isStreamLike, StreamWithoutResponse, writeStream, type StreamBody } from './stream.js';

/** How a route turns a handler's return value into an answer, prepared at bootstrap. */
export interface WritePlan {
  status: number;
  /** The route's `contentType`: strings and bytes are then written as they are, with it. */
  contentType: string | undefined;
  /** Serialises plain values: the responseModel's compiled serializer, or plain `JSON.stringify`. */
  serialize: (value: unknown) => string;
  /** The route, as errors name it (`ItemsController.list`, `GET /items`). */
  route: string;
}

const JSON_TYPE = 'application/json';
const NO_BODY_STATUS = new Set([204, 205, 304]);

/**
 * Writes a handler's return value, with the injected `Response`'s status, headers and cookies.
 * A promise only for streams and files, resolved once they are written (or the client left).
 */
export function writeResult(res: ServerResponse, result: unknown, plan: WritePlan, injected: Response | undefined, head: boolean): void | Promise<void> {
  if (result instanceof Response) return writeResponse(res, result, injected, head, plan.route);
  const status = injected?.statusCode ?? plan.status;
  const headers: OutgoingHttpHeaders = injected ? { ...injected.headers } : {};
  if (result === undefined) return send(res, status, headers, undefined, head);
  if (typeof result === 'string' && plan.contentType !== undefined) {
    headers['content-type'] ??= plan.contentType;
    return send(res, status, headers, result, head);
  }
  if (Buffer.isBuffer(result) || result instanceof Uint8Array) {
    headers['content-type'] ??= plan.contentType ?? 'application/octet-stream';
    return send(res, status, headers, result, head);
  }
  if (typeof result === 'object' && result !== null && isStreamLike(result)) {
    const err = new StreamWithoutResponse(plan.route);
    console.error(`zigmund: ${err.message}`);
    throw err;
  }
  headers['content-type'] ??= JSON_TYPE;
  send(res, status, headers, plan.serialize(result), head);
}

/** Writes a `Response`, under the injected one's status, headers and cookies when the handler asked for one. */
export function writeResponse(res: ServerResponse, out: Response, injected: Response | undefined, head: boolean, route: string): void | Promise<void> {
  const headers: OutgoingHttpHeaders = injected ? { ...injected.headers, ...out.headers } : { ...out.headers };
  if (injected?.headers['set-cookie'] !== undefined) headers['set-cookie'] = mergedCookies(injected, out);
  const status = out.statusCode ?? injected?.statusCode ?? 200;
  switch (out.kind) {
    case 'stream':
      return writeStream(res, status, headers, out.body as StreamBody, head, route);
    case 'file':
      return writeFile(res, headers, out.body as FileBody, head);
    default:
      return send(res, status, headers, bodyOf(out, headers), head);
  }
}

const IMPLIED_TYPES = { json: JSON_TYPE, text: 'text/plain; charset=utf-8', html: 'text/html; charset=utf-8' } as const;

/** The content type a `Response` of this kind is written with when it sets none. */
export function impliedContentType(kind: ResponseBodyKind): string | undefined {
  return kind === 'json' || kind === 'text' || kind === 'html' ? IMPLIED_TYPES[kind] : undefined;
}

/**
 * The bytes (or text) of a `Response` held in memory, filling in the content type its kind
 * implies; `undefined` for one without a body. Streams and files are not in memory: they throw.
 */
export function bodyOf(out: Response, headers: OutgoingHttpHeaders): string | Uint8Array | undefined {
  switch (out.kind) {
    case 'json':
      headers['content-type'] ??= JSON_TYPE;
      return stringifyJson(out.body);
    case 'text':
    case 'html':
      headers['content-type'] ??= IMPLIED_TYPES[out.kind];
      return String(out.body);
    case 'raw':
      return out.body as string | Uint8Array;
    case 'none':
      return undefined;
    default:
      throw new TypeError(`a ${out.kind} Response has no body in memory`);
  }
}

/**
 * A handler's answer as a `Response` of its own, for middleware to read and change: a plain
 * value is serialised as `writeResult` would write it, a returned `Response` is copied (a
 * handler may return a shared one), and the injected `Response`'s status, headers and cookies
 * are merged in.
 */
export function responseOf(result: unknown, plan: WritePlan, injected: Response | undefined): Response {
  const out = new Response();
  if (result instanceof Response) {
    Object.assign(out, result, { headers: out.headers });
    if (injected) Object.assign(out.headers, injected.headers);
    Object.assign(out.headers, result.headers);
    if (injected?.headers['set-cookie'] !== undefined) out.headers['set-cookie'] = mergedCookies(injected, result);
    out.statusCode = result.statusCode ?? injected?.statusCode ?? 200;
    return out;
  }
  if (injected) Object.assign(out.headers, injected.headers);
  out.statusCode = injected?.statusCode ?? plan.status;
  if (result === undefined) return out;
  out.kind = 'raw';
  if (typeof result === 'string' && plan.contentType !== undefined) {
    out.headers['content-type'] ??= plan.contentType;
    out.body = result;
  } else if (Buffer.isBuffer(result) || result instanceof Uint8Array) {
    out.headers['content-type'] ??= plan.contentType ?? 'application/octet-stream';
    out.body = result;
  } else if (typeof result === 'object' && result !== null && isStreamLike(result)) {
    const err = new StreamWithoutResponse(plan.route);
    console.error(`zigmund: ${err.message}`);
    throw err;
  } else {
    out.headers['content-type'] ??= JSON_TYPE;
    out.body = plan.serialize(result);
  }
  return out;
}

/** The cookies of the injected `Response` and then the answer's, both kept. */
function mergedCookies(injected: Response, out: Response): string[] {
  return [injected.headers['set-cookie'], out.headers['set-cookie']].flat().filter((c) => c !== undefined);
}

function send(res: ServerResponse, status: number, headers: OutgoingHttpHeaders, body: string | Uint8Array | undefined, head: boolean): void {
  if (body === undefined || NO_BODY_STATUS.has(status)) {
    if (!NO_BODY_STATUS.has(status)) headers['content-length'] = 0;
    res.writeHead(status, headers);
    res.end();
    return;
  }
  headers['content-length'] = typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength;
  res.writeHead(status, headers);
  if (head) res.end();
  else res.end(body);
}

/**
 * A `{"detail": …}` answer written straight to a Node response, for what answers outside an
 * app's pipeline (mounts, static files); a response already started is cut instead.
 */
export function writeDetail(res: ServerResponse, status: number, detail: string, headers: Record<string, string> = {}): void {
  if (res.headersSent) return void res.destroy();
  send(res, status, { ...headers, 'content-type': 'application/json' }, JSON.stringify({ detail }), res.req.method === 'HEAD');
}
