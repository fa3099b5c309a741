import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TestClient } from 'zigmund/testing';
import { app } from '../../../samples/parity/reference/dependencies.js';

const client = new TestClient(app);

test('reference/dependencies: Depends caches per request unless useCache is false', async () => {
  const cached = (await client.get('/cached')).json() as { a: number; b: number };
  assert.equal(cached.a, cached.b);
  const uncached = (await client.get('/uncached')).json() as { a: number; b: number };
  assert.equal(uncached.b, uncached.a + 1);
});

test('reference/dependencies: Security passes the scopes down as SecurityScopes', async () => {
  const ok = await client.get('/scoped', { headers: { 'x-scopes': 'items:read items:write' } });
  assert.equal(ok.status, 200, ok.text);
  assert.deepEqual(ok.json(), { required: ['items:read', 'items:write'] });
  const refused = await client.get('/scoped', { headers: { 'x-scopes': 'items:read' } });
  assert.equal(refused.status, 403);
  assert.deepEqual(refused.json(), { detail: 'missing scopes: items:write' });
});
