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
  // NaN for a chunked body: then no comparison with it holds.
  const declared = Number(req.headers['content-length']);
  if (declared > limit) return Promise.reject(bodyTooLarge(limit));
  const failure = unreadable(req);
  if (failure) return Promise.reject(failure);
  return new Promise((resolve, reject) =>
    collect(req, limit, declared, (raw) => {
      try {
        resolve(use(raw));
      } catch (err) {
        reject(err);
      }
    }, reject),
  );
}

/**
 * Gathers the chunks of a body without an intermediate copy where it can: a body that comes in
 * one chunk (most JSON bodies) is that chunk; one of a declared length in several chunks is
 * copied once, as they come, into a buffer of that length; only a chunked body of unknown length
 * is kept in pieces and joined at the end.
 */
function collect(req: IncomingMessage, limit: number, declared: number, resolve: (body: Buffer) => void, reject: (err: Error) => void): void {
  let first: Buffer | undefined;
  let whole: Buffer | undefined;
  let pieces: Buffer[] | undefined;
  let size = 0;
  let settled = false;
  const stop = () => {
    settled = true;
    req.off('data', onData);
    req.off('end', onEnd);
  };
  const onData = (chunk: Buffer) => {
    const end = size + chunk.length;
    if (end > limit) {
      // The request stays flowing with no listener, so the excess is discarded, never buffered,
      // and a client still sending can read the 413 before the framework closes the connection.
      stop();
      return reject(bodyTooLarge(limit));
    }
    if (first === undefined) {
      first = chunk;
    } else if (end <= declared) {
      if (whole === undefined) {
        whole = Buffer.allocUnsafe(declared);
        first.copy(whole, 0);
      }
      chunk.copy(whole, size);
    } else {
      (pieces ??= [first]).push(chunk);
    }
    size = end;
  };
  // At 'end' the listeners go: they hold this read, and through `resolve` the request's whole
  // context, for as long as Node keeps the request (behind every pipelined answer before it).
  // Kept, they carried that garbage out of V8's young generation under load. A complete
  // request emits no 'error' (Node destroys only an incomplete one with an error).
  const onEnd = () => {
    stop();
    req.off('error', onAbort);
    req.off('close', onAbort);
    if (whole !== undefined) resolve(size === declared ? whole : whole.subarray(0, size));
    else if (pieces !== undefined) resolve(Buffer.concat(pieces, size));
    else resolve(first ?? EMPTY);
  };
  const onAbort = (cause?: Error) => {
    if (settled) return;
    stop();
    reject(new BodyAborted({ cause }));
  };
  req.on('data', onData);
  req.on('end', onEnd);
  req.on('error', onAbort);
  req.on('close', onAbort);
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
