import { once } from 'node:events';
import zlib from 'node:zlib';
import { asChunk, type StreamBody } from '../http/stream.js';

/** The content codings `compression()` can write. */
export type Encoding = 'br' | 'gzip' | 'deflate';

// Brotli's quality 11 (its default) costs tens of milliseconds per 100 KiB; 4 compresses about as
// well as gzip's 6 and faster, which is why @fastify/compress and nginx choose it for live answers.
const BROTLI_QUALITY = 4;

// A compressor stream for `encoding` (gzip and deflate at zlib's default level 6).
function compressor(encoding: Encoding): zlib.Gzip | zlib.Deflate | zlib.BrotliCompress {
  if (encoding === 'gzip') return zlib.createGzip();
  if (encoding === 'deflate') return zlib.createDeflate();
  return zlib.createBrotliCompress({ params: { [zlib.constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY } });
}

function brotliParams(size: number): Record<number, number> {
  return { [zlib.constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: size };
}

// Below this, compressing on the calling thread is cheaper than a trip to libuv's thread pool.
const SYNC_LIMIT = 64 * 1024;

/** Compresses a body held in memory whole. */
export function compressBytes(encoding: Encoding, bytes: Buffer): Buffer | Promise<Buffer> {
  if (bytes.byteLength <= SYNC_LIMIT) {
    if (encoding === 'gzip') return zlib.gzipSync(bytes);
    if (encoding === 'deflate') return zlib.deflateSync(bytes);
    return zlib.brotliCompressSync(bytes, { params: brotliParams(bytes.byteLength) });
  }
  return new Promise((resolve, reject) => {
    const done = (err: Error | null, out: Buffer) => (err ? reject(err) : resolve(out));
    if (encoding === 'gzip') zlib.gzip(bytes, done);
    else if (encoding === 'deflate') zlib.deflate(bytes, done);
    else zlib.brotliCompress(bytes, { params: brotliParams(bytes.byteLength) }, done);
  });
}

/**
 * A streamed body, compressed: each item the producer yields is compressed and flushed at once
 * (a sync flush ends the deflate block, so the client can decode it without waiting for the
 * next one), so a slow producer's chunks still arrive one by one. Stopping the returned
 * generator (the client left) stops the producer and frees the compressor.
 */
export function compressedStream(body: StreamBody, encoding: Encoding): StreamBody {
  return { source: compressChunks(body, encoding), encode: undefined, pingIntervalMs: 0, eager: body.eager };
}

async function* compressChunks(body: StreamBody, encoding: Encoding): AsyncGenerator<Buffer> {
  const z = compressor(encoding);
  const flushKind = encoding === 'br' ? zlib.constants.BROTLI_OPERATION_FLUSH : zlib.constants.Z_SYNC_FLUSH;
  const out: Buffer[] = [];
  // Flowing mode: zlib pushes its output before it calls back the write or flush that made it.
  z.on('data', (chunk: Buffer) => out.push(chunk));
  let failure: Error | undefined;
  z.on('error', (err) => (failure = err));
  const take = (): Buffer => {
    if (failure) throw failure;
    const taken = out.length === 1 ? out[0] : Buffer.concat(out);
    out.length = 0;
    return taken;
  };
  // A Readable is an async iterable too; leaving the loop early destroys it.
  const source = body.source as AsyncIterable<unknown> | Iterable<unknown>;
  try {
    for await (const item of source) {
      const chunk = body.encode ? body.encode(item) : asChunk(item);
      if (chunk.length === 0) continue;
      z.write(chunk);
      await new Promise<void>((resolve, reject) => z.flush(flushKind, () => (failure ? reject(failure) : resolve())));
      const compressed = take();
      if (compressed.length > 0) yield compressed;
    }
    const ended = once(z, 'end');
    z.end();
    await ended;
    const rest = take();
    if (rest.length > 0) yield rest;
  } finally {
    z.destroy();
  }
}
