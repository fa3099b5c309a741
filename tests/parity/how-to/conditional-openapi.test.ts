import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TestClient } from 'zigmund/testing';
import { makeApp } from '../../../samples/parity/how-to/conditional-openapi.js';

test('how-to/conditional-openapi: OPENAPI_URL="" turns off the document and both pages', async () => {
  const client = new TestClient(makeApp({ OPENAPI_URL: '' }));
  for (const path of ['/openapi.json', '/docs', '/redoc']) assert.equal((await client.get(path)).status, 404, path);
  assert.deepEqual((await client.get('/')).json(), { message: 'Hello World' });
});

test('how-to/conditional-openapi: by default the document and the pages are served', async () => {
  const client = new TestClient(makeApp({}));
  assert.equal((await client.get('/docs')).status, 200);
  assert.equal((await client.get('/redoc')).status, 200);
  const doc = (await client.get('/openapi.json')).json() as { paths: Record<string, unknown> };
  assert.deepEqual(Object.keys(doc.paths), ['/']);
});

test('how-to/conditional-openapi: another URL moves the document', async () => {
  const client = new TestClient(makeApp({ OPENAPI_URL: '/api/schema.json' }));
  assert.equal((await client.get('/openapi.json')).status, 404);
  assert.equal((await client.get('/api/schema.json')).status, 200);
});
