import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ConnectionClosed } from 'zigmund';
import { TestClient } from 'zigmund/testing';
import { app } from '../../../samples/parity/advanced/testing-websockets.js';

test('advanced/testing-websockets: an HTTP route beside', async () => {
  const res = await new TestClient(app).get('/');
  assert.equal(res.status, 200);
  assert.deepEqual(res.json(), { msg: 'Hello World' });
});

test('advanced/testing-websockets: receive the JSON message, then the close', async () => {
  const conn = await new TestClient(app).websocketConnect('/ws');
  assert.deepEqual((await conn.receive()).json(), { msg: 'Hello WebSocket' });
  await assert.rejects(conn.receive(), (err: unknown) => err instanceof ConnectionClosed && err.code === 1000);
});
