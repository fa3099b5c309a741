import 'reflect-metadata';
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { request, type IncomingMessage } from 'node:http';
import zlib from 'node:zlib';
import { compression, createApp, Response, TestClient } from 'zigmund';
import { waitFor } from '../support/wait-for.js';

const ITEMS = Array.from({ length: 200 }, (_, i) => ({ id: i, name: `item number ${i}`, tags: ['a', 'b'] }));
const LONG_TEXT = 'All work and no play makes Jack a dull boy. '.repeat(100);

function decode(encoding: string | undefined, body: Buffer): Buffer {
  if (encoding === 'gzip') return zlib.gunzipSync(body);
  if (encoding === 'deflate') return zlib.inflateSync(body);
  if (encoding === 'br') return zlib.brotliDecompressSync(body);
  throw new Error(`unexpected content-encoding ${String(encoding)}`);
}

function appWith(options?: Parameters<typeof compression>[0]) {
  const app = createApp({ logStartup: false });
  app.get('/items', () => ITEMS);
  app.get('/text', () => Response.text(LONG_TEXT));
  app.get('/small', () => ({ ok: true }));
  // Larger than what is compressed on the calling thread: this one goes through the thread pool.
  app.get('/large', () => Response.text(LONG_TEXT.repeat(50)));
  app.get('/png', () => Response.bytes(Buffer.alloc(4096, 7), 'image/png'));
  app.get('/svg', () => Response.bytes(Buffer.from(`<svg>${'<g/>'.repeat(400)}</svg>`), 'image/svg+xml'));
  app.get('/encoded', () => {
    const res = Response.bytes(zlib.gzipSync(LONG_TEXT), 'text/plain');
    return res.setHeader('content-encoding', 'gzip');
  });
  app.get('/no-transform', () => Response.text(LONG_TEXT, 200, { 'cache-control': 'public, no-transform' }));
  app.get('/empty', () => new Response().status(204));
  app.use(compression(options));
  return new TestClient(app);
}

test('gzip, deflate and br bodies decompress to the exact bytes of the uncompressed answer', async () => {
  const client = appWith();
  for (const path of ['/items', '/text', '/svg', '/large']) {
    const plain = await client.get(path);
    assert.equal(plain.headers['content-encoding'], undefined, path);
    assert.equal(plain.headers.vary, 'Accept-Encoding', path);
    for (const encoding of ['gzip', 'deflate', 'br']) {
      const res = await client.get(path, { headers: { 'accept-encoding': encoding } });
      assert.equal(res.status, 200);
      assert.equal(res.headers['content-encoding'], encoding, `${path} ${encoding}`);
      assert.equal(res.headers.vary, 'Accept-Encoding');
      assert.equal(res.headers['content-type'], plain.headers['content-type']);
      assert.equal(Number(res.headers['content-length']), res.body.byteLength);
      assert.ok(res.body.byteLength < plain.body.byteLength, `${path} ${encoding} is smaller`);
      assert.deepEqual(decode(encoding, res.body), plain.body, `${path} ${encoding}`);
    }
  }
});

test('the coding follows the q-values; the server order breaks ties; q=0 refuses a coding', async () => {
  const client = appWith();
  const cases: [string, string | undefined][] = [
    ['gzip;q=0.5, br;q=0.8', 'br'],
    ['br;q=0.1, gzip', 'gzip'],
    ['deflate, gzip;q=0', 'deflate'],
    ['gzip, deflate, br', 'br'],
    ['deflate, gzip', 'gzip'],
    ['*', 'br'],
    ['*, br;q=0', 'gzip'],
    ['GZIP', 'gzip'],
    ['identity', undefined],
    ['compress, x-unknown', undefined],
    ['br;q=0, gzip;q=0, deflate;q=0', undefined],
    ['gzip;q=oops', undefined],
  ];
  for (const [accept, expected] of cases) {
    const res = await client.get('/items', { headers: { 'accept-encoding': accept } });
    assert.equal(res.status, 200, accept);
    assert.equal(res.headers['content-encoding'], expected, accept);
    assert.deepEqual(JSON.parse(expected ? decode(expected, res.body).toString() : res.text), ITEMS, accept);
  }
});

