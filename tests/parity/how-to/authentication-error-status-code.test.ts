import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TestClient } from 'zigmund/testing';
import { app } from '../../../samples/parity/how-to/authentication-error-status-code.js';

const client = new TestClient(app);

test('how-to/authentication-error-status-code: a bearer token passes', async () => {
  const res = await client.get('/me', { headers: { authorization: 'Bearer secrettoken' } });
  assert.equal(res.status, 200, res.text);
  assert.deepEqual(res.json(), { message: 'You are authenticated', token: 'secrettoken' });
});

test('how-to/authentication-error-status-code: no credentials is the old 403', async () => {
  const res = await client.get('/me');
  assert.equal(res.status, 403, res.text);
  assert.deepEqual(res.json(), { detail: 'Not authenticated' });
});

test('how-to/authentication-error-status-code: the subclass is the documented scheme', () => {
  const doc = app.openapi();
  assert.deepEqual(doc.paths['/me']!.get!.security, [{ HTTPBearer403: [] }]);
  assert.deepEqual(doc.components!.securitySchemes!.HTTPBearer403, { type: 'http', scheme: 'bearer' });
});
