import 'reflect-metadata';
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { once } from 'node:events';
import net from 'node:net';
import { createApp, type App } from 'zigmund';

/** Writes `payload` on a fresh connection and collects the answer until `until` matches or the server closes. */
function exchange(port: number, payload: string, until?: (text: string) => boolean): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    let text = '';
    socket.on('data', (chunk) => {
      text += chunk.toString('latin1');
      if (until?.(text)) {
        socket.destroy();
        resolve(text);
      }
    });
    socket.on('close', () => resolve(text));
    socket.on('error', reject);
    socket.write(payload);
  });
}

const statusOf = (text: string) => Number(text.slice(9, 12));

describe('HTTP/1.1 protocol edges', () => {
  let app: App;
  let url: string;
  before(async () => {
    app = createApp({ logStartup: false, handleSignals: false });
    app.get('/hello', () => ({ message: 'Hello World' }));
    app.post('/echo', async (req) => ({ text: await req.text() }));
    url = await app.serve({ port: 0 });
  });
  after(() => app.close());

  const h2cHeaders = 'Connection: Upgrade, HTTP2-Settings\r\nUpgrade: h2c\r\nHTTP2-Settings: AAMAAABkAARAAAAAAAIAAAAA\r\n';

  test('serves a request asking to upgrade to h2c as plain HTTP/1.1, as curl --http2 expects', async () => {
    const text = await exchange(app.port!, `GET /hello HTTP/1.1\r\nHost: x\r\n${h2cHeaders}\r\n`, (t) => t.includes('}'));
    assert.equal(statusOf(text), 200);
    assert.doesNotMatch(text, /101 Switching/);
    assert.match(text, /\{"message":"Hello World"\}$/);
  });

  test('an h2c upgrade request keeps its body and its connection', async () => {
    const first = `POST /echo HTTP/1.1\r\nHost: x\r\n${h2cHeaders}Content-Type: text/plain\r\nContent-Length: 5\r\n\r\nhello`;
    const second = 'GET /hello HTTP/1.1\r\nHost: x\r\n\r\n';
    const text = await exchange(app.port!, first + second, (t) => t.includes('Hello World'));
    assert.match(text, /^HTTP\/1.1 200 OK/);
    assert.match(text, /\{"text":"hello"\}/);
    assert.match(text, /\{"message":"Hello World"\}$/);
  });

  test('an upgrade to an unknown protocol is served as HTTP/1.1 too', async () => {
    const text = await exchange(app.port!, 'GET /hello HTTP/1.1\r\nHost: x\r\nConnection: Upgrade\r\nUpgrade: foo/2\r\n\r\n', (t) => t.includes('}'));
    assert.equal(statusOf(text), 200);
  });

  test('answers 431 to headers over the limit', async () => {
    const text = await exchange(app.port!, `GET /hello HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`);
    assert.equal(statusOf(text), 431);
    assert.match(text, /Connection: close/i);
  });

  test('answers 414 to a request target over the limit', async () => {
    const text = await exchange(app.port!, `GET /hello?q=${'a'.repeat(20_000)} HTTP/1.1\r\nHost: x\r\n\r\n`);
    assert.equal(statusOf(text), 414);
  });

  test('answers 400 to a malformed request line', async () => {
    const text = await exchange(app.port!, 'NOT A REQUEST\r\n\r\n');
    assert.equal(statusOf(text), 400);
  });

  test('keeps serving after the parse errors', async () => {
    assert.equal((await fetch(`${url}/hello`)).status, 200);
  });
});

describe('413 before the body is sent in full', () => {
  let app: App;
  let url: string;
  before(async () => {
    app = createApp({ logStartup: false, handleSignals: false, bodyLimit: 1024 * 1024 });
    app.post('/items', (_req, _res, arena) => ({ ok: arena !== undefined }));
    app.post('/json', async (req) => ({ keys: Object.keys((await req.json()) as object).length }));
    url = await app.serve({ port: 0 });
  });
  after(() => app.close());

  test('after an early 413 the server reads the rest of the body before it closes, so the sender never meets a reset', async () => {
    const size = 2 * 1024 * 1024;
    const socket = net.connect(app.port!, '127.0.0.1');
    await once(socket, 'connect');
    let text = '';
    const errors: string[] = [];
    socket.on('data', (chunk: Buffer) => (text += chunk.toString('latin1')));
    socket.on('error', (err: NodeJS.ErrnoException) => errors.push(err.code ?? err.message));
    const closed = once(socket, 'close');
    socket.write(`POST /json HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${size}\r\n\r\n`);
    await once(socket, 'data');
    assert.match(text, /^HTTP\/1.1 413/);
    // The answer is in; the server closes once the body is in too, not while it is sent.
    const chunk = Buffer.alloc(64 * 1024, 'x');
    for (let sent = 0; sent < size && errors.length === 0; sent += chunk.length) {
      await new Promise<void>((resolve) => socket.write(chunk, () => resolve()));
    }
    socket.end();
    await closed;
    assert.deepEqual(errors, []);
  });

  test('a real client reads the 413 of a 2 MiB JSON post 50 times in a row, never a connection reset', async () => {
    const body = JSON.stringify({ data: 'x'.repeat(2 * 1024 * 1024) });
    const outcomes: string[] = [];
    for (let i = 0; i < 50; i++) {
      try {
        const res = await fetch(`${url}/json`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
        outcomes.push(`${res.status} ${((await res.json()) as { detail: string }).detail}`);
      } catch (err) {
        outcomes.push(`failed: ${String((err as Error).cause ?? err)}`);
      }
    }
    assert.deepEqual(new Set(outcomes), new Set(['413 Request body is too large (limit 1048576 bytes)']));
  });

  test('a chunked body cut off with 413 mid-stream is read by the client too', async () => {
    const chunk = Buffer.alloc(64 * 1024, 'x');
    const outcomes: string[] = [];
    for (let i = 0; i < 10; i++) {
      const stream = new ReadableStream<Uint8Array>({
        start(controller) {
          for (let n = 0; n < 32; n++) controller.enqueue(chunk);
          controller.close();
        },
      });
      try {
        const res = await fetch(`${url}/json`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: stream, duplex: 'half' } as RequestInit);
        outcomes.push(String(res.status));
        await res.arrayBuffer();
      } catch (err) {
        outcomes.push(`failed: ${String((err as Error).cause ?? err)}`);
      }
    }
    assert.deepEqual(new Set(outcomes), new Set(['413']));
  });
});
