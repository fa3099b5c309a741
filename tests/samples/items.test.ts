import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TestClient, bootstrap } from 'zigmund';
import { ItemsModule } from '../../samples/items/app.js';

test('the items sample does CRUD over its in-memory store', async () => {
  const client = new TestClient(await bootstrap(ItemsModule));
  const created = await client.post('/items', { json: { name: 'pen', price: 1.5, tags: ['office'] } });
  assert.equal(created.status, 201);
  assert.deepEqual(created.json(), { id: 1, name: 'pen', price: 1.5, tags: ['office'] });
  await client.post('/items', { json: { name: 'cup', price: 3 } });

  assert.deepEqual((await client.get('/items/1')).json(), { id: 1, name: 'pen', price: 1.5, tags: ['office'] });
  assert.deepEqual((await client.get('/items', { query: { tag: 'office' } })).json<{ id: number }[]>().map((i) => i.id), [1]);
  assert.deepEqual((await client.get('/items', { query: { offset: 1, limit: 5 } })).json<{ id: number }[]>().map((i) => i.id), [2]);

  const replaced = await client.put('/items/2', { json: { name: 'mug', price: 4 } });
  assert.deepEqual(replaced.json(), { id: 2, name: 'mug', price: 4, tags: [] });

  assert.equal((await client.delete('/items/1')).status, 204);
  const gone = await client.get('/items/1');
  assert.equal(gone.status, 404);
  assert.deepEqual(gone.json(), { detail: 'Item 1 not found' });
});

test('the items sample answers 422 for a bad id, bad query and a bad body', async () => {
  const client = new TestClient(await bootstrap(ItemsModule));
  const badId = await client.get('/items/abc');
  assert.equal(badId.status, 422);
  assert.deepEqual(badId.json<{ detail: { loc: string[] }[] }>().detail[0].loc, ['path', 'id']);
  const badQuery = await client.get('/items', { query: { limit: 'many' } });
  assert.deepEqual(badQuery.json<{ detail: { loc: string[] }[] }>().detail[0].loc, ['query', 'limit']);
  const badBody = await client.post('/items', { json: { name: '', price: 'free' } });
  assert.equal(badBody.status, 422);
  assert.deepEqual(badBody.json<{ detail: { loc: string[] }[] }>().detail.map((d) => d.loc.join('.')).sort(), ['body.name', 'body.price']);
});
