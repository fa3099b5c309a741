import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { connect } from 'node:net';
import { PassThrough } from 'node:stream';
import { buffer as readAll } from 'node:stream/consumers';
import { decodeJsonBody, isJsonType, parseJson, readBody, UnparsedBody } from '../../src/http/body.js';
import { parseForm, type FormLimits } from '../../src/http/multipart.js';
import { HttpException } from '../../src/http/exceptions.js';
import { RequestValidationError } from '../../src/validation/errors.js';

interface TestServer {
  url: string;
  port: number;
  /** Resolves once the route has been called for the next request. */
  nextRequest(): Promise<void>;
  /** Resolves with the next error a route rejects with. */
  nextFailure(): Promise<Error & { code?: string }>;
  close(): Promise<void>;
}

// Answers like the framework: the route's value as JSON, HttpException as `{detail}` with its
// status (closing the connection when the body was not read in full), 422 for validation errors.
async function serve(route: (req: IncomingMessage) => Promise<unknown>): Promise<TestServer> {
  const waiting: ((err: Error) => void)[] = [];
  const server: Server = createServer((req, res) => {
    const send = (status: number, value: unknown, headers: Record<string, string> = {}) => {
      const body = JSON.stringify(value);
      res.writeHead(status, { ...headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
      res.end(body);
    };
    route(req).then(
      (value) => send(200, value),
      (err: Error) => {
        waiting.shift()?.(err);
        const status = err instanceof HttpException ? err.status : err instanceof RequestValidationError ? 422 : 0;
        if (status === 0) return res.destroy();
        send(status, { detail: (err as HttpException).detail }, req.complete ? {} : { connection: 'close' });
      },
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    // The route is called by the first 'request' listener, so this one runs after it.
    nextRequest: () => new Promise((resolve) => server.once('request', () => resolve())),
    nextFailure: () => new Promise((resolve) => waiting.push(resolve)),
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

interface RawResponse {
  status: number;
  head: string;
  body: unknown;
}

// Sends bytes on a fresh connection and collects the answer until the server closes it.
function rawExchange(port: number, ...writes: string[]): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => writes.forEach((data) => socket.write(data)));
    const received: Buffer[] = [];
    socket.on('data', (chunk) => received.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      const text = Buffer.concat(received).toString('utf8');
      const split = text.indexOf('\r\n\r\n');
      try {
        resolve({ status: Number(text.slice(9, 12)), head: text.slice(0, split), body: JSON.parse(text.slice(split + 4)) });
      } catch (err) {
        reject(err);
      }
    });
  });
}

async function post(url: string, body: string | Uint8Array | globalThis.FormData, contentType?: string) {
  const headers: Record<string, string> = contentType === undefined ? {} : { 'content-type': contentType };
  const res = await fetch(url, { method: 'POST', headers, body });
  return { status: res.status, body: (await res.json()) as any };
}

describe('readBody', () => {
  const limit = 16;
  let server: TestServer;
  before(async () => {
    server = await serve(async (req) => {
      const body = await readBody(req, limit);
      return { size: body.length, text: body.toString('utf8') };
    });
  });
  after(() => server.close());

  test('reads a body within the limit', async () => {
    const res = await post(server.url, 'hello, body', 'text/plain');
    assert.equal(res.status, 200);
    assert.deepEqual(res.body, { size: 11, text: 'hello, body' });
  });

  test('resolves an empty buffer for a request without a body', async () => {
    const res = await fetch(server.url);
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), { size: 0, text: '' });
  });

  test('answers 413 from content-length alone, before any byte of the body is sent', async () => {
    const res = await rawExchange(server.port, 'POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n');
    assert.equal(res.status, 413);
    assert.deepEqual(res.body, { detail: 'Request body is too large (limit 16 bytes)' });
    assert.match(res.head, /\r\nconnection: close/i);
  });

  test('answers 413 when a chunked body passes the limit mid-stream, and serves the next request', async () => {
    const res = await rawExchange(
      server.port,
      'POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n',
      'a\r\n0123456789\r\n',
      'a\r\n0123456789\r\n',
    );
    assert.equal(res.status, 413);
    assert.deepEqual(res.body, { detail: 'Request body is too large (limit 16 bytes)' });
    assert.match(res.head, /\r\nconnection: close/i);
    const next = await post(server.url, 'still here', 'text/plain');
    assert.deepEqual(next, { status: 200, body: { size: 10, text: 'still here' } });
  });

  test('rejects with BODY_ABORTED when the client drops mid-body, and serves the next request', async () => {
    const failure = server.nextFailure();
    const reading = server.nextRequest();
    const socket = connect(server.port, '127.0.0.1', () => {
      socket.write('POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\nabc');
    });
    await reading;
    socket.destroy();
    assert.equal((await failure).code, 'BODY_ABORTED');
    const next = await post(server.url, 'next', 'text/plain');
    assert.deepEqual(next, { status: 200, body: { size: 4, text: 'next' } });
  });

  test('returns the only chunk as it came, without copying', async () => {
    const stream = new PassThrough();
    const req = Object.assign(stream, { headers: { 'content-length': '5' } }) as unknown as IncomingMessage;
    const chunk = Buffer.from('hello');
    const reading = readBody(req, limit);
    stream.end(chunk);
    assert.equal(await reading, chunk);
  });

  test('joins a body of a declared length that comes in several chunks, in order', async () => {
    const stream = new PassThrough();
    const req = Object.assign(stream, { headers: { 'content-length': '12' } }) as unknown as IncomingMessage;
    const reading = readBody(req, limit);
    for (const part of ['hell', 'o, b', 'ody!']) stream.write(Buffer.from(part));
    stream.end();
    const body = await reading;
    assert.equal(body.toString('utf8'), 'hello, body!');
    assert.equal(body.length, 12);
  });

  test('joins a chunked body of unknown length, in order', async () => {
    const res = await rawExchange(
      server.port,
      'POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n',
      '5\r\nhello\r\n',
      '6\r\n, body\r\n',
      '0\r\n\r\n',
    );
    assert.equal(res.status, 200);
    assert.deepEqual(res.body, { size: 11, text: 'hello, body' });
  });

  test('rejects with BODY_CONSUMED when the body was already read', async () => {
    const stream = new PassThrough();
    const req = Object.assign(stream, { headers: { 'content-length': '2' } }) as unknown as IncomingMessage;
    stream.end('hi');
    await readAll(stream);
    await assert.rejects(readBody(req, limit), { code: 'BODY_CONSUMED' });
  });

  test('a second read while the first is under way rejects with BODY_CONSUMED; the first gets the whole body', async () => {
    const stream = new PassThrough();
    const req = Object.assign(stream, { headers: { 'content-length': '11' } }) as unknown as IncomingMessage;
    const first = readBody(req, limit);
    await assert.rejects(readBody(req, limit), { code: 'BODY_CONSUMED' });
    stream.write('hello, ');
    stream.end('body');
    assert.equal((await first).toString(), 'hello, body');
    await assert.rejects(readBody(req, limit), { code: 'BODY_CONSUMED' });
  });

  test('a read leaves nothing on the request once it is done: later chunks and closes are ignored', async () => {
    const stream = new PassThrough();
    const req = Object.assign(stream, { headers: { 'transfer-encoding': 'chunked' } }) as unknown as IncomingMessage;
    const read = readBody(req, 3);
    stream.write('toolong');
    await assert.rejects(read, { status: 413 });
    // The refused read keeps the request flowing and discards the rest; its close changes nothing.
    stream.end('more');
    stream.destroy();
    const held = Object.getOwnPropertySymbols(req).map((key) => (req as unknown as Record<symbol, unknown>)[key]);
    assert.ok(held.every((value) => value === null || typeof value !== 'object' || !('receiver' in value)), 'no read state stays on the request');
  });
});

