import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TestClient } from 'zigmund/testing';
import { app } from '../../../samples/parity/advanced/additional-status-codes.js';

const client = new TestClient(app);

test('advanced/additional-status-codes: an existing item is updated with 200', async () => {
  const res = await client.put('/items/foo', { json: { name: 'Wrestlers' } });
  assert.equal(res.status, 200, res.text);
  assert.deepEqual(res.json(), { name: 'Wrestlers', size: null });
});

test('advanced/additional-status-codes: a new item is created with 201 by returning a Response', async () => {
  const res = await client.put('/items/red', { json: { name: 'Chillies' } });
  assert.equal(res.status, 201, res.text);
  assert.deepEqual(res.json(), { name: 'Chillies', size: null });
});
