import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TestClient } from 'zigmund/testing';
import { app, stripTagPrefix } from '../../../samples/parity/advanced/generate-clients.js';

const client = new TestClient(app);

test('advanced/generate-clients: the routes answer', async () => {
  let res = await client.post('/items/', { json: { name: 'Foo', price: 5 } });
  assert.equal(res.status, 200, res.text);
  assert.deepEqual(res.json(), { message: 'Item received' });
  res = await client.get('/items/');
  assert.deepEqual(res.json(), [{ name: 'Plumbus', price: 3 }, { name: 'Portal Gun', price: 9001 }]);
  res = await client.post('/users/', { json: { username: 'Foo', email: 'foo@example.com' } });
  assert.deepEqual(res.json(), { message: 'User received' });
});

test('advanced/generate-clients: tags and generated operation ids', () => {
  const doc = app.openapi();
  const ops = [doc.paths['/items/']!.post!, doc.paths['/items/']!.get!, doc.paths['/users/']!.post!];
  assert.deepEqual(ops.map((op) => [op.tags, op.operationId]), [
    [['items'], 'items-create_item'],
    [['items'], 'items-get_items'],
    [['users'], 'users-create_user'],
  ]);
  assert.deepEqual(doc.paths['/items/']!.get!.responses['200']!.content, {
    'application/json': { schema: { type: 'array', items: { $ref: '#/components/schemas/Item' } } },
  });
});

test('advanced/generate-clients: the preprocessed document drops the tag prefix', () => {
  const doc = stripTagPrefix(app.openapi());
  assert.equal(doc.paths['/items/']!.get!.operationId, 'get_items');
  assert.equal(doc.paths['/users/']!.post!.operationId, 'create_user');
  assert.equal(app.openapi().paths['/items/']!.get!.operationId, 'items-get_items');
});