test('encodings limits and orders the codings offered', async () => {
  const client = appWith({ encodings: ['deflate', 'gzip'] });
  assert.equal((await client.get('/items', { headers: { 'accept-encoding': 'br, gzip, deflate' } })).headers['content-encoding'], 'deflate');
  assert.equal((await client.get('/items', { headers: { 'accept-encoding': 'br' } })).headers['content-encoding'], undefined);
});

test('bodies under the threshold, HEAD, 204, images, encoded bodies and no-transform go out as they are', async () => {
  const client = appWith();
  const gzip = { headers: { 'accept-encoding': 'gzip' } };
  const small = await client.get('/small', gzip);
  assert.equal(small.headers['content-encoding'], undefined);
  assert.equal(small.headers.vary, 'Accept-Encoding', 'a larger answer of the same route would be compressed');
  assert.deepEqual(small.json(), { ok: true });

  const head = await client.head('/items', gzip);
  assert.equal(head.status, 200);
  assert.equal(head.headers['content-encoding'], undefined);

  const empty = await client.get('/empty', gzip);
  assert.equal(empty.status, 204);
  assert.equal(empty.headers['content-encoding'], undefined);

  const png = await client.get('/png', gzip);
  assert.equal(png.headers['content-encoding'], undefined);
  assert.equal(png.headers.vary, undefined);
  assert.deepEqual(png.body, Buffer.alloc(4096, 7));

  const encoded = await client.get('/encoded', gzip);
  assert.equal(encoded.headers['content-encoding'], 'gzip');
  assert.equal(zlib.gunzipSync(encoded.body).toString(), LONG_TEXT, 'compressed once, not twice');

  const noTransform = await client.get('/no-transform', gzip);
  assert.equal(noTransform.headers['content-encoding'], undefined);
  assert.equal(noTransform.text, LONG_TEXT);
});

test('threshold sets the smallest body compressed', async () => {
  const client = appWith({ threshold: 0 });
  const res = await client.get('/small', { headers: { 'accept-encoding': 'gzip' } });
  assert.equal(res.headers['content-encoding'], 'gzip');
  assert.deepEqual(JSON.parse(zlib.gunzipSync(res.body).toString()), { ok: true });
  const high = appWith({ threshold: 1_000_000 });
  assert.equal((await high.get('/items', { headers: { 'accept-encoding': 'gzip' } })).headers['content-encoding'], undefined);
});

test('bad options are refused when the middleware is made', () => {
  assert.throws(() => compression({ threshold: -1 }), /threshold must be a whole number of bytes/);
  assert.throws(() => compression({ threshold: 1.5 }), /threshold must be a whole number of bytes/);
  assert.throws(() => compression({ encodings: [] }), /at least one of br, gzip, deflate/);
  assert.throws(() => compression({ encodings: ['zstd' as 'br'] }), /unknown encoding "zstd"/);
});

// ---- Over a real socket: streams and Server-Sent Events ----

/** A producer that yields only when the test opens its gate, and records whether it was stopped. */
function gatedProducer(items: string[]) {
  const gates = items.map(() => {
    let resolve!: () => void;
    const promise = new Promise<void>((r) => (resolve = r));
    return { promise, resolve };
  });
  const state = { yielded: 0, stopped: false, finished: false };
  async function* produce() {
    try {
      for (let i = 0; i < items.length; i++) {
        await gates[i].promise;
        state.yielded++;
        yield items[i];
      }
      state.finished = true;
    } finally {
      if (!state.finished) state.stopped = true;
    }
  }
  return { produce, open: (i: number) => gates[i].resolve(), state };
}

const streamed = gatedProducer(['first chunk|', 'second chunk|', 'third chunk|']);
const lines = [{ n: 1, text: 'one' }, { n: 2, text: 'two' }, { n: 3, text: 'three' }];
const events = gatedProducer(['alpha', 'beta']);
const abandoned = gatedProducer(['kept', 'never', 'never']);

