import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TestClient } from 'zigmund/testing';
import { app } from '../../../samples/parity/tutorial/middleware.js';

const client = new TestClient(app);

test('tutorial/middleware: every answer carries X-Process-Time, in seconds', async () => {
  const res = await client.get('/items/');
  assert.equal(res.status, 200);
  assert.deepEqual(res.json(), [{ name: 'Foo' }]);
  const seconds = Number(res.headers['x-process-time']);
  assert.ok(Number.isFinite(seconds) && seconds >= 0, String(res.headers['x-process-time']));
});

test('tutorial/middleware: the middleware also wraps the framework\'s own answers', async () => {
  const res = await client.get('/nowhere');
  assert.equal(res.status, 404);
  assert.ok(Number.isFinite(Number(res.headers['x-process-time'])));
});
