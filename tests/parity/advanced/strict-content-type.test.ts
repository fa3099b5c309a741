import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TestClient } from 'zigmund/testing';
import { app, strictApp } from '../../../samples/parity/advanced/strict-content-type.js';

const client = new TestClient(app);
const body = '{"name": "Foo", "price": 50.5}';

test('advanced/strict-content-type: lax — a body without a Content-Type is parsed as JSON', async () => {
  const res = await client.post('/items/', { body });
  assert.equal(res.status, 200, res.text);
  assert.deepEqual(res.json(), { name: 'Foo', price: 50.5 });
});

test('advanced/strict-content-type: lax — with application/json', async () => {
  const res = await client.post('/items/', { json: { name: 'Foo', price: 50.5 } });
  assert.equal(res.status, 200, res.text);
  assert.deepEqual(res.json(), { name: 'Foo', price: 50.5 });
});

test('advanced/strict-content-type: lax — text/plain is still rejected', async () => {
  const res = await client.post('/items/', { body, headers: { 'content-type': 'text/plain' } });
  assert.equal(res.status, 422, res.text);
});

test('advanced/strict-content-type: strict (the default) — no Content-Type is a 422', async () => {
  const res = await new TestClient(strictApp).post('/items/', { body });
  assert.equal(res.status, 422, res.text);
  assert.deepEqual(res.json(), {
    detail: [{ type: 'model_attributes_type', loc: ['body'], msg: 'Input should be a valid dictionary or object to extract fields from', input: body }],
  });
});
