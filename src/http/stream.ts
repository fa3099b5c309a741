import type { OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { HttpException } from './exceptions.js';
import { stringifyJson } from './json.js';

/** One Server-Sent Event; a string `data` is sent as written, any other value as JSON. */
export interface ServerSentEvent {
  id?: string | number;
  event?: string;
  data?: unknown;
  /** How long the browser waits before reconnecting, in milliseconds. */
  retry?: number;
  /** A comment line (`: text`), ignored by browsers. */
  comment?: string;
}

export type StreamSource = AsyncIterable<unknown> | Iterable<unknown>;

/** What `Response.stream/jsonLines/sse` carry to the writer. */
export interface StreamBody {
  source: StreamSource | Readable;
  /** Turns a yielded item into bytes; without it items must be strings or bytes. */
  encode: ((item: unknown) => string | Uint8Array) | undefined;
  /** A keep-alive comment after this long without a write; 0 sends none. */
  pingIntervalMs: number;
  /** Send the headers before the first item (SSE: the browser's `open` fires at once). */
  eager: boolean;
}

/**
 * A handler returned a stream or an iterator itself: written as JSON it would be `{}` or
 * garbage, so it is a 500 that names the route.
 */
export class StreamWithoutResponse extends HttpException {
  override readonly code: string = 'STREAM_WITHOUT_RESPONSE';

  constructor(readonly route: string) {
    super(500, `${route} returned a stream or iterator without a Response: wrap it in Response.stream(), Response.jsonLines() or Response.sse()`);
    this.name = 'StreamWithoutResponse';
  }
}

/** Whether a plain return value is a stream or an iterator, which JSON cannot carry. */
export function isStreamLike(value: object): boolean {
  const v = value as { [Symbol.asyncIterator]?: unknown; pipe?: unknown; next?: unknown; [Symbol.iterator]?: unknown };
  return (
    typeof v[Symbol.asyncIterator] === 'function' ||
    typeof v.pipe === 'function' ||
    (typeof v.next === 'function' && typeof v[Symbol.iterator] === 'function') ||
    (typeof ReadableStream !== 'undefined' && value instanceof ReadableStream)
  );
}

/** One JSON Lines record. */
export function jsonLine(item: unknown): string {
  return `${stringifyJson(item) ?? 'null'}\n`;
}

const LINE_BREAK = /\r\n|\r|\n/;

/** The wire form of one event: `field: value` lines and a blank line (WHATWG HTML, "server-sent events"). */
export function encodeEvent(item: unknown): string {
  if (typeof item === 'string') return dataLines(item) + '\n';
  if (item === null || typeof item !== 'object') throw new TypeError(`Response.sse(): an event is a string or { id?, event?, data?, retry? }, not ${typeof item}`);
  const event = item as ServerSentEvent;
  let out = '';
  if (event.comment !== undefined) for (const line of String(event.comment).split(LINE_BREAK)) out += `: ${line}\n`;
  if (event.id !== undefined) out += `id: ${singleLine('id', String(event.id))}\n`;
  if (event.event !== undefined) out += `event: ${singleLine('event', event.event)}\n`;
  if (event.retry !== undefined) {
    if (!Number.isInteger(event.retry) || event.retry < 0) throw new TypeError(`Response.sse(): retry must be a whole number of milliseconds, not ${event.retry}`);
    out += `retry: ${event.retry}\n`;
  }
  if (event.data !== undefined) out += dataLines(typeof event.data === 'string' ? event.data : (stringifyJson(event.data) ?? 'null'));
  return out + '\n';
}

function dataLines(data: string): string {
  let out = '';
  for (const line of data.split(LINE_BREAK)) out += `data: ${line}\n`;
  return out;
}

// A line break would end the field early and start another; a NUL in an id makes browsers ignore it.
function singleLine(field: string, value: string): string {
  if (/[\r\n]/.test(value) || (field === 'id' && value.includes('\0'))) throw new TypeError(`Response.sse(): the ${field} must be one line: ${JSON.stringify(value)}`);
  return value;
}

const PING = ': ping\n\n';

/**
 * Writes a streamed answer: pulls the next item only once the previous one was taken by the
 * socket (a slow client pauses the producer), stops the producer when the client goes away,
 * and sends keep-alive comments while it is quiet. Resolves when the answer ended or the
 * client left; rejects with the producer's error (before the first write it becomes a normal
 * error answer, after it the connection is cut).
 */
export async function writeStream(res: ServerResponse, status: number, headers: OutgoingHttpHeaders, body: StreamBody, head: boolean, route: string): Promise<void> {
  const { source, encode } = body;
  const iterator = iteratorOf(source);
  let gone = false;
  let wake: (() => void) | undefined;
  const onClose = () => {
    if (res.writableFinished) return;
    gone = true;
    stop(source, iterator);
    wake?.();
  };
  res.once('close', onClose);
  let ping: NodeJS.Timeout | undefined;
  let quiet = true;
  try {
    if (head) {
      res.writeHead(status, headers);
      res.end();
      stop(source, iterator);
      return;
    }
    if (body.eager) {
      res.writeHead(status, headers);
      res.flushHeaders();
    }
    if (body.pingIntervalMs > 0) {
      ping = setInterval(() => {
        if (quiet && wake === undefined && !gone) res.write(PING);
        quiet = true;
      }, body.pingIntervalMs);
      ping.unref();
    }
    while (!gone) {
      const step = await iterator.next();
      if (gone) return;
      if (step.done) break;
      const chunk = encode ? encode(step.value) : asChunk(step.value);
      if (chunk.length === 0) continue;
      if (!res.headersSent) res.writeHead(status, headers);
      quiet = false;
      if (!res.write(chunk)) await new Promise<void>((resolve) => waitDrain(res, (wake = resolve)));
      wake = undefined;
    }
    if (!gone) {
      if (!res.headersSent) res.writeHead(status, headers);
      res.end();
    }
  } catch (err) {
    if (gone) return;
    stop(source, iterator);
    if (!res.headersSent) throw err;
    console.error(`zigmund: ${route}: the stream's producer failed after the answer began; the connection is cut`, err);
    res.destroy();
    throw err;
  } finally {
    if (ping) clearInterval(ping);
    res.off('close', onClose);
  }
}

function waitDrain(res: ServerResponse, resolve: () => void): void {
  const done = () => {
    res.off('drain', done);
    res.off('close', done);
    resolve();
  };
  res.on('drain', done);
  res.on('close', done);
}

function iteratorOf(source: StreamSource | Readable): AsyncIterator<unknown> | Iterator<unknown> {
  const asyncIterable = source as AsyncIterable<unknown>;
  if (typeof asyncIterable[Symbol.asyncIterator] === 'function') return asyncIterable[Symbol.asyncIterator]();
  const iterable = source as Iterable<unknown>;
  if (typeof iterable[Symbol.iterator] === 'function') return iterable[Symbol.iterator]();
  throw new TypeError('Response.stream(): the source is neither an (async) iterable nor a Readable');
}

// The producer may be waiting inside an await: its return() then runs when it next yields,
// so it is not awaited here; the Arena's signal tells a waiting producer at once.
function stop(source: StreamSource | Readable, iterator: AsyncIterator<unknown> | Iterator<unknown>): void {
  if (source instanceof Readable) source.destroy();
  try {
    const done = iterator.return?.();
    if (done instanceof Promise) done.catch((err) => console.error('zigmund: a stream producer failed while stopping', err));
  } catch (err) {
    console.error('zigmund: a stream producer failed while stopping', err);
  }
}

/** A yielded item as bytes to write: strings and bytes pass, anything else is refused. */
export function asChunk(value: unknown): string | Uint8Array {
  if (typeof value === 'string' || value instanceof Uint8Array) return value;
  throw new TypeError(`Response.stream(): the source must yield strings or bytes, not ${value === null ? 'null' : typeof value} (Response.jsonLines() writes values as JSON)`);
}
