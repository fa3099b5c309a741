import compressible from 'compressible';
import Negotiator from 'negotiator';
import type { Response } from '../http/response.js';
import type { StreamBody } from '../http/stream.js';
import { bodyOf, impliedContentType } from '../http/write.js';
import type { Middleware } from '../http/middleware.js';
import { compressBytes, compressedStream, type Encoding } from './compress-stream.js';
import { addVary } from './vary.js';

/** Options of `compression()`. */
export interface CompressionOptions {
  /** Bodies held in memory smaller than this many bytes go out as they are (default 500, Starlette's `minimum_size`). */
  threshold?: number;
  /** The codings offered, the server's preference first when the client's q-values tie (default `['br', 'gzip', 'deflate']`). */
  encodings?: Encoding[];
}

const KNOWN: readonly Encoding[] = ['br', 'gzip', 'deflate'];
// No body (204, 304, 1xx), or a part of the identity body (206): nothing to compress.
const NO_BODY = new Set([204, 205, 206, 304]);

// JSON text, one record a line; mime-db does not list these yet.
const JSON_LINES = new Set(['application/jsonl', 'application/x-ndjson']);

type Negotiate = (accept: string) => Encoding | undefined;

/**
 * Compresses answers with the coding the client prefers (`Accept-Encoding` q-values, negotiated
 * by the `negotiator` package; the order of `encodings` breaks ties). Compressed: JSON, text,
 * HTML and raw bodies of a compressible type (`compressible`, from mime-db) of at least
 * `threshold` bytes, and streamed bodies (`Response.stream`, `Response.jsonLines`) chunk by
 * chunk, each flushed as it comes. Left alone: HEAD, 204/206/304, an answer that already has a
 * `Content-Encoding` or says `Cache-Control: no-transform`, files (`Response.file`: their
 * ranges and validators describe the file's bytes), and Server-Sent Events, which must reach
 * the browser event by event. `Vary: Accept-Encoding` is added to every answer whose body could
 * have been compressed, so caches keep the codings apart.
 * @example app.use(compression({ threshold: 1024 }));
 */
export function compression(options: CompressionOptions = {}): Middleware {
  const threshold = options.threshold ?? 500;
  if (!Number.isInteger(threshold) || threshold < 0) throw new RangeError(`compression(): threshold must be a whole number of bytes, got ${String(threshold)}`);
  const encodings = options.encodings ?? [...KNOWN];
  if (!Array.isArray(encodings) || encodings.length === 0) throw new TypeError('compression(): encodings must list at least one of br, gzip, deflate');
  for (const e of encodings) if (!KNOWN.includes(e)) throw new TypeError(`compression(): unknown encoding ${JSON.stringify(e)}; use br, gzip or deflate`);
  const negotiate = negotiator(encodings);

  return async function compressionMiddleware(req, next) {
    const res = await next();
    if (req.isWebSocket || req.method === 'HEAD') return res;
    if (!eligible(res)) return res;
    addVary(res, 'Accept-Encoding');
    const accept = req.headers['accept-encoding'];
    if (accept === undefined || accept === '') return res;
    const encoding = negotiate(accept);
    if (encoding === undefined) return res;
    if (res.kind === 'stream') {
      res.body = compressedStream(res.body as StreamBody, encoding);
      return encoded(res, encoding);
    }
    const body = bodyOf(res, res.headers);
    if (body === undefined) return res;
    // Serialised once: below the threshold the writer sends these bytes as they are.
    res.kind = 'raw';
    res.body = body;
    if ((typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength) < threshold) return res;
    const bytes = typeof body === 'string' ? Buffer.from(body) : Buffer.from(body.buffer, body.byteOffset, body.byteLength);
    res.body = await compressBytes(encoding, bytes);
    return encoded(res, encoding);
  };
}

/** Whether the answer's body may be compressed at all, whatever the client accepts. */
function eligible(res: Response): boolean {
  if (res.kind === 'none' || res.kind === 'file') return false;
  if (res.statusCode !== undefined && (res.statusCode < 200 || NO_BODY.has(res.statusCode))) return false;
  if (res.headers['content-encoding'] !== undefined) return false;
  const cacheControl = res.headers['cache-control'];
  if (cacheControl !== undefined && /(?:^|,)\s*no-transform\s*(?:,|$)/i.test(String(cacheControl))) return false;
  const type = answerTypeOf(res);
  if (type === undefined) return false;
  // mime-db marks text/event-stream compressible; a compressed event would wait in the compressor.
  if (type === 'text/event-stream') return false;
  if (res.kind === 'stream' && (res.body as StreamBody).pingIntervalMs > 0) return false;
  return compressible(type) === true || JSON_LINES.has(type);
}

// The media type the writer will send: set on the answer, or implied by its kind.
function answerTypeOf(res: Response): string | undefined {
  const header = res.headers['content-type'] ?? impliedContentType(res.kind);
  return header === undefined ? undefined : String(header).split(';', 1)[0].trim().toLowerCase();
}

function encoded(res: Response, encoding: Encoding): Response {
  delete res.headers['content-length'];
  res.setHeader('content-encoding', encoding);
  return res;
}

/** The coding to use for an `Accept-Encoding` value; undefined for identity. Common values are remembered. */
function negotiator(encodings: Encoding[]): Negotiate {
  const offered = [...encodings, 'identity'];
  const remembered = new Map<string, Encoding | undefined>();
  return (accept) => {
    if (remembered.has(accept)) return remembered.get(accept);
    // @types/negotiator lacks the `preferred` option negotiator 1.x takes.
    const chosen = (new Negotiator({ headers: { 'accept-encoding': accept } }) as unknown as PreferringNegotiator).encoding(offered, { preferred: encodings });
    const encoding = chosen === undefined || chosen === 'identity' ? undefined : (chosen as Encoding);
    // A client sends the same few values; a bounded memory keeps odd ones from growing it.
    if (remembered.size < 256) remembered.set(accept, encoding);
    return encoding;
  };
}

interface PreferringNegotiator {
  encoding(available: readonly string[], options: { preferred: readonly string[] }): string | undefined;
}