describe('parseJson and the JSON content type', () => {
  let server: TestServer;
  before(async () => {
    server = await serve(async (req) => {
      return parseJson(await readBody(req, 1024));
    });
  });
  after(() => server.close());

  test('parses application/json, with parameters and in any case', async () => {
    assert.deepEqual(await post(server.url, '{"a":[1,2]}', 'Application/JSON; charset=utf-8'), { status: 200, body: { a: [1, 2] } });
  });

  test('parses +json types', async () => {
    assert.deepEqual(await post(server.url, '{"title":"x"}', 'application/problem+json'), { status: 200, body: { title: 'x' } });
    assert.deepEqual(await post(server.url, '[true]', 'application/vnd.api+json'), { status: 200, body: [true] });
  });

  test('answers json_invalid located at the offending character', async () => {
    const res = await post(server.url, '{"a":1,}', 'application/json');
    assert.equal(res.status, 422);
    assert.deepEqual(res.body.detail, [
      {
        type: 'json_invalid',
        loc: ['body', 7],
        msg: 'JSON decode error',
        input: {},
        ctx: { error: 'Expected double-quoted property name in JSON at position 7' },
      },
    ]);
  });

  test('locates json_invalid when V8 names no position', async () => {
    const cases: [string, number][] = [
      ['{"a": }', 6],
      ['{"name": "x", "price": oops}', 23],
      ['[1, nul]', 7],
      ['{', 1],
      ['[1,2', 4],
      ['{"a":1}x', 7],
      ['  ', 2],
      ['undefined', 0],
    ];
    for (const [text, position] of cases) {
      const res = await post(server.url, text, 'application/json');
      assert.equal(res.status, 422, text);
      assert.deepEqual(res.body.detail[0].loc, ['body', position], text);
      assert.equal(res.body.detail[0].type, 'json_invalid', text);
    }
  });

  test('answers missing for an empty body, with or without a content type', async () => {
    const missing = { detail: [{ type: 'missing', loc: ['body'], msg: 'Field required', input: null }] };
    assert.deepEqual(await post(server.url, '', 'application/json'), { status: 422, body: missing });
    assert.deepEqual(await post(server.url, new Uint8Array(0)), { status: 422, body: missing });
  });

  test('a JSON route keeps a body of another content type as its text, or parses it without one when not strict', () => {
    const body = Buffer.from('{"a":1}');
    const typed = (contentType?: string) => ({ headers: contentType ? { 'content-type': contentType } : {} }) as IncomingMessage;
    assert.deepEqual(decodeJsonBody(typed('application/json; charset=utf-8'), body, true), { a: 1 });
    assert.deepEqual(decodeJsonBody(typed('text/plain'), body, true), new UnparsedBody('{"a":1}'));
    assert.deepEqual(decodeJsonBody(typed(), body, true), new UnparsedBody('{"a":1}'));
    assert.deepEqual(decodeJsonBody(typed(), body, false), { a: 1 });
    assert.deepEqual(decodeJsonBody(typed('text/plain'), body, false), new UnparsedBody('{"a":1}'));
    assert.equal(decodeJsonBody(typed('application/json'), Buffer.alloc(0), true), undefined);
  });

  test('tells JSON media types from look-alikes', () => {
    assert.equal(isJsonType('application/json'), true);
    assert.equal(isJsonType('application/ld+json'), true);
    assert.equal(isJsonType('application/jsonp'), false);
    assert.equal(isJsonType('text/plain'), false);
    assert.equal(isJsonType(''), false);
  });
});

