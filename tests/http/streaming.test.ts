import 'reflect-metadata';
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import { Readable } from 'node:stream';
import { Allow, IsString } from 'class-validator';
import { createApp, Response, type Arena } from 'zigmund';
import { parseEventStream } from 'zigmund/testing';

/** A promise with its resolver outside, for a producer the test steps by hand. */
function gate(): { opened: Promise<void>; open: () => void } {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

async function until(check: () => boolean, what: string, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

const steps = { yieldedSecond: false, second: gate() };
const breaking = gate();
const stopped = { finallyRan: false, signalAborted: false, yielded: 0 };
const backpressure = { produced: 0 };
const CHUNK = 64 * 1024;
const CHUNKS = 512;

const app = createApp({ logStartup: false, handleSignals: false });

app.get('/chunks', () =>
  Response.stream(
    (async function* () {
      yield 'first;';
      await steps.second.opened;
      steps.yieldedSecond = true;
      yield 'second;';
    })(),
    { contentType: 'text/plain' },
  ),
);

app.get('/endless', (_req, _res, arena: Arena) => {
  arena.signal.addEventListener('abort', () => (stopped.signalAborted = true));
  return Response.stream(
    (async function* () {
      try {
        for (;;) {
          stopped.yielded++;
          yield `tick ${stopped.yielded}\n`;
          await new Promise((resolve) => setTimeout(resolve, 5));
        }
      } finally {
        stopped.finallyRan = true;
      }
    })(),
  );
});

app.get('/big', () =>
  Response.stream(
    (async function* () {
      for (let i = 0; i < CHUNKS; i++) {
        backpressure.produced++;
        yield Buffer.alloc(CHUNK, i % 256);
      }
    })(),
  ),
);

app.get('/lines', () =>
  Response.jsonLines(
    (async function* () {
      yield { n: 1 };
      yield { n: 2, bytes: Buffer.from('hi') };
      yield 'three';
    })(),
  ),
);

app.get('/readable', () => Response.stream(Readable.from(['a', 'b', 'c']), { contentType: 'text/plain' }));
app.get('/sync-iterable', () => Response.stream(['x', 'y'], { contentType: 'text/plain' }));

const failing: AsyncIterable<string> = {
  [Symbol.asyncIterator]: () => ({ next: () => Promise.reject(new Error('no data today')) }),
};
app.get('/fails-first', () => Response.stream(failing));

app.get('/fails-later', () =>
  Response.stream(
    (async function* () {
      yield 'partial;';
      await breaking.opened;
      throw new Error('broke halfway');
    })(),
  ),
);

app.get('/wrong-items', () => Response.stream([{ not: 'bytes' }]));

const bare = {
  generator: 0,
};
app.get('/bare/async-generator', () => {
  bare.generator++;
  return (async function* () {
    yield 1;
  })();
});
app.get('/bare/readable', () => Readable.from(['x']));
app.get('/bare/generator', () =>
  (function* () {
    yield 1;
  })(),
);
app.get('/bare/web-stream', () => new ReadableStream());

app.get('/bytes-in-json', () => ({ data: Buffer.from('hello'), view: new Uint8Array([1, 2, 3]), empty: new Uint8Array(0), text: '{"0":' }));
app.get('/bytes-in-response-json', () => Response.json({ nested: [{ data: Buffer.from([0xff, 0x00]) }] }));
class Attachment {
  @IsString()
  name!: string;

  @Allow()
  data!: Buffer;
}
app.get('/bytes-through-model', () => ({ name: 'a.bin', data: Buffer.from([1, 2, 3]), secret: 'left out' }), { responseModel: Attachment });
app.get('/plain-json', () => ({ list: [], map: {}, zero: { '0': 'kept' } }));

const url = await app.serve({ port: 0 });
after(() => app.close());

test('streams chunk by chunk: the first chunk is read before the producer yields the second', async () => {
  const res = await fetch(`${url}/chunks`);
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('content-type'), 'text/plain');
  assert.equal(res.headers.get('transfer-encoding'), 'chunked');
  assert.equal(res.headers.get('content-length'), null);
  const reader = res.body!.getReader();
  const first = await reader.read();
  assert.equal(Buffer.from(first.value!).toString(), 'first;');
  assert.equal(steps.yieldedSecond, false, 'the producer is still held at its gate');
  steps.second.open();
  let rest = '';
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) rest += Buffer.from(chunk.value).toString();
  assert.equal(rest, 'second;');
  assert.equal(steps.yieldedSecond, true);
});

