import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TestClient } from 'zigmund/testing';
import { app } from '../../../samples/parity/how-to/extending-openapi.js';

test('how-to/extending-openapi: the custom document is served, and kept', async () => {
  const client = new TestClient(app);
  const first = await client.get('/openapi.json');
  assert.equal(first.status, 200);
  const doc = first.json() as { info: Record<string, unknown>; paths: Record<string, unknown> };
  assert.deepEqual(doc.info, {
    title: 'Custom title',
    version: '2.5.0',
    summary: 'This is a very custom OpenAPI schema',
    description: "Here's a longer description of the custom **OpenAPI** schema",
    'x-logo': { url: 'https://fastapi.tiangolo.com/img/logo-margin/logo-teal.png' },
  });
  assert.deepEqual(Object.keys(doc.paths), ['/items/']);
  assert.deepEqual((await client.get('/openapi.json')).json(), doc);
  assert.deepEqual((await client.get('/items/')).json(), [{ name: 'Foo' }]);
});