describe('parseForm', () => {
  const limits: FormLimits = { bodyBytes: 8192, fileBytes: 1024, files: 2, fields: 3, fieldBytes: 32 };
  let server: TestServer;
  before(async () => {
    server = await serve(async (req) => {
      const form = await parseForm(req, limits);
      const files = [];
      for (const list of form.files.values()) {
        for (const file of list) {
          const { fieldName, filename, mimeType, size } = file;
          const streamed = (await readAll(file.stream())).toString('hex');
          files.push({ fieldName, filename, mimeType, size, hex: file.buffer.toString('hex'), streamed, text: file.text() });
        }
      }
      return { fields: Object.fromEntries(form.fields), files };
    });
  });
  after(() => server.close());

  const multipart = (boundary: string, ...parts: string[]) =>
    parts.map((part) => `--${boundary}\r\n${part}\r\n`).join('') + `--${boundary}--\r\n`;
  const field = (name: string, value: string) => `Content-Disposition: form-data; name="${name}"\r\n\r\n${value}`;
  const file = (name: string, filename: string, content: string) =>
    `Content-Disposition: form-data; name="${name}"; filename="${filename}"\r\nContent-Type: text/plain\r\n\r\n${content}`;

  test('keeps every value of a repeated urlencoded key, in order', async () => {
    const res = await post(server.url, 'tag=a&name=J%C3%BCrg+B&tag=b', 'application/x-www-form-urlencoded');
    assert.deepEqual(res, { status: 200, body: { fields: { tag: ['a', 'b'], name: ['Jürg B'] }, files: [] } });
  });

  test('parses multipart fields and files with their names, types, sizes and bytes', async () => {
    const form = new FormData();
    form.append('title', 'holiday');
    form.append('photos', new Blob(['hello'], { type: 'text/plain' }), 'hello.txt');
    form.append('photos', new Blob([new Uint8Array([0, 1, 2, 255])], { type: 'image/png' }), 'dot.png');
    const res = await post(server.url, form);
    assert.equal(res.status, 200);
    assert.deepEqual(res.body.fields, { title: ['holiday'] });
    assert.deepEqual(
      res.body.files.map(({ text: _text, ...rest }: { text: string }) => rest),
      [
        { fieldName: 'photos', filename: 'hello.txt', mimeType: 'text/plain', size: 5, hex: '68656c6c6f', streamed: '68656c6c6f' },
        { fieldName: 'photos', filename: 'dot.png', mimeType: 'image/png', size: 4, hex: '000102ff', streamed: '000102ff' },
      ],
    );
    assert.equal(res.body.files[0].text, 'hello');
  });

  test('keeps UTF-8 filenames and strips client directories', async () => {
    const body = multipart('B', file('doc', '../../etc/Über.txt', 'x'));
    const res = await post(server.url, body, 'multipart/form-data; boundary=B');
    assert.equal(res.status, 200);
    assert.equal(res.body.files[0].filename, 'Über.txt');
  });

  test('gives an empty form for a request without a body', async () => {
    const res = await fetch(server.url, { method: 'POST' });
    assert.deepEqual(await res.json(), { fields: {}, files: [] });
  });

  test('answers 413 for a file over fileBytes, and serves the next request', async () => {
    const body = multipart('B', file('doc', 'big.txt', 'x'.repeat(1025)));
    const res = await post(server.url, body, 'multipart/form-data; boundary=B');
    assert.deepEqual(res, { status: 413, body: { detail: 'fileBytes limit exceeded (1024 bytes per file)' } });
    const next = await post(server.url, 'a=1', 'application/x-www-form-urlencoded');
    assert.deepEqual(next, { status: 200, body: { fields: { a: ['1'] }, files: [] } });
  });

  test('answers 413 for too many files', async () => {
    const body = multipart('B', file('f', 'a.txt', 'a'), file('f', 'b.txt', 'b'), file('f', 'c.txt', 'c'));
    const res = await post(server.url, body, 'multipart/form-data; boundary=B');
    assert.deepEqual(res, { status: 413, body: { detail: 'files limit exceeded (2 files)' } });
  });

  test('answers 413 for too many fields', async () => {
    const res = await post(server.url, 'a=1&b=2&c=3&d=4', 'application/x-www-form-urlencoded');
    assert.deepEqual(res, { status: 413, body: { detail: 'fields limit exceeded (3 fields)' } });
  });

  test('answers 413 for a field over fieldBytes', async () => {
    const body = multipart('B', field('note', 'n'.repeat(33)));
    const res = await post(server.url, body, 'multipart/form-data; boundary=B');
    assert.deepEqual(res, { status: 413, body: { detail: 'fieldBytes limit exceeded (32 bytes per field)' } });
  });

  test('answers 413 when a chunked form passes bodyBytes mid-stream', async () => {
    const chunk = 'a='.padEnd(5000, 'x');
    const res = await rawExchange(
      server.port,
      'POST / HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\n\r\n',
      `${chunk.length.toString(16)}\r\n${chunk}\r\n`,
      `${chunk.length.toString(16)}\r\n${chunk}\r\n`,
    );
    assert.equal(res.status, 413);
    assert.deepEqual(res.body, { detail: 'Request body is too large (limit 8192 bytes)' });
  });

  test('answers 400 for multipart without a boundary', async () => {
    const res = await post(server.url, multipart('B', field('a', '1')), 'multipart/form-data');
    assert.deepEqual(res, { status: 400, body: { detail: 'Malformed multipart body: Multipart: Boundary not found' } });
  });

  test('answers 400 for a truncated multipart body', async () => {
    const body = `--B\r\n${field('a', '1')}\r\n--B\r\n${file('doc', 'a.txt', 'half a fi')}`;
    const res = await post(server.url, body, 'multipart/form-data; boundary=B');
    assert.deepEqual(res, { status: 400, body: { detail: 'Malformed multipart body: Unexpected end of form' } });
  });

  test('answers 415 for a body that is not a form', async () => {
    const res = await post(server.url, '{"a":1}', 'application/json');
    assert.deepEqual(res, {
      status: 415,
      body: { detail: 'Unsupported Media Type: expected application/x-www-form-urlencoded or multipart/form-data' },
    });
  });
});
