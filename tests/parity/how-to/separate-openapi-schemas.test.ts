import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TestClient } from 'zigmund/testing';
import { app, sameSchemaApp } from '../../../samples/parity/how-to/separate-openapi-schemas.js';

test('how-to/separate-openapi-schemas: the routes answer', async () => {
  const client = new TestClient(app);
  let res = await client.post('/items/', { json: { name: 'Foo' } });
  assert.equal(res.status, 200, res.text);
  assert.deepEqual(res.json(), { name: 'Foo', description: null });
  res = await client.get('/items/');
  assert.deepEqual(res.json(), [
    { name: 'Portal Gun', description: 'Device to travel through the multi-rick-verse' },
    { name: 'Plumbus', description: null },
  ]);
});

test('how-to/separate-openapi-schemas: Item-Input and Item-Output', () => {
  const doc = app.openapi();
  const schemas = doc.components!.schemas! as Record<string, { required?: string[] }>;
  assert.deepEqual(doc.paths['/items/']!.post!.requestBody!.content['application/json']!.schema, { $ref: '#/components/schemas/Item-Input' });
  assert.deepEqual(doc.paths['/items/']!.get!.responses['200']!.content!['application/json']!.schema, {
    type: 'array',
    items: { $ref: '#/components/schemas/Item-Output' },
  });
  assert.deepEqual(schemas['Item-Input']!.required, ['name']);
  assert.deepEqual(schemas['Item-Output']!.required!.sort(), ['description', 'name']);
});

test('how-to/separate-openapi-schemas: separateInputOutputSchemas: false documents one Item', () => {
  const doc = sameSchemaApp.openapi();
  const schemas = doc.components!.schemas! as Record<string, { required?: string[] }>;
  assert.deepEqual(Object.keys(schemas).filter((k) => k.startsWith('Item')), ['Item']);
  assert.deepEqual(schemas.Item!.required, ['name']);
  assert.deepEqual(doc.paths['/items/']!.post!.requestBody!.content['application/json']!.schema, { $ref: '#/components/schemas/Item' });
});
