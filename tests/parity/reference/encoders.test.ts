import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TestClient } from 'zigmund/testing';
import { app } from '../../../samples/parity/reference/encoders.js';

const client = new TestClient(app);

test('reference/encoders: dates, bytes and class instances become JSON', async () => {
  const res = await client.get('/encoded');
  assert.deepEqual(res.json(), {
    title: 'Foo',
    timestamp: '2026-01-02T03:04:05.000Z',
    description: null,
    price: { amount: 3, currency: 'EUR' },
    data: 'aGVsbG8=',
    tags: 1,
  });
});

test('reference/encoders: exclude_none and include through the response model', async () => {
  assert.deepEqual((await client.get('/exclude-none')).json(), { title: 'Foo', timestamp: '2026-01-02T03:04:05.000Z' });
  assert.deepEqual((await client.get('/include')).json(), { title: 'Foo' });
});
