import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { once } from 'node:events';
import net from 'node:net';
import { WebSocket } from 'ws';
import { BootstrapError, createApp, type App, type Connection } from 'zigmund';
import { nextTurn, waitFor } from '../support/wait-for.js';

interface Probe {
  socket: net.Socket;
  text: string;
  closed: boolean;
}

/** A raw connection that records what the server answers and whether it closed. */
function probe(port: number): Probe {
  const socket = net.connect(port, '127.0.0.1');
  const state: Probe = { socket, text: '', closed: false };
  socket.on('data', (chunk: Buffer) => (state.text += chunk.toString('latin1')));
  socket.on('error', () => undefined);
  socket.on('close', () => (state.closed = true));
  return state;
}

/** Writes `bytes` one at a time, `everyMs` apart, while the socket is open. */
function trickle(state: Probe, bytes: string, everyMs: number): void {
  let sent = 0;
  const timer = setInterval(() => {
    if (state.closed || sent === bytes.length) return clearInterval(timer);
    state.socket.write(bytes[sent++]);
  }, everyMs);
  state.socket.once('close', () => clearInterval(timer));
}

const statusOf = (text: string) => Number(text.slice(9, 12));

describe('serve() timeouts', () => {
  let app: App;
  let url: string;
  const bodyFailures: string[] = [];
  before(async () => {
    app = createApp({ logStartup: false, handleSignals: false });
    app.get('/hello', () => ({ message: 'Hello World' }));
    app.post('/echo', async (req) => {
      try {
        return { text: await req.text() };
      } catch (err) {
        bodyFailures.push((err as Error).name);
        throw err;
      }
    });
    app.websocket('/ws', async (conn: Connection) => {
      for await (const msg of conn) await conn.sendText(msg.text());
    });
    url = await app.serve({ port: 0, headersTimeout: 1_000, requestTimeout: 2_000 });
  });
  after(() => app.close());

  test('slowloris: 200 connections sending their headers a byte at a time are answered 408 and closed by headersTimeout, and the server keeps serving', async () => {
    const probes = Array.from({ length: 200 }, () => probe(app.port!));
    await Promise.all(probes.map(({ socket }) => once(socket, 'connect')));
    for (const p of probes) {
      p.socket.write('GET /hello HTTP/1.1\r\nHost: x\r\nX-Slow: ');
      trickle(p, 'a'.repeat(1_000), 100);
    }
    assert.equal((await fetch(`${url}/hello`)).status, 200);
    // Node's own default (60 s, swept every 30 s) kept them all open well past this bound.
    await waitFor(() => probes.every((p) => p.closed), 'every slowloris connection closed', 10_000);
    assert.deepEqual(new Set(probes.map((p) => statusOf(p.text))), new Set([408]));
    assert.equal((await fetch(`${url}/hello`)).status, 200);
  });

  test('a body sent a byte at a time is cut by requestTimeout with 408, logged as nothing, and a WebSocket opened before it is not', async (t) => {
    const errors = t.mock.method(console, 'error', () => undefined);
    const ws = new WebSocket(`${url.replace('http', 'ws')}/ws`);
    await once(ws, 'open');
    const slow = probe(app.port!);
    await once(slow.socket, 'connect');
    slow.socket.write('POST /echo HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\nContent-Length: 1000\r\n\r\n');
    trickle(slow, 'b'.repeat(1_000), 100);
    await waitFor(() => slow.closed, 'the slow body closed', 10_000);
    assert.equal(statusOf(slow.text), 408);
    // The handler's req.text() rejects with BodyAborted: a client gone is no server error.
    await waitFor(() => bodyFailures.length === 1, 'the handler saw the body end');
    await nextTurn();
    assert.deepEqual(bodyFailures, ['BodyAborted']);
    assert.deepEqual(errors.mock.calls.map((call) => String(call.arguments[0])), []);

    // The WebSocket has been open longer than requestTimeout, and still echoes.
    ws.send('still here');
    const [echo] = (await once(ws, 'message')) as [Buffer];
    assert.equal(echo.toString(), 'still here');
    ws.close();
    await once(ws, 'close');
    assert.equal((await fetch(`${url}/echo`, { method: 'POST', body: 'quick' })).status, 200);
  });
});

