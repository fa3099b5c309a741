import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { OpenApiDocument } from 'zigmund';
import { TestClient } from 'zigmund/testing';
import { app } from '../../../samples/parity/tutorial/body-multiple-params.js';

const client = new TestClient(app);
const item = { name: 'Foo', price: 50.5, description: null, tax: null };
const missing = (...keys: string[]) => ({ detail: keys.map((key) => ({ type: 'missing', loc: ['body', key], msg: 'Field required', input: null })) });

test('tutorial/body-multiple-params: an optional body beside path and query parameters', async () => {
  const res = await client.put('/items/5?q=bar', { json: { name: 'Foo', price: 50.5 } });
  assert.equal(res.status, 200);
  assert.deepEqual(res.json(), { item_id: 5, item, q: 'bar' });
  assert.deepEqual((await client.put('/items/5?q=bar')).json(), { item_id: 5, q: 'bar' });
  assert.deepEqual((await client.put('/items/5')).json(), { item_id: 5 });
  const bad = await client.put('/items/foo');
  assert.equal(bad.status, 422);
  assert.deepEqual(bad.json(), {
    detail: [{ type: 'int_parsing', loc: ['path', 'item_id'], msg: 'Input should be a valid integer, unable to parse string as an integer', input: 'foo' }],
  });
});

test('tutorial/body-multiple-params: several models and a singular value, each under its key', async () => {
  const json = { importance: 2, item: { name: 'Foo', price: 50.5 }, user: { username: 'Dave' } };
  const res = await client.put('/items/5/owned?q=somequery', { json });
  assert.equal(res.status, 200);
  assert.deepEqual(res.json(), { item_id: 5, importance: 2, item, user: { username: 'Dave', full_name: null }, q: 'somequery' });
  assert.deepEqual((await client.put('/items/5/owned', { json })).json(), { item_id: 5, importance: 2, item, user: { username: 'Dave', full_name: null } });
});

test('tutorial/body-multiple-params: no body, an empty object or a list answer every key missing', async () => {
  for (const options of [{}, { json: {} }, { json: [] }]) {
    const res = await client.put('/items/5/owned', options);
    assert.equal(res.status, 422, JSON.stringify(options));
    assert.deepEqual(res.json(), missing('item', 'user', 'importance'), JSON.stringify(options));
  }
});

test('tutorial/body-multiple-params: a singular body value below its gt=0 answers greater_than', async () => {
  const res = await client.put('/items/5/owned', { json: { importance: 0, item: { name: 'Foo', price: 50.5 }, user: { username: 'Dave' } } });
  assert.equal(res.status, 422);
  assert.deepEqual(res.json(), {
    detail: [{ type: 'greater_than', loc: ['body', 'importance'], msg: 'Input should be greater than 0', input: 0, ctx: { gt: 0 } }],
  });
});

test('tutorial/body-multiple-params: errors inside a keyed model are located under its key', async () => {
  const res = await client.put('/items/5/owned', { json: { importance: 2, item: { name: 'Foo' }, user: { username: 'Dave' } } });
  assert.equal(res.status, 422);
  assert.deepEqual(res.json(), { detail: [{ type: 'missing', loc: ['body', 'item', 'price'], msg: 'Field required', input: null }] });
});

test('tutorial/body-multiple-params: embed: a single model expected under its key', async () => {
  const res = await client.put('/items/5/embedded', { json: { item: { name: 'Foo', price: 50.5 } } });
  assert.equal(res.status, 200);
  assert.deepEqual(res.json(), { item_id: 5, item });
  const bare = await client.put('/items/5/embedded', { json: { name: 'Foo', price: 50.5 } });
  assert.equal(bare.status, 422);
  assert.deepEqual(bare.json(), missing('item'));
});

test('tutorial/body-multiple-params: the OpenAPI document shows the optional body and the keyed bodies as one object', async () => {
  const doc = (await client.get('/openapi.json')).json<OpenApiDocument>();
  assert.deepEqual(doc.paths['/items/{item_id}']!.put!.requestBody, {
    required: false,
    content: { 'application/json': { schema: { $ref: '#/components/schemas/Item' } } },
  });
  assert.deepEqual(doc.paths['/items/{item_id}/owned']!.put!.requestBody, {
    required: true,
    content: {
      'application/json': {
        schema: {
          type: 'object',
          properties: { item: { $ref: '#/components/schemas/Item' }, user: { $ref: '#/components/schemas/User' }, importance: { type: 'integer', exclusiveMinimum: 0 } },
          required: ['item', 'user', 'importance'],
        },
      },
    },
  });
  assert.deepEqual(doc.paths['/items/{item_id}/embedded']!.put!.requestBody!.content['application/json']!.schema, {
    type: 'object',
    properties: { item: { $ref: '#/components/schemas/Item' } },
    required: ['item'],
  });
});