const server = createApp({ logStartup: false });
server.get('/stream', () => Response.stream(streamed.produce(), { contentType: 'text/plain; charset=utf-8' }));
server.get('/lines', () => Response.jsonLines(lines));
server.get('/events', () => Response.sse(events.produce(), { pingIntervalMs: 0 }));
server.get('/abandoned', () => Response.stream(abandoned.produce(), { contentType: 'text/plain' }));
server.use(compression());
const base = await server.serve({ port: 0 });
after(() => server.close());

function get(path: string, acceptEncoding: string): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    request(`${base}${path}`, { headers: { 'accept-encoding': acceptEncoding } }, resolve).on('error', reject).end();
  });
}

/** Reads a readable stream's chunks as they come, so a test can wait for the text so far. */
function collect(stream: NodeJS.ReadableStream) {
  const got = { text: '', ended: false };
  stream.on('data', (chunk: Buffer) => (got.text += chunk.toString()));
  stream.on('end', () => (got.ended = true));
  return got;
}

test('a streamed body is compressed chunk by chunk: the first chunk decodes before the producer yields the second', async () => {
  // The headers leave with the first chunk.
  streamed.open(0);
  const res = await get('/stream', 'gzip');
  assert.equal(res.statusCode, 200);
  assert.equal(res.headers['content-encoding'], 'gzip');
  assert.equal(res.headers['transfer-encoding'], 'chunked');
  const got = collect(res.pipe(zlib.createGunzip()));
  await waitFor(() => got.text === 'first chunk|', 'the first chunk, decompressed');
  assert.equal(streamed.state.yielded, 1, 'the second chunk is not produced yet');
  streamed.open(1);
  await waitFor(() => got.text === 'first chunk|second chunk|', 'the second chunk');
  streamed.open(2);
  await waitFor(() => got.ended, 'the end of the answer');
  assert.equal(got.text, 'first chunk|second chunk|third chunk|');
});

test('JSON Lines come out as the same bytes under each coding', async () => {
  const expected = lines.map((l) => `${JSON.stringify(l)}\n`).join('');
  for (const encoding of ['gzip', 'deflate', 'br']) {
    const res = await get('/lines', encoding);
    assert.equal(res.headers['content-encoding'], encoding);
    assert.equal(res.headers['content-type'], 'application/jsonl');
    const chunks: Buffer[] = [];
    for await (const chunk of res) chunks.push(chunk as Buffer);
    assert.equal(decode(encoding, Buffer.concat(chunks)).toString(), expected, encoding);
  }
});

test('Server-Sent Events are never compressed: the first event is read before the producer yields the second', async () => {
  const res = await get('/events', 'gzip, deflate, br');
  assert.equal(res.statusCode, 200);
  assert.equal(res.headers['content-type'], 'text/event-stream; charset=utf-8');
  assert.equal(res.headers['content-encoding'], undefined);
  const got = collect(res);
  events.open(0);
  await waitFor(() => got.text === 'data: alpha\n\n', 'the first event, as sent');
  assert.equal(events.state.yielded, 1);
  events.open(1);
  await waitFor(() => got.ended, 'the end of the answer');
  assert.equal(got.text, 'data: alpha\n\ndata: beta\n\n');
});

test('a client leaving a compressed stream stops the producer', async () => {
  abandoned.open(0);
  const res = await get('/abandoned', 'br');
  assert.equal(res.headers['content-encoding'], 'br');
  const got = collect(res.pipe(zlib.createBrotliDecompress()));
  await waitFor(() => got.text === 'kept', 'the first chunk');
  res.destroy();
  // The producer is waiting at its gate; once it may go on, it finds it was stopped.
  abandoned.open(1);
  await waitFor(() => abandoned.state.stopped, 'the producer was stopped');
  assert.equal(abandoned.state.finished, false);
});
