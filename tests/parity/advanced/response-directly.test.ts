import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TestClient } from 'zigmund/testing';
import { app, legacyXml } from '../../../samples/parity/advanced/response-directly.js';

const client = new TestClient(app);

test('advanced/response-directly: a validated body returned in a JSONResponse', async () => {
  const res = await client.put('/items/1', {
    json: { title: 'Foo', timestamp: '2023-01-01T12:00:00', description: 'A test item' },
  });
  assert.equal(res.status, 200, res.text);
  assert.deepEqual(res.json(), { description: 'A test item', timestamp: '2023-01-01T12:00:00', title: 'Foo' });
});

test('advanced/response-directly: the body is still validated before the handler builds its Response', async () => {
  const res = await client.put('/items/1', { json: { title: 'Foo', timestamp: 'yesterday' } });
  assert.equal(res.status, 422, res.text);
  assert.deepEqual((res.json() as { detail: { loc: unknown[] }[] }).detail.map((d) => d.loc), [['body', 'timestamp']]);
});

test('advanced/response-directly: XML returned as it is, with its media type', async () => {
  const res = await client.get('/legacy/');
  assert.equal(res.status, 200, res.text);
  assert.equal(res.headers['content-type'], 'application/xml');
  assert.equal(res.text, legacyXml);
});

test('advanced/response-directly: the OpenAPI document shows the body model and an open 200 schema', async () => {
  const doc = app.openapi();
  const put = doc.paths['/items/{id}']!.put!;
  assert.deepEqual(put.requestBody, { content: { 'application/json': { schema: { $ref: '#/components/schemas/Item' } } }, required: true });
  assert.deepEqual(put.responses['200'], { description: 'Successful Response', content: { 'application/json': { schema: {} } } });
  assert.deepEqual(doc.paths['/legacy/']!.get!.responses['200'], { description: 'Successful Response', content: { 'application/json': { schema: {} } } });
});
