import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TestClient } from 'zigmund/testing';
import { app } from '../../../samples/parity/reference/staticfiles.js';

const client = new TestClient(app);

test('reference/staticfiles: files served with their type and an ETag; outside the folder is a 404', async () => {
  const res = await client.get('/static/site.css');
  assert.equal(res.status, 200);
  assert.equal(res.text, 'body { color: teal; }\n');
  assert.match(String(res.headers['content-type']), /^text\/css/);
  const etag = String(res.headers.etag);
  assert.equal((await client.get('/static/site.css', { headers: { 'if-none-match': etag } })).status, 304);
  assert.equal((await client.get('/static/../staticfiles.js')).status, 404);
  assert.equal((await client.get('/static/%2e%2e/staticfiles.js')).status, 404);
  assert.equal((await client.get('/static/nope.css')).status, 404);
});

test('reference/staticfiles: the named mount for url_for', async () => {
  assert.deepEqual((await client.get('/stylesheet')).json(), { href: 'http://localhost:80/static/site.css' });
});

test('reference/staticfiles: html mode — index.html for the folder, 404.html for what is missing', async () => {
  const index = await client.get('/site/');
  assert.equal(index.status, 200);
  assert.equal(index.text, '<h1>Home</h1>\n');
  const missing = await client.get('/site/nowhere');
  assert.equal(missing.status, 404);
  assert.equal(missing.text, '<h1>Not here</h1>\n');
});
