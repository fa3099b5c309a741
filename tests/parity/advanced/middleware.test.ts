import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TestClient } from 'zigmund/testing';
import { gunzipSync } from 'node:zlib';
import { gzipApp, httpsApp, trustedHostApp } from '../../../samples/parity/advanced/middleware.js';

test('advanced/middleware: HTTPS redirect — plain http is redirected, https passes', async () => {
  const client = new TestClient(httpsApp);
  let res = await client.get('/', { headers: { host: 'testserver' } });
  // Starlette answers 307; httpsRedirect() answers 308, which also keeps the method and body.
  assert.equal(res.status, 308, res.text);
  assert.equal(res.headers.location, 'https://testserver/');
  res = await client.get('/', { headers: { host: 'testserver', 'x-forwarded-proto': 'https' } });
  assert.equal(res.status, 200, res.text);
  assert.deepEqual(res.json(), { message: 'Hello World' });
});

test('advanced/middleware: trusted hosts — the domain and its subdomains pass, others get 400', async () => {
  const client = new TestClient(trustedHostApp);
  assert.equal((await client.get('/', { headers: { host: 'example.com' } })).status, 200);
  assert.equal((await client.get('/', { headers: { host: 'subdomain.example.com' } })).status, 200);
  assert.equal((await client.get('/', { headers: { host: 'invalidhost' } })).status, 400);
});

test('advanced/middleware: GZip — a large answer is compressed, a small one is not', async () => {
  const client = new TestClient(gzipApp);
  const res = await client.get('/large', { headers: { 'accept-encoding': 'gzip' } });
  assert.equal(res.status, 200, res.text);
  assert.equal(res.headers['content-encoding'], 'gzip');
  assert.ok(res.body.length < 4000);
  assert.equal(gunzipSync(res.body).toString(), 'x'.repeat(4000));
  const small = await client.get('/', { headers: { 'accept-encoding': 'gzip' } });
  assert.equal(small.status, 200);
  assert.equal(small.headers['content-encoding'], undefined);
  assert.equal(small.json(), 'somebigcontent');
});
