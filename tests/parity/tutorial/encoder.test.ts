import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { OpenApiDocument } from 'zigmund';
import { TestClient } from 'zigmund/testing';
import { Item, app, fakeDb, jsonable } from '../../../samples/parity/tutorial/encoder.js';

const client = new TestClient(app);

test('tutorial/encoder: the stored item is plain JSON-compatible data', async () => {
  const res = await client.put('/items/123', { json: { title: 'Foo', timestamp: '2023-01-01T12:00:00', description: 'An optional description' } });
  assert.equal(res.status, 200);
  assert.equal(res.json(), null);
  assert.deepEqual(fakeDb['123'], { title: 'Foo', timestamp: '2023-01-01T12:00:00', description: 'An optional description' });
  assert.equal(Object.getPrototypeOf(fakeDb['123']), Object.prototype);
});

test('tutorial/encoder: an invalid timestamp is a 422 and nothing is stored', async () => {
  const res = await client.put('/items/345', { json: { title: 'Foo', timestamp: 'not a date' } });
  assert.equal(res.status, 422);
  const [error] = res.json<{ detail: { loc: unknown[]; input: unknown }[] }>().detail;
  assert.deepEqual([error!.loc, error!.input], [['body', 'timestamp'], 'not a date']);
  assert.equal('345' in fakeDb, false);
});

test('tutorial/encoder: the JSON round trip turns a model into a plain object and a Date into its ISO string', () => {
  const item = Object.assign(new Item(), { title: 'Foo', timestamp: '2023-01-01T12:00:00' });
  assert.deepEqual(jsonable(item), { title: 'Foo', timestamp: '2023-01-01T12:00:00', description: null });
  assert.deepEqual(jsonable({ at: new Date(Date.UTC(2023, 0, 1, 12)) }), { at: '2023-01-01T12:00:00.000Z' });
});

test('tutorial/encoder: the OpenAPI document has the model as the body', async () => {
  const doc = (await client.get('/openapi.json')).json<OpenApiDocument>();
  const put = doc.paths['/items/{id}']!.put!;
  assert.deepEqual(put.requestBody, { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/Item' } } } });
  assert.deepEqual(doc.components!.schemas!.Item!.required, ['title', 'timestamp']);
  assert.deepEqual(put.responses!['200'], { description: 'Successful Response', content: { 'application/json': { schema: {} } } });
});
