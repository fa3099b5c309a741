import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TestClient } from 'zigmund/testing';
import { app } from '../../../samples/parity/advanced/response-headers.js';

const client = new TestClient(app);

test('advanced/response-headers: headers given to a Response returned directly', async () => {
  const res = await client.get('/headers/');
  assert.equal(res.status, 200, res.text);
  assert.deepEqual(res.json(), { message: 'Hello World' });
  assert.equal(res.headers['x-cat-dog'], 'alone in the world');
  assert.equal(res.headers['content-language'], 'en-US');
});

test('advanced/response-headers: a header set on the injected Response of a plain answer', async () => {
  const res = await client.get('/headers-and-object/');
  assert.equal(res.status, 200, res.text);
  assert.deepEqual(res.json(), { message: 'Hello World' });
  assert.equal(res.headers['x-cat-dog'], 'alone in the world');
});
