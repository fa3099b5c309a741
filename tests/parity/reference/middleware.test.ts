import { test } from 'node:test';
import { gunzipSync } from 'node:zlib';
import assert from 'node:assert/strict';
import { TestClient } from 'zigmund/testing';
import { app } from '../../../samples/parity/reference/middleware.js';

const client = new TestClient(app);
const https = { host: 'api.example.com', 'x-forwarded-proto': 'https' };

test('reference/middleware: CORS preflight and simple request', async () => {
  const preflight = await client.options('/', {
    headers: { ...https, origin: 'https://app.example.com', 'access-control-request-method': 'POST', 'access-control-request-headers': 'x-token' },
  });
  assert.equal(preflight.status, 200);
  assert.equal(preflight.headers['access-control-allow-origin'], 'https://app.example.com');
  assert.equal(preflight.headers['access-control-allow-credentials'], 'true');
  assert.equal(preflight.headers['access-control-max-age'], '600');
  const simple = await client.get('/', { headers: { ...https, origin: 'https://app.example.com' } });
  assert.equal(simple.headers['access-control-allow-origin'], 'https://app.example.com');
  const other = await client.get('/', { headers: { ...https, origin: 'https://evil.example.org' } });
  assert.equal(other.headers['access-control-allow-origin'], undefined);
});

test('reference/middleware: trusted hosts and the HTTPS redirect', async () => {
  assert.equal((await client.get('/', { headers: https })).status, 200);
  assert.equal((await client.get('/', { headers: { ...https, host: 'evil.test' } })).status, 400);
  const plain = await client.get('/', { headers: { host: 'example.com' } });
  assert.equal(plain.status, 308);
  assert.equal(plain.headers.location, 'https://example.com/');
});

test('reference/middleware: compression over the threshold', async () => {
  const res = await client.get('/large', { headers: { ...https, 'accept-encoding': 'gzip' } });
  assert.equal(res.headers['content-encoding'], 'gzip');
  assert.equal(gunzipSync(res.body).toString(), 'x'.repeat(4000));
  const small = await client.get('/', { headers: { ...https, 'accept-encoding': 'gzip' } });
  assert.equal(small.headers['content-encoding'], undefined);
});
