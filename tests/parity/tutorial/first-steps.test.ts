import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TestClient } from 'zigmund/testing';
import { app } from '../../../samples/parity/tutorial/first-steps.js';

const client = new TestClient(app);

test('tutorial/first-steps: GET / answers the JSON message', async () => {
  const res = await client.get('/');
  assert.equal(res.status, 200);
  assert.match(String(res.headers['content-type']), /^application\/json/);
  assert.deepEqual(res.json(), { message: 'Hello World' });
});

test('tutorial/first-steps: an unknown path answers 404 {"detail":"Not Found"}', async () => {
  const res = await client.get('/nonexistent');
  assert.equal(res.status, 404);
  assert.deepEqual(res.json(), { detail: 'Not Found' });
});

test('tutorial/first-steps: /openapi.json documents the route as the page shows', async () => {
  const res = await client.get('/openapi.json');
  assert.equal(res.status, 200);
  const doc = res.json<{ openapi: string; info: unknown; paths: Record<string, Record<string, Record<string, unknown>>> }>();
  assert.equal(doc.openapi, '3.1.0');
  assert.deepEqual(doc.info, { title: 'Zigmund', version: '0.1.0' });
  assert.deepEqual(Object.keys(doc.paths), ['/']);
  const get = doc.paths['/']!.get!;
  assert.equal(get.summary, 'Root');
  assert.deepEqual(get.responses, { 200: { description: 'Successful Response', content: { 'application/json': { schema: {} } } } });
});

test('tutorial/first-steps: /docs and /redoc serve the interactive documentation', async () => {
  for (const [path, title] of [['/docs', 'Swagger UI'], ['/redoc', 'ReDoc']] as const) {
    const res = await client.get(path);
    assert.equal(res.status, 200);
    assert.match(String(res.headers['content-type']), /^text\/html/);
    assert.match(res.text, new RegExp(`<title>[^<]*${title}</title>`));
  }
});
