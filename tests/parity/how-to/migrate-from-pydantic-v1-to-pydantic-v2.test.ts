import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TestClient } from 'zigmund/testing';
import { app } from '../../../samples/parity/how-to/migrate-from-pydantic-v1-to-pydantic-v2.js';

const client = new TestClient(app);
const topic = 'how-to/migrate-from-pydantic-v1-to-pydantic-v2';

test(`${topic}: the model as body and answer`, async () => {
  const res = await client.post('/items/', { json: { name: 'Foo', size: 3.14 } });
  assert.equal(res.status, 200, res.text);
  assert.deepEqual(res.json(), { name: 'Foo', description: null, size: 3.14 });
  const bad = await client.post('/items/', { json: { name: 'Foo' } });
  assert.equal(bad.status, 422);
  assert.deepEqual((bad.json() as { detail: { loc: unknown[] }[] }).detail.map((d) => d.loc), [['body', 'size']]);
});

test(`${topic}: the old class in, the new one out`, async () => {
  const res = await client.post('/items-v2/', { json: { name: 'Foo', description: 'bar', size: 1 } });
  assert.deepEqual(res.json(), { name: 'Foo', description: 'bar', size: 1 });
  const op = app.openapi().paths['/items-v2/']!.post!;
  // Item is also an answer elsewhere, with initialised fields: its input view is Item-Input.
  assert.deepEqual(op.requestBody!.content['application/json']!.schema, { $ref: '#/components/schemas/Item-Input' });
  assert.deepEqual(op.responses['200']!.content!['application/json']!.schema, { $ref: '#/components/schemas/ItemV2' });
});

test(`${topic}: an embedded body`, async () => {
  const res = await client.post('/embedded-items/', { json: { item: { name: 'Foo', size: 2 } } });
  assert.equal(res.status, 200, res.text);
  assert.deepEqual(res.json(), { name: 'Foo', description: null, size: 2 });
  const missing = await client.post('/embedded-items/', { json: { name: 'Foo', size: 2 } });
  assert.equal(missing.status, 422);
});