test('a slow client pauses the producer, which resumes as the client reads', async () => {
  const socket = net.connect(app.port!, '127.0.0.1');
  socket.pause();
  socket.write('GET /big HTTP/1.1\r\nHost: x\r\n\r\n');
  // Let the producer fill the socket buffers, then wait until it has stopped for 200 ms.
  await until(() => backpressure.produced > 0, 'the first chunk');
  let last = -1;
  for (let stableSince = Date.now(); Date.now() - stableSince < 200; ) {
    if (backpressure.produced !== last) {
      last = backpressure.produced;
      stableSince = Date.now();
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  // The kernel's loopback buffers hold a few MiB; an unpaused producer would have made all 32 MiB.
  assert.ok(backpressure.produced < CHUNKS / 2, `the producer ran ahead to ${backpressure.produced} of ${CHUNKS} chunks`);
  let received = 0;
  const ended = new Promise<void>((resolve) => {
    socket.on('data', (chunk: Buffer) => {
      received += chunk.length;
      if (chunk.subarray(-5).toString() === '0\r\n\r\n') resolve();
    });
  });
  socket.resume();
  await ended;
  socket.destroy();
  assert.equal(backpressure.produced, CHUNKS);
  assert.ok(received > CHUNK * CHUNKS, `received ${received} bytes`);
});

test('the producer is stopped and the Arena signal aborts when the client goes away', async () => {
  const abort = new AbortController();
  const res = await fetch(`${url}/endless`, { signal: abort.signal });
  const reader = res.body!.getReader();
  const first = await reader.read();
  assert.match(Buffer.from(first.value!).toString(), /^tick 1\n/);
  abort.abort();
  await until(() => stopped.finallyRan && stopped.signalAborted, "the producer's finally block and the signal");
  const yielded = stopped.yielded;
  await new Promise((resolve) => setTimeout(resolve, 50));
  assert.equal(stopped.yielded, yielded, 'nothing is produced after the stop (checked 50 ms later)');
});

test('jsonLines writes one JSON value per line as application/jsonl, bytes as base64', async () => {
  const res = await fetch(`${url}/lines`);
  assert.equal(res.headers.get('content-type'), 'application/jsonl');
  assert.equal(await res.text(), '{"n":1}\n{"n":2,"bytes":"aGk="}\n"three"\n');
});

test('a Readable and a plain iterable are streamed too', async () => {
  assert.equal(await (await fetch(`${url}/readable`)).text(), 'abc');
  assert.equal(await (await fetch(`${url}/sync-iterable`)).text(), 'xy');
});

test('a producer failing before its first chunk is an ordinary 500', async () => {
  const res = await fetch(`${url}/fails-first`);
  assert.equal(res.status, 500);
  assert.deepEqual(await res.json(), { detail: 'Internal Server Error' });
});

test('a producer failing after the answer began cuts the connection, so the client sees a broken body', async () => {
  const res = await fetch(`${url}/fails-later`);
  assert.equal(res.status, 200);
  const reader = res.body!.getReader();
  assert.equal(Buffer.from((await reader.read()).value!).toString(), 'partial;');
  breaking.open();
  await assert.rejects(async () => {
    while (!(await reader.read()).done);
  });
});

test('Response.stream() refuses items that are not strings or bytes', async () => {
  const res = await fetch(`${url}/wrong-items`);
  assert.equal(res.status, 500);
});

test('HEAD on a stream route sends the headers and never runs the producer', async () => {
  const res = await fetch(`${url}/endless`, { method: 'HEAD' });
  assert.equal(res.status, 200);
  assert.equal(await res.text(), '');
});

for (const kind of ['async-generator', 'readable', 'generator', 'web-stream']) {
  test(`a bare ${kind} returned without a Response is a 500 naming the route`, async () => {
    const res = await fetch(`${url}/bare/${kind}`);
    assert.equal(res.status, 500);
    const body = (await res.json()) as { detail: string };
    assert.match(body.detail, new RegExp(`^GET /bare/${kind} returned a stream or iterator without a Response`));
    assert.match(body.detail, /Response\.stream\(\)/);
  });
}

test('Buffers and Uint8Arrays inside JSON answers are base64', async () => {
  const res = await fetch(`${url}/bytes-in-json`);
  assert.deepEqual(await res.json(), { data: 'aGVsbG8=', view: 'AQID', empty: '', text: '{"0":' });
  const explicit = await fetch(`${url}/bytes-in-response-json`);
  assert.deepEqual(await explicit.json(), { nested: [{ data: '/wA=' }] });
});

test('bytes in an answer shaped by a responseModel are base64 too, and only its fields are written', async () => {
  const res = await fetch(`${url}/bytes-through-model`);
  assert.deepEqual(await res.json(), { name: 'a.bin', data: 'AQID' });
});

test('JSON without bytes is written as JSON.stringify writes it', async () => {
  const res = await fetch(`${url}/plain-json`);
  assert.equal(await res.text(), '{"list":[],"map":{},"zero":{"0":"kept"}}');
});

test('parseEventStream reads fields split across chunks and CRLF line ends', async () => {
  const chunks = ['id: 1\r', '\nevent: tick\r\ndata: a\r\ndata: b\r\n\r\n', ': comment\n\ndata: c\n', '\n'];
  const events = [];
  for await (const event of parseEventStream(Readable.from(chunks))) events.push(event);
  assert.deepEqual(events, [
    { event: 'tick', data: 'a\nb', id: '1' },
    { event: 'message', data: 'c', id: '1' },
  ]);
});
