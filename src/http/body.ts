import type { IncomingMessage } from 'node:http';
import { RequestValidationError } from '../validation/errors.js';
import { DEFAULT_MAX_JSON_DEPTH, depthOverflowAt, tooDeep } from '../validation/json-depth.js';
import { HttpException } from './exceptions.js';

// Forms are parsed in multipart.ts, on top of the helpers below.

const EMPTY = Buffer.alloc(0);

/** The client went away before its request body arrived in full. */
export class BodyAborted extends Error {
  readonly code = 'BODY_ABORTED';
  readonly status = 400;

  constructor(options?: ErrorOptions) {
    super('The client aborted the request body', options);
    this.name = 'BodyAborted';
  }
}

/** The request body was asked for after something else had read it. */
export class BodyConsumed extends Error {
  readonly code = 'BODY_CONSUMED';
  readonly status = 500;

  constructor() {
    super('The request body was already read');
    this.name = 'BodyConsumed';
  }
}

/** The 413 answered when a body passes `limit` bytes. */
export function bodyTooLarge(limit: number): HttpException {
  return new HttpException(413, `Request body is too large (limit ${limit} bytes)`);
}

/**
 * Whether the request carries a body, judged from its headers alone: chunked transfer, or a
 * non-zero `content-length` (RFC 9112 §6.3: with neither, the body is empty).
 */
export function hasBody(req: IncomingMessage): boolean {
  if (req.headers['transfer-encoding'] !== undefined) return true;
  const length = req.headers['content-length'];
  return length !== undefined && length !== '0';
}

/**
 * Why the body can no longer be read, if it can't. Listeners attached now would never fire:
 * the stream has already ended or been destroyed.
 */
export function unreadable(req: IncomingMessage): Error | undefined {
  if (req.readableEnded) return new BodyConsumed();
  if (req.destroyed) return new BodyAborted();
  return undefined;
}

/**
 * Reads the whole request body, rejecting with 413 as soon as it passes `limit` bytes: before
 * reading when `content-length` says so, otherwise at the chunk that crosses it. A client that
 * goes away mid-body rejects with {@link BodyAborted}.
 */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  if (!hasBody(req)) return Promise.resolve(EMPTY);
  return readBodyThen(req, limit, asIs) as Promise<Buffer>;
}

const asIs = (raw: Buffer) => raw;

/**
 * Reads the whole body as {@link readBody} does and hands it to `use` as soon as it is in, in
 * the same turn: the promise settles with what `use` returns (or throws), so reading and
 * decoding a body cost one promise. Without a body, `use` runs at once and its value comes
 * back as it is, no promise.
 */
export function readBodyThen<T>(req: IncomingMessage, limit: number, use: (raw: Buffer) => T): T | Promise<T> {
  if (!hasBody(req)) return use(EMPTY);
  return new Promise((resolve, reject) => {
    receiveBody(req, limit, undefined, {
      received(_, raw) {
        try {
          resolve(use(raw));
        } catch (err) {
          reject(err);
        }
      },
      failed: (_, err) => reject(err),
    });
  });
}

/**
 * Where {@link receiveBody} delivers, with the `target` it was given (a route passes its
 * request context, so one receiver serves every request). Neither may throw: they run in the
 * request's stream events.
 */
export interface BodyReceiver<T> {
  /** The whole body, in the turn its last byte arrived. */
  received(target: T, raw: Buffer): void;
  /** Why it could not be read: a 413, {@link BodyAborted} or {@link BodyConsumed}. */
  failed(target: T, err: Error): void;
}

/**
 * Reads the whole body as {@link readBody} does, without a promise: the receiver hears of it
 * from the request's own events (at once when there is no body or it is refused up front).
 */
export function receiveBody<T>(req: IncomingMessage, limit: number, target: T, receiver: BodyReceiver<T>): void {
  if (!hasBody(req)) return receiver.received(target, EMPTY);
  // NaN for a chunked body: then no comparison with it holds.
  const declared = Number(req.headers['content-length']);
  if (declared > limit) return receiver.failed(target, bodyTooLarge(limit));
  const failure = (req as Reading)[READING] !== undefined ? new BodyConsumed() : unreadable(req);
  if (failure) return receiver.failed(target, failure);
  (req as Reading)[READING] = new BodyRead(limit, declared, target, receiver as BodyReceiver<unknown>);
  req.on('data', onBodyData);
  req.on('end', onBodyEnd);
  req.on('error', onBodyAbort);
  req.on('close', onBodyAbort);
}

