import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TestClient } from 'zigmund/testing';
import { app } from '../../../samples/parity/advanced/advanced-python-types.js';

const client = new TestClient(app);

test('advanced/advanced-python-types: "may be null" is still required', async () => {
  const missing = await client.post('/say-hi', { json: {} });
  assert.equal(missing.status, 422);
  assert.deepEqual((missing.json() as { detail: { type: string; loc: unknown[] }[] }).detail.map((d) => [d.type, d.loc]), [['missing', ['body', 'name']]]);
  const none = await client.post('/say-hi', { json: { name: null } });
  assert.equal(none.status, 200, none.text);
  assert.deepEqual(none.json(), { message: 'Hi null!' });
  const named = await client.post('/say-hi', { json: { name: 'Ann' } });
  assert.deepEqual(named.json(), { message: 'Hi Ann!' });
});

test('advanced/advanced-python-types: a default makes it optional', async () => {
  const res = await client.post('/say-hey', { json: {} });
  assert.equal(res.status, 200, res.text);
  assert.deepEqual(res.json(), { message: 'Hey null!' });
});

test('advanced/advanced-python-types: required: false makes a query parameter optional', async () => {
  assert.deepEqual((await client.post('/greet')).json(), { message: 'Hello!' });
  assert.deepEqual((await client.post('/greet', { query: { name: 'Ann' } })).json(), { message: 'Hello Ann!' });
});
