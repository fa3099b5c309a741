import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { OpenApiDocument } from 'zigmund';
import { TestClient } from 'zigmund/testing';
import { app } from '../../../samples/parity/tutorial/body-nested-models.js';

const client = new TestClient(app);
const image = { url: 'http://example.com/image.png', name: 'example image' };

type Detail = { type: string; loc: unknown[]; input: unknown }[];
const locs = (res: { json<T>(): T }) => res.json<{ detail: Detail }>().detail.map((d) => d.loc);

test('tutorial/body-nested-models: lists, a set of tags, a nested model and a list of them', async () => {
  const json = { name: 'Foo', description: 'A very nice Item', price: 35.4, tax: 3.2, tags: ['foo', 'bar', 'foo'], image, images: [image] };
  const res = await client.put('/items/123', { json });
  assert.equal(res.status, 200);
  assert.deepEqual(res.json(), { item_id: 123, item: { ...json, tags: ['foo', 'bar'] } });
});

test('tutorial/body-nested-models: only the required fields, the rest defaulted', async () => {
  const res = await client.put('/items/5', { json: { name: 'Foo', price: 35.4 } });
  assert.equal(res.status, 200);
  assert.deepEqual(res.json(), {
    item_id: 5,
    item: { name: 'Foo', description: null, price: 35.4, tax: null, tags: [], image: null, images: null },
  });
});

test('tutorial/body-nested-models: errors are located inside nested models and lists', async () => {
  const empty = await client.put('/items/5', { json: {} });
  assert.equal(empty.status, 422);
  assert.deepEqual(locs(empty), [['body', 'name'], ['body', 'price']]);
  const nested = await client.put('/items/5', { json: { name: 'Foo', price: 35.4, image: { url: 'http://example.com/' } } });
  assert.equal(nested.status, 422);
  assert.deepEqual(locs(nested), [['body', 'image', 'name']]);
  const notList = await client.put('/items/5', { json: { name: 'Foo', price: 35.4, images: image } });
  assert.equal(notList.status, 422);
  const [listError] = notList.json<{ detail: Detail }>().detail;
  assert.deepEqual([listError!.type, listError!.loc], ['list_type', ['body', 'images']]);
});

test('tutorial/body-nested-models: deeply nested models', async () => {
  const offer = { name: 'Offer', description: null, price: 10, items: [{ name: 'Foo', price: 35.4, tags: ['a', 'a'], images: [image] }] };
  const res = await client.post('/offers/', { json: offer });
  assert.equal(res.status, 200);
  assert.deepEqual(res.json(), {
    ...offer,
    items: [{ name: 'Foo', description: null, price: 35.4, tax: null, tags: ['a'], image: null, images: [image] }],
  });
  const bad = await client.post('/offers/', { json: { name: 'Offer', price: 10, items: [{ name: 'Foo' }] } });
  assert.equal(bad.status, 422);
  assert.deepEqual(locs(bad), [['body', 'items', 0, 'price']]);
});

test('tutorial/body-nested-models: a list of models as the whole body', async () => {
  const data = [
    { url: 'http://example.com/', name: 'Example' },
    { url: 'http://fastapi.tiangolo.com/', name: 'FastAPI' },
  ];
  const res = await client.post('/images/multiple/', { json: data });
  assert.equal(res.status, 200);
  assert.deepEqual(res.json(), data);
  const badUrl = await client.post('/images/multiple/', { json: [{ url: 'not a valid url', name: 'Example' }] });
  assert.equal(badUrl.status, 422);
  const [urlError] = badUrl.json<{ detail: Detail }>().detail;
  assert.deepEqual([urlError!.loc, urlError!.input], [['body', 0, 'url'], 'not a valid url']);
  const notList = await client.post('/images/multiple/', { json: data[0] });
  assert.equal(notList.status, 422);
  assert.deepEqual(notList.json(), { detail: [{ type: 'list_type', loc: ['body'], msg: 'Input should be a valid list', input: data[0] }] });
});

test('tutorial/body-nested-models: a dict with integer keys', async () => {
  const res = await client.post('/index-weights/', { json: { 2: 2.2, 3: 3.3 } });
  assert.equal(res.status, 200);
  assert.deepEqual(res.json(), { 2: 2.2, 3: 3.3 });
  const bad = await client.post('/index-weights/', { json: { foo: 2.2, 3: 3.3 } });
  assert.equal(bad.status, 422);
  assert.deepEqual(bad.json(), {
    detail: [{ type: 'int_parsing', loc: ['body', 'foo', '[key]'], msg: 'Input should be a valid integer, unable to parse string as an integer', input: 'foo' }],
  });
});

test('tutorial/body-nested-models: the schemas refer to the nested models', async () => {
  const doc = (await client.get('/openapi.json')).json<OpenApiDocument>();
  const schemas = doc.components!.schemas!;
  const item = schemas.Item as { properties: Record<string, unknown>; required: string[] };
  assert.deepEqual(item.properties.tags, { items: { type: 'string' }, type: 'array' });
  assert.deepEqual(item.properties.image, { $ref: '#/components/schemas/Image' });
  assert.deepEqual(item.properties.images, { items: { $ref: '#/components/schemas/Image' }, type: 'array' });
  assert.deepEqual(item.required, ['name', 'price']);
  assert.deepEqual((schemas.Offer as { properties: Record<string, unknown> }).properties.items, { items: { $ref: '#/components/schemas/Item' }, type: 'array' });
  assert.deepEqual(doc.paths['/images/multiple/']!.post!.requestBody!.content['application/json']!.schema, {
    type: 'array',
    items: { $ref: '#/components/schemas/Image' },
  });
});
