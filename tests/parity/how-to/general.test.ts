import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TestClient } from 'zigmund/testing';
import { app } from '../../../samples/parity/how-to/general.js';

const client = new TestClient(app);

test('how-to/general: the response model filters the data out', async () => {
  const res = await client.get('/users/');
  assert.equal(res.status, 200);
  assert.deepEqual(res.json(), [{ username: 'rick', email: 'rick@example.com' }]);
});

test('how-to/general: tags, summary, description, response description, deprecation', () => {
  const doc = app.openapi();
  const list = doc.paths['/users/']!.get!;
  assert.deepEqual(list.tags, ['users']);
  assert.equal(list.summary, 'List the users');
  assert.equal(list.description, 'Every user, **without** their password hash.');
  assert.equal(list.responses['200']!.description, 'The users');
  assert.equal(doc.paths['/users/legacy']!.get!.deprecated, true);
});

test('how-to/general: data converted to JSON-compatible values', async () => {
  const res = await client.get('/users/export');
  assert.deepEqual(res.json(), { exported: '2026-01-02T03:04:05.000Z', signature: 'cmljaw==' });
});

test('how-to/general: metadata, the document URL and the docs URLs', async () => {
  const doc = (await client.get('/api/v1/openapi.json')).json() as { info: Record<string, unknown> };
  assert.deepEqual(doc.info, { title: 'Citadel API', version: '1.2.0', description: 'Users of the **Citadel**.' });
  assert.equal((await client.get('/openapi.json')).status, 404);
  const docs = await client.get('/documentation');
  assert.equal(docs.status, 200);
  assert.match((await client.get('/documentation/swagger-init.js')).text, /"url":"\/api\/v1\/openapi\.json"/);
  assert.equal((await client.get('/docs')).status, 404);
  assert.equal((await client.get('/redoc')).status, 404);
});
