import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TestClient } from 'zigmund/testing';
import { app } from '../../../samples/parity/advanced/async-tests.js';

test('advanced/async-tests: an async test awaiting the in-process client', async () => {
  const response = await new TestClient(app).get('/');
  assert.equal(response.status, 200);
  assert.deepEqual(response.json(), { message: 'Tomato' });
});

test('advanced/async-tests: the same app over a socket, with fetch', async () => {
  const base = await app.serve({ port: 0 });
  try {
    const response = await fetch(`${base}/`);
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), { message: 'Tomato' });
  } finally {
    await app.close();
  }
});