const READING = Symbol('zigmund.bodyRead');

// The read in progress, on the request itself: the listeners are shared functions that find it
// there, so a read allocates no closures, and nothing is left holding it (or, through its
// target, the request's context) once it is done, however long Node keeps the request queued
// behind pipelined answers. `null` once done: the listeners stay, and ignore what comes after.
type Reading = IncomingMessage & { [READING]?: BodyRead<unknown> | null };

/**
 * The chunks of one body, gathered without an intermediate copy where it can: a body that comes
 * in one chunk (most JSON bodies) is that chunk; one of a declared length in several chunks is
 * copied once, as they come, into a buffer of that length; only a chunked body of unknown length
 * is kept in pieces and joined at the end.
 */
class BodyRead<T> {
  first: Buffer | undefined = undefined;
  whole: Buffer | undefined = undefined;
  pieces: Buffer[] | undefined = undefined;
  size = 0;

  constructor(
    readonly limit: number,
    readonly declared: number,
    readonly target: T,
    readonly receiver: BodyReceiver<T>,
  ) {}

  add(chunk: Buffer): void {
    const end = this.size + chunk.length;
    if (this.first === undefined) {
      this.first = chunk;
    } else if (end <= this.declared) {
      if (this.whole === undefined) {
        this.whole = Buffer.allocUnsafe(this.declared);
        this.first.copy(this.whole, 0);
      }
      chunk.copy(this.whole, this.size);
    } else {
      (this.pieces ??= [this.first]).push(chunk);
    }
    this.size = end;
  }

  body(): Buffer {
    if (this.whole !== undefined) return this.size === this.declared ? this.whole : this.whole.subarray(0, this.size);
    if (this.pieces !== undefined) return Buffer.concat(this.pieces, this.size);
    return this.first ?? EMPTY;
  }
}

function onBodyData(this: Reading, chunk: Buffer): void {
  const read = this[READING];
  if (!read) return;
  if (read.size + chunk.length > read.limit) {
    // The request stays flowing, its chunks ignored, so the excess is discarded, never
    // buffered, and a client still sending can read the 413 before the framework closes the
    // connection.
    this[READING] = null;
    return read.receiver.failed(read.target, bodyTooLarge(read.limit));
  }
  read.add(chunk);
}

function onBodyEnd(this: Reading): void {
  const read = this[READING];
  if (!read) return;
  this[READING] = null;
  read.receiver.received(read.target, read.body());
}

// A complete request emits no 'error' (Node destroys only an incomplete one with an error), and
// its 'close' comes after 'end': both mean the client went away mid-body.
function onBodyAbort(this: Reading, cause?: Error): void {
  const read = this[READING];
  if (!read) return;
  this[READING] = null;
  read.receiver.failed(read.target, new BodyAborted({ cause }));
}

/**
 * Parses a JSON body. An empty body is FastAPI's `missing` error; malformed JSON is its
 * `json_invalid` error, located at the character offset where parsing failed. Nesting deeper
 * than `maxDepth` is a `json_too_deep` error, located at the bracket that passes it.
 * @example parseJson(Buffer.from('{"a":1,}')) // throws loc ['body', 7]
 */
export function parseJson(raw: Buffer, maxDepth = DEFAULT_MAX_JSON_DEPTH): unknown {
  if (raw.length === 0) {
    throw new RequestValidationError([{ type: 'missing', loc: ['body'], msg: 'Field required', input: null }]);
  }
  const text = raw.toString('utf8');
  const overflow = depthOverflowAt(text, maxDepth);
  if (overflow !== -1) throw new RequestValidationError([tooDeep(['body', overflow], maxDepth)]);
  try {
    return JSON.parse(text);
  } catch (err) {
    const error = (err as Error).message;
    throw new RequestValidationError(
      [{ type: 'json_invalid', loc: ['body', errorOffset(text, error)], msg: 'JSON decode error', input: {}, ctx: { error } }],
      text,
    );
  }
}

function errorOffset(text: string, message: string): number {
  const position = /at position (\d+)/.exec(message);
  if (position) return Number(position[1]);
  if (message.startsWith('Unexpected end of JSON input')) return text.length;
  return firstInvalidToken(text);
}

