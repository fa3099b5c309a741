import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ConnectionClosed } from 'zigmund';
import { TestClient } from 'zigmund/testing';
import { app } from '../../../samples/parity/reference/exceptions.js';

const client = new TestClient(app);

test('reference/exceptions: HttpException with a detail and headers', async () => {
  const ok = await client.get('/items/foo');
  assert.deepEqual(ok.json(), { item: 'The Foo Wrestlers' });
  const res = await client.get('/items/bar');
  assert.equal(res.status, 404);
  assert.deepEqual(res.json(), { detail: 'Item not found' });
  assert.equal(res.headers['x-error'], 'There goes my error');
});

test('reference/exceptions: a detail that is not a string', async () => {
  const res = await client.get('/teapot');
  assert.equal(res.status, 418);
  assert.deepEqual(res.json(), { detail: { reason: 'short and stout' } });
});

test('reference/exceptions: WebSocketException closes with its code and reason', async () => {
  const conn = await client.websocketConnect('/ws');
  await conn.sendText('wrong');
  await assert.rejects(conn.receive(), (err: unknown) => err instanceof ConnectionClosed && err.code === 1008 && err.reason === 'wrong password');
  const ok = await client.websocketConnect('/ws');
  await ok.sendText('let me in');
  assert.equal((await ok.receive()).text(), 'welcome');
});