describe('serve() maxConnections', () => {
  let app: App;
  before(async () => {
    app = createApp({ logStartup: false, handleSignals: false });
    app.get('/hello', () => ({ message: 'Hello World' }));
    await app.serve({ port: 0, maxConnections: 2 });
  });
  after(() => app.close());

  const hello = 'GET /hello HTTP/1.1\r\nHost: x\r\n\r\n';

  test('closes the connection past maxConnections unanswered, and accepts again once one ends', async () => {
    const open = [probe(app.port!), probe(app.port!)];
    for (const p of open) p.socket.write(hello);
    await waitFor(() => open.every((p) => p.text.includes('Hello World')), 'both kept-alive connections answered');

    const extra = probe(app.port!);
    extra.socket.write(hello);
    await waitFor(() => extra.closed, 'the third connection closed');
    assert.equal(extra.text, '');
    assert.ok(open.every((p) => !p.closed), 'the first two stay open');

    open[0].socket.destroy();
    await waitFor(() => open[0].closed, 'the first connection closed');
    // The server counts the closed one out as soon as it sees the close; poll until it has.
    let answer = '';
    for (const deadline = Date.now() + 5_000; !answer.includes('Hello World') && Date.now() < deadline; ) {
      const next = probe(app.port!);
      next.socket.write(hello);
      await waitFor(() => next.closed || next.text.includes('Hello World'), 'an answer or a close');
      answer = next.text;
      next.socket.destroy();
    }
    assert.equal(statusOf(answer), 200);
    open[1].socket.destroy();
  });
});

describe('serve() option checks', () => {
  const refused = async (options: Parameters<App['serve']>[0], message: RegExp) => {
    const app = createApp({ logStartup: false, handleSignals: false });
    await assert.rejects(app.serve({ port: 0, ...options }), (err: unknown) => err instanceof BootstrapError && message.test(err.message));
    assert.equal(app.server.listening, false);
  };

  test('refuses out-of-range limits before listening, naming the option', async () => {
    await refused({ headersTimeout: -1 }, /headersTimeout must be a whole number of milliseconds/);
    await refused({ requestTimeout: 1.5 }, /requestTimeout must be a whole number of milliseconds/);
    await refused({ keepAliveTimeout: Number.NaN }, /keepAliveTimeout/);
    await refused({ maxConnections: 0 }, /maxConnections must be a whole number of connections, 1 or more, or Infinity/);
    await refused({ maxHeaderSize: Infinity }, /maxHeaderSize must be a whole number of bytes/);
    await refused({ headersTimeout: 30_000, requestTimeout: 10_000 }, /headersTimeout \(30000 ms\) must not exceed requestTimeout \(10000 ms\)/);
  });

  test('refuses tls without a key or a certificate', async () => {
    await refused({ tls: { key: 'x' } as never }, /tls\.cert must be PEM text/);
    await refused({ tls: { key: '', cert: 'x' } }, /tls\.key must be PEM text/);
  });

  test('maxHeaderSize lowers the header limit: 431 past it', async () => {
    const app = createApp({ logStartup: false, handleSignals: false });
    app.get('/hello', () => ({ message: 'Hello World' }));
    await app.serve({ port: 0, maxHeaderSize: 1024 });
    try {
      const big = probe(app.port!);
      big.socket.write(`GET /hello HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(2_000)}\r\n\r\n`);
      await waitFor(() => big.closed, 'the oversized request closed');
      assert.equal(statusOf(big.text), 431);
      const long = probe(app.port!);
      long.socket.write(`GET /hello?q=${'a'.repeat(2_000)} HTTP/1.1\r\nHost: x\r\n\r\n`);
      await waitFor(() => long.closed, 'the over-long URL closed');
      assert.equal(statusOf(long.text), 414);
      const res = await fetch(`http://127.0.0.1:${app.port}/hello`, { headers: { 'x-small': 'a'.repeat(500) } });
      assert.equal(res.status, 200);
    } finally {
      await app.close();
    }
  });
});
