import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { App, OpenApiDocument } from 'zigmund';
import { TestClient } from 'zigmund/testing';
import { app, patchApp, patchedItems, replacedItems } from '../../../samples/parity/tutorial/body-updates.js';

const baz = { name: 'Baz', description: null, price: 50.2, tax: 10.5, tags: [] };

for (const [name, target] of [['PUT', app], ['PATCH', patchApp]] as [string, App][]) {
  test(`tutorial/body-updates: a stored item is read through the model, defaults filled (${name} app)`, async () => {
    const res = await new TestClient(target).get('/items/baz');
    assert.equal(res.status, 200);
    assert.deepEqual(res.json(), baz);
  });
}

test('tutorial/body-updates: PUT replaces the item, fields left out taking the model defaults', async () => {
  const res = await new TestClient(app).put('/items/bar', { json: { name: 'Barz', price: 3, description: null } });
  assert.equal(res.status, 200);
  const replaced = { name: 'Barz', description: null, price: 3, tax: 10.5, tags: [] };
  assert.deepEqual(res.json(), replaced);
  assert.deepEqual(replacedItems.bar, replaced);
});

test('tutorial/body-updates: PATCH with every field replaces them all', async () => {
  const all = { name: 'Fooz', description: 'Item description', price: 3, tax: 10.5, tags: ['tag1', 'tag2'] };
  const res = await new TestClient(patchApp).patch('/items/foo', { json: all });
  assert.equal(res.status, 200);
  assert.deepEqual(res.json(), all);
  assert.deepEqual(patchedItems.foo, all);
});

test('tutorial/body-updates: PATCH with one field keeps the stored others', async () => {
  const res = await new TestClient(patchApp).patch('/items/bar', { json: { name: 'Barz' } });
  assert.equal(res.status, 200);
  const patched = { name: 'Barz', description: 'The bartenders', price: 62, tax: 20.2, tags: [] };
  assert.deepEqual(res.json(), patched);
  assert.deepEqual(patchedItems.bar, patched);
});

test('tutorial/body-updates: the OpenAPI document has the model for reading, replacing and patching', async () => {
  const doc = (await new TestClient(app).get('/openapi.json')).json<OpenApiDocument>();
  const path = doc.paths['/items/{item_id}']!;
  assert.deepEqual(path.get!.parameters, [{ name: 'item_id', in: 'path', required: true, schema: { type: 'string' } }]);
  // Item is read (the PUT body) and answered: initialised fields are required in its output view.
  assert.deepEqual(path.get!.responses!['200']!.content!['application/json']!.schema, { $ref: '#/components/schemas/Item-Output' });
  assert.deepEqual(path.put!.responses!['200']!.content!['application/json']!.schema, { $ref: '#/components/schemas/Item-Output' });
  assert.deepEqual(path.put!.requestBody, { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/Item-Input' } } } });
  assert.equal(doc.components!.schemas!['Item-Input']!.required, undefined);
  assert.deepEqual(Object.keys(doc.components!.schemas!['Item-Input']!.properties!), ['name', 'description', 'price', 'tax', 'tags']);
  const patchDoc = (await new TestClient(patchApp).get('/openapi.json')).json<OpenApiDocument>();
  assert.deepEqual(patchDoc.paths['/items/{item_id}']!.patch!.requestBody, {
    required: true,
    content: { 'application/json': { schema: { $ref: '#/components/schemas/ItemUpdate' } } },
  });
});
