import 'reflect-metadata';
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import { createApp, type App } from 'zigmund';

function makeApp(): App {
  const app = createApp({ bodyLimit: 1024, logStartup: false });
  app.get('/hello', () => ({ message: 'Hello World' }));
  app.get('/n/:n', (req) => ({ n: Number(req.params.n) }));
  app.post('/echo', async (req) => ({ size: (await req.body()).length }));
  app.get('/boom', () => {
    throw new Error('boom');
  });
  return app;
}

const app = makeApp();
const url = await app.serve({ port: 0 });
const port = app.port!;
after(() => app.close());

/** Sends raw bytes on one connection and collects everything until the server closes or `until` matches. */
function raw(payload: string | Buffer, until?: (text: string) => boolean, end = false): Promise<string> {
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
    if (end) socket.end();
  });
}

const count = (text: string, what: string) => text.split(what).length - 1;

test('serve() resolves with the URL it listens on', () => {
  assert.equal(url, `http://127.0.0.1:${port}`);
});

test('answers over a real socket with fetch', async () => {
  const res = await fetch(`${url}/hello`);
  assert.equal(res.status, 200);
  assert.deepEqual(await res.json(), { message: 'Hello World' });
});

test('keep-alive: several requests on one connection', async () => {
  const request = (n: number) => `GET /n/${n} HTTP/1.1\r\nHost: x\r\n\r\n`;
  const text = await raw(request(1), (t) => t.includes('{"n":1}'));
  assert.match(text, /HTTP\/1.1 200 OK/);
  assert.match(text, /Connection: keep-alive/i);
});

test('pipelined requests are all answered, in order', async () => {
  const requests = [1, 2, 3, 4, 5].map((n) => `GET /n/${n} HTTP/1.1\r\nHost: x\r\n\r\n`).join('');
  const text = await raw(requests, (t) => t.includes('{"n":5}'));
  assert.equal(count(text, 'HTTP/1.1 200 OK'), 5);
  const order = [...text.matchAll(/\{"n":(\d)\}/g)].map((m) => Number(m[1]));
  assert.deepEqual(order, [1, 2, 3, 4, 5]);
});

test('a pipelined request after a throwing one is still served', async () => {
  const text = await raw('GET /boom HTTP/1.1\r\nHost: x\r\n\r\nGET /hello HTTP/1.1\r\nHost: x\r\n\r\n', (t) => t.includes('Hello World'));
  assert.match(text, /HTTP\/1.1 500/);
  assert.match(text, /HTTP\/1.1 200 OK/);
});

test('a declared body over the limit is refused with 413 before it is read', async () => {
  const text = await raw(`POST /echo HTTP/1.1\r\nHost: x\r\nContent-Type: application/octet-stream\r\nContent-Length: 5000\r\n\r\n`, (t) => t.includes('}'));
  assert.match(text, /HTTP\/1.1 413/);
  assert.match(text, /Connection: close/i);
  assert.match(text, /too large/);
});

test('a chunked body is cut off with 413 while streaming, and the server keeps serving', async () => {
  const chunk = 'x'.repeat(600);
  const body = `${(600).toString(16)}\r\n${chunk}\r\n`.repeat(3) + '0\r\n\r\n';
  const text = await raw(`POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n${body}`, (t) => t.includes('}'));
  assert.match(text, /HTTP\/1.1 413/);
  const res = await fetch(`${url}/hello`);
  assert.equal(res.status, 200);
});

test('a body within the limit is read', async () => {
  const res = await fetch(`${url}/echo`, { method: 'POST', body: 'y'.repeat(1000) });
  assert.deepEqual(await res.json(), { size: 1000 });
});

test('a half-sent request does not crash the server', async () => {
  await new Promise<void>((resolve) => {
    const socket = net.connect(port, '127.0.0.1', () => {
      socket.write('POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 500\r\n\r\nonly a little');
      setTimeout(() => {
        socket.destroy();
        resolve();
      }, 50);
    });
  });
  await new Promise<void>((resolve) => {
    const socket = net.connect(port, '127.0.0.1', () => {
      socket.write('GET /hel');
      socket.destroy();
      resolve();
    });
  });
  const res = await fetch(`${url}/hello`);
  assert.equal(res.status, 200);
});

test('a malformed request line gets 400 and the server keeps serving', async () => {
  const text = await raw('NOT A REQUEST\r\n\r\n');
  assert.match(text, /HTTP\/1.1 400/);
  assert.equal((await fetch(`${url}/hello`)).status, 200);
});

test('close() stops accepting connections', async () => {
  const other = makeApp();
  const otherUrl = await other.serve({ port: 0 });
  assert.equal((await fetch(`${otherUrl}/hello`)).status, 200);
  await other.close();
  await assert.rejects(fetch(`${otherUrl}/hello`));
});

test('every bad input gets its clear error over a real socket too', async () => {
  const strict = createApp({ bodyLimit: 64, logStartup: false });
  strict.post('/json', async (req) => (await req.json()) as object);
  strict.get('/items/:id', (req) => ({ id: req.params.id }));
  const base = await strict.serve({ port: 0 });
  try {
    const post = (body: string, type = 'application/json') => fetch(`${base}/json`, { method: 'POST', body, headers: { 'content-type': type } });
    const malformed = await post('{"a": 1,,}');
    assert.equal(malformed.status, 422);
    assert.equal(((await malformed.json()) as { detail: { type: string }[] }).detail[0].type, 'json_invalid');
    assert.equal((await post('{"a": "' + 'x'.repeat(100) + '"}')).status, 413);
    assert.equal((await fetch(`${base}/items/%ZZ`)).status, 400);
    assert.equal((await fetch(`${base}/nowhere`)).status, 404);
    const wrongMethod = await fetch(`${base}/json`);
    assert.equal(wrongMethod.status, 405);
    assert.equal(wrongMethod.headers.get('allow'), 'POST');
    assert.deepEqual(await (await fetch(`${base}/items/7`)).json(), { id: '7' });
  } finally {
    await strict.close();
  }
});
