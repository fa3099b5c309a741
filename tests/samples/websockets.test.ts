import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { ConnectionClosed, ConnectionTimeout, TestClient, WebSocketDenied, bootstrap } from 'zigmund';
import { AppModule } from '../../samples/websockets/app.js';
import type { Socket } from 'node:net';
import { countWrites } from '../support/count-writes.js';
import { TestPeer } from '../websocket/support.js';

const app = await bootstrap(AppModule, { title: 'WebSocket Demo', version: '1.0', logStartup: false });
const base = (await app.serve({ port: 0 })).replace('http', 'ws');
after(() => app.close());

test('the demo greets with "connected" and echoes with a prefix over a real socket', async () => {
  const peer = await TestPeer.open(`${base}/ws`);
  assert.equal(await peer.next(), 'connected');
  peer.ws.send('hello');
  assert.equal(await peer.next(), 'echo: hello');
  peer.ws.send('again');
  assert.equal(await peer.next(), 'echo: again');
  peer.ws.close(1000);
  assert.equal((await peer.closed).code, 1000);
});

test('the demo answers a burst of messages in one write, in order', async () => {
  const accepted = new Promise<Socket>((resolve) => app.server.once('connection', resolve));
  const peer = await TestPeer.open(`${base}/ws`);
  assert.equal(await peer.next(), 'connected');
  const writes = countWrites(await accepted);
  // Sent in one go, the ten frames reach the server in one read; the handler answers them in one turn.
  for (let i = 0; i < 10; i++) peer.ws.send(`m${i}`);
  const echoes = [];
  for (let i = 0; i < 10; i++) echoes.push(await peer.next());
  assert.deepEqual(echoes, Array.from({ length: 10 }, (_, i) => `echo: m${i}`));
  assert.equal(writes.count, 1);
  peer.ws.close();
});

test('the demo accepts 4096-byte messages and closes with 1009 at 4097', async () => {
  const peer = await TestPeer.open(`${base}/ws`);
  assert.equal(await peer.next(), 'connected');
  peer.ws.send('x'.repeat(4096 - 'echo: '.length));
  assert.equal(String(await peer.next()).length, 4096);
  peer.ws.send('a'.repeat(4096));
  assert.equal(String(await peer.next()).length, 4096 + 'echo: '.length);
  peer.ws.send('b'.repeat(4097));
  assert.equal((await peer.closed).code, 1009);
});

test('the demo ignores binary frames and keeps echoing text', async () => {
  const peer = await TestPeer.open(`${base}/ws`);
  assert.equal(await peer.next(), 'connected');
  peer.ws.send(Buffer.from([1, 2, 3]));
  peer.ws.send('text');
  assert.equal(await peer.next(), 'echo: text');
  peer.ws.close();
});

test('the demo info route answers over HTTP', async () => {
  const res = await fetch(`${base.replace('ws', 'http')}/info`);
  assert.deepEqual(await res.json(), { message: 'WebSocket echo server — connect at /ws' });
});

test('the demo through TestClient.websocketConnect, without a port', async () => {
  const client = new TestClient(await bootstrap(AppModule));
  const conn = await client.websocketConnect('/ws');
  assert.equal((await conn.receive()).text(), 'connected');
  await conn.sendText('in process');
  assert.equal((await conn.receiveWithTimeout(1000)).text(), 'echo: in process');
  await conn.sendText('y'.repeat(4097));
  await assert.rejects(conn.receive(), (err: unknown) => err instanceof ConnectionClosed && err.code === 1009);
});

test('TestClient.websocketConnect: receive timeouts, close codes and refusals', async () => {
  const client = new TestClient(await bootstrap(AppModule));
  const conn = await client.websocketConnect('/ws');
  assert.equal((await conn.receive()).text(), 'connected');
  await assert.rejects(conn.receiveWithTimeout(30), ConnectionTimeout);
  assert.equal(conn.isOpen, true);
  await conn.close(1000);
  assert.equal(conn.lastCloseCode, 1000);
  await assert.rejects(client.websocketConnect('/info'), (err: unknown) => err instanceof WebSocketDenied && err.status === 400);
  await assert.rejects(client.websocketConnect('/nowhere'), (err: unknown) => err instanceof WebSocketDenied && err.status === 404);
});
