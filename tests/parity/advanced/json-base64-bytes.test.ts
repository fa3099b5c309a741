import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TestClient } from 'zigmund/testing';
import { app } from '../../../samples/parity/advanced/json-base64-bytes.js';

const client = new TestClient(app);

test('advanced/json-base64-bytes: base64 in, decoded bytes', async () => {
  const res = await client.post('/data', { json: { description: 'A file', data: 'SGVsbG8sIFdvcmxkIQ==' } });
  assert.equal(res.status, 200, res.text);
  assert.deepEqual(res.json(), { description: 'A file', content: 'Hello, World!' });
});

test('advanced/json-base64-bytes: bytes out, as base64', async () => {
  const res = await client.get('/data');
  assert.equal(res.status, 200, res.text);
  assert.deepEqual(res.json(), { description: 'A plumbus', data: 'aGVsbG8=' });
});

test('advanced/json-base64-bytes: in and out', async () => {
  const res = await client.post('/data-in-out', { json: { description: 'A plumbus', data: 'SGVsbG8sIFdvcmxkIQ==' } });
  assert.equal(res.status, 200, res.text);
  assert.deepEqual(res.json(), { description: 'A plumbus', data: 'SGVsbG8sIFdvcmxkIQ==' });
});

test('advanced/json-base64-bytes: data that is not base64 is a 422', async () => {
  const res = await client.post('/data', { json: { description: 'A file', data: 'not base64!' } });
  assert.equal(res.status, 422, res.text);
  assert.deepEqual((res.json() as { detail: { loc: unknown[] }[] }).detail.map((d) => d.loc), [['body', 'data']]);
});

test('advanced/json-base64-bytes: the schemas say contentEncoding base64', () => {
  const doc = app.openapi();
  const schemas = doc.components!.schemas!;
  for (const name of ['DataInput', 'DataOutput', 'DataInputOutput']) {
    const data = (schemas[name] as { properties: Record<string, Record<string, unknown>> }).properties.data!;
    assert.deepEqual([data.type, data.contentEncoding, data.contentMediaType], ['string', 'base64', 'application/octet-stream'], name);
  }
  assert.deepEqual(doc.paths['/data']!.get!.responses['200']!.content, { 'application/json': { schema: { $ref: '#/components/schemas/DataOutput' } } });
  assert.deepEqual(doc.paths['/data-in-out']!.post!.requestBody, { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/DataInputOutput' } } } });
});
