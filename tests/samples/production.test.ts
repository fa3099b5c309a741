import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gunzipSync } from 'node:zlib';
import { TestClient } from 'zigmund/testing';
import { productionApp } from '../../samples/production/app.js';

const SECRET = 'a-session-secret-of-32-characters';

test('the production sample: security headers, a session kept in a signed cookie, and the csrf token it hands out', async () => {
  const client = new TestClient(productionApp({ sessionSecret: SECRET }));
  const first = await client.get('/api/visits');
  assert.equal(first.status, 200);
  assert.equal(first.headers['x-content-type-options'], 'nosniff');
  assert.match(String(first.headers['content-security-policy']), /default-src 'self'/);
  assert.equal(first.headers['ratelimit-policy'], '120;w=60');
  const { visits, csrfToken } = first.json() as { visits: number; csrfToken: string };
  assert.equal(visits, 1);
  assert.match(csrfToken, /^[\w-]{20,}$/);
  assert.equal((await client.get('/api/visits')).json<{ visits: number }>().visits, 2);

  const refused = await client.post('/api/notes', { json: { text: 'hi' } });
  assert.equal(refused.status, 403);
  const saved = await client.post('/api/notes', { json: { text: 'hi' }, headers: { 'x-csrf-token': csrfToken } });
  assert.equal(saved.status, 201);
  assert.deepEqual(saved.json(), { saved: { text: 'hi' } });
});

test('the production sample: CORS for its front-end origin only, an unknown Host refused', async () => {
  const client = new TestClient(productionApp({ sessionSecret: SECRET }));
  const preflight = await client.options('/api/notes', {
    headers: { origin: 'https://app.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'x-csrf-token' },
  });
  assert.equal(preflight.status, 200);
  assert.equal(preflight.headers['access-control-allow-origin'], 'https://app.example');
  assert.equal(preflight.headers['access-control-allow-credentials'], 'true');
  const foreign = await client.get('/api/visits', { headers: { origin: 'https://evil.example' } });
  assert.equal(foreign.status, 200);
  assert.equal(foreign.headers['access-control-allow-origin'], undefined);
  assert.equal((await client.get('/api/visits', { headers: { host: 'evil.example' } })).status, 400);
});

test('the production sample: a large answer is gzipped, and the rate limit answers 429 with Retry-After', async () => {
  const client = new TestClient(productionApp({ sessionSecret: SECRET, perMinute: 3 }));
  const report = await client.get('/api/report', { headers: { 'accept-encoding': 'gzip' } });
  assert.equal(report.headers['content-encoding'], 'gzip');
  assert.equal(JSON.parse(gunzipSync(report.body).toString()).rows.length, 200);
  await client.get('/api/visits');
  await client.get('/api/visits');
  const limited = await client.get('/api/visits');
  assert.equal(limited.status, 429);
  assert.ok(Number(limited.headers['retry-after']) > 0);
});
