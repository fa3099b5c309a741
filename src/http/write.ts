import type { OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { RequestValidationError } from '../validation/errors.js';
import { HttpException } from './exceptions.js';
import { writeFile, type FileBody } from './file.js';
import { stringifyJson } from './json.js';
import { lingerBeforeClose } from './linger.js';
import { Response } from './response.js';
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

function writeResponse(res: ServerResponse, out: Response, injected: Response | undefined, head: boolean, route: string): void | Promise<void> {
  const headers: OutgoingHttpHeaders = injected ? { ...injected.headers, ...out.headers } : { ...out.headers };
  const cookies = [injected?.headers['set-cookie'], out.headers['set-cookie']].flat().filter((c) => c !== undefined);
  if (cookies.length > 0) headers['set-cookie'] = cookies as string[];
  const status = out.statusCode ?? injected?.statusCode ?? 200;
  switch (out.kind) {
    case 'json':
      headers['content-type'] ??= JSON_TYPE;
      return send(res, status, headers, stringifyJson(out.body), head);
    case 'text':
      headers['content-type'] ??= 'text/plain; charset=utf-8';
      return send(res, status, headers, String(out.body), head);
    case 'html':
      headers['content-type'] ??= 'text/html; charset=utf-8';
      return send(res, status, headers, String(out.body), head);
    case 'raw':
      return send(res, status, headers, out.body as Buffer, head);
    case 'none':
      return send(res, status, headers, undefined, head);
    case 'stream':
      return writeStream(res, status, headers, out.body as StreamBody, head, route);
    case 'file':
      return writeFile(res, headers, out.body as FileBody, head);
  }
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

/** Answers an error: HttpException and validation errors as `{"detail": …}`, anything else as a bare 500. */
export function writeError(res: ServerResponse, err: unknown, head: boolean, bodyUnread: boolean): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  let status = 500;
  let headers: OutgoingHttpHeaders = {};
  let detail: unknown = 'Internal Server Error';
  if (err instanceof HttpException) {
    ({ status, detail } = err);
    headers = { ...err.headers };
  } else if (err instanceof RequestValidationError) {
    ({ status, detail } = err);
  } else {
    console.error('zigmund: unhandled error in a route handler', err);
  }
  // The client may still be sending a body nobody will read: end the connection, reading the
  // rest of the body first so that the client gets to read this answer.
  if (bodyUnread) {
    headers.connection = 'close';
    lingerBeforeClose(res);
  }
  headers['content-type'] = JSON_TYPE;
  send(res, status, headers, JSON.stringify({ detail }), head);
}
