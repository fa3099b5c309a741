import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { OpenApiDocument } from 'zigmund';
import { TestClient } from 'zigmund/testing';
import { app } from '../../../samples/parity/tutorial/path-operation-configuration.js';

const client = new TestClient(app);

test('tutorial/path-operation-configuration: the item is created with status 201 and answered through its model', async () => {
  const res = await client.post('/items/', { json: { name: 'Foo', price: 42, tags: ['a'], extra: 'dropped' } });
  assert.equal(res.status, 201);
  assert.deepEqual(res.json(), { name: 'Foo', description: null, price: 42, tax: null, tags: ['a'] });
});

test('tutorial/path-operation-configuration: the routes answer as the page shows', async () => {
  assert.deepEqual((await client.get('/items/')).json(), [{ name: 'Foo', price: 42 }]);
  assert.deepEqual((await client.get('/users/')).json(), [{ username: 'johndoe' }]);
  const elements = await client.get('/elements/');
  assert.equal(elements.status, 200);
  assert.deepEqual(elements.json(), [{ item_id: 'Foo' }]);
});

test('tutorial/path-operation-configuration: tags, summary, description, response description and deprecation are documented', async () => {
  const doc = (await client.get('/openapi.json')).json<OpenApiDocument>();
  const create = doc.paths['/items/']!.post!;
  assert.deepEqual(create.tags, ['items']);
  assert.equal(create.summary, 'Create an item');
  assert.match(create.description!, /^Create an item with all the information:\n\n- \*\*name\*\*: each item must have a name/);
  assert.deepEqual(Object.keys(create.responses), ['201', '422']);
  assert.deepEqual(create.responses['201'], {
    description: 'The created item',
    content: { 'application/json': { schema: { $ref: '#/components/schemas/Item-Output' } } },
  });
  assert.deepEqual(doc.paths['/items/']!.get!.tags, ['items']);
  assert.deepEqual(doc.paths['/users/']!.get!.tags, ['users']);
  assert.equal(doc.paths['/elements/']!.get!.deprecated, true);
  assert.deepEqual(doc.paths['/elements/']!.get!.tags, ['items']);
  assert.equal(doc.paths['/items/']!.get!.deprecated, undefined);
});