const SPACE = /[ \t\n\r]*/y;
// eslint-disable-next-line no-control-regex -- a JSON string may not hold U+0000 to U+001F raw
const TOKEN = /"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[\dA-Fa-f]{4}))*"|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[Ee][+-]?\d+)?|true|false|null|[{}[\]:,]/y;

// V8 names no position for a token that cannot start a value ("Unexpected token 'x', "…" is not
// valid JSON"), so the error path walks the grammar to find it; valid bodies never come here.
function firstInvalidToken(text: string): number {
  const closers: string[] = [];
  let expect: 'value' | 'value or ]' | 'key' | 'key or }' | ':' | ', or close' = 'value';
  let i = 0;
  for (;;) {
    SPACE.lastIndex = i;
    SPACE.test(text);
    i = SPACE.lastIndex;
    TOKEN.lastIndex = i;
    const token = TOKEN.exec(text)?.[0][0];
    if (token === undefined) return i + literalPrefix(text, i);
    const closer = closers.at(-1);
    switch (expect) {
      case 'value':
      case 'value or ]':
        if (token === '{') {
          closers.push('}');
          expect = 'key or }';
        } else if (token === '[') {
          closers.push(']');
          expect = 'value or ]';
        } else if (token === ']' && expect === 'value or ]') {
          closers.pop();
          expect = ', or close';
        } else if ('}]:,'.includes(token)) {
          return i;
        } else {
          expect = ', or close';
        }
        break;
      case 'key':
      case 'key or }':
        if (token === '}' && expect === 'key or }') {
          closers.pop();
          expect = ', or close';
        } else if (token === '"') {
          expect = ':';
        } else {
          return i;
        }
        break;
      case ':':
        if (token !== ':') return i;
        expect = 'value';
        break;
      case ', or close':
        if (closer === undefined) return i;
        if (token === closer) closers.pop();
        else if (token === ',') expect = closer === '}' ? 'key' : 'value';
        else return i;
    }
    i = TOKEN.lastIndex;
  }
}

// V8 blames the first character that strays from `true`, `false` or `null`, not the word's start.
function literalPrefix(text: string, at: number): number {
  const literal = ['true', 'false', 'null'].find((word) => word[0] === text[at]) ?? '';
  let n = 0;
  while (n < literal.length && text[at + n] === literal[n]) n++;
  return n;
}

/** The media type of the request, lowercased and without parameters; `''` when absent. */
export function contentTypeOf(req: IncomingMessage): string {
  const header = req.headers['content-type'];
  if (header === undefined) return '';
  if (header === 'application/json') return header;
  const end = header.indexOf(';');
  return (end === -1 ? header : header.slice(0, end)).trim().toLowerCase();
}

/** `application/json` or a structured `+json` type such as `application/problem+json`. */
export function isJsonType(mediaType: string): boolean {
  return mediaType === 'application/json' || (mediaType.startsWith('application/') && mediaType.endsWith('+json'));
}

/** `application/x-www-form-urlencoded` or `multipart/form-data`. */
export function isFormType(mediaType: string): boolean {
  return mediaType === 'application/x-www-form-urlencoded' || mediaType === 'multipart/form-data';
}

/**
 * A body that came to a JSON route without a JSON content type, kept as its text. FastAPI's
 * strict content-type checking validates such a body as it is, so a model finds no fields in it.
 */
export class UnparsedBody {
  constructor(readonly text: string) {}
}

/**
 * The value of a JSON route's body: parsed when its content type is JSON, or when it has none
 * and `strict` is off (FastAPI's `strict_content_type=False`); otherwise an {@link UnparsedBody}.
 * An empty body is `undefined`.
 */
export function decodeJsonBody(req: IncomingMessage, raw: Buffer, strict: boolean, maxDepth?: number): unknown {
  if (raw.length === 0) return undefined;
  const type = contentTypeOf(req);
  if (isJsonType(type) || (type === '' && !strict)) return parseJson(raw, maxDepth);
  return new UnparsedBody(raw.toString('utf8'));
}

/** The 415 of a body a form route or `Request.form()` cannot read. */
export function unsupportedMediaType(): HttpException {
  return new HttpException(415, 'Unsupported Media Type: expected application/x-www-form-urlencoded or multipart/form-data');
}
