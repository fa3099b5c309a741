import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TestClient } from 'zigmund/testing';
import { app } from '../../../../samples/parity/tutorial/security/first-steps.js';

const topic = 'tutorial/security/first-steps';
const client = new TestClient(app);

test(`${topic}: /items redirects to /items/ as FastAPI's test client follows it`, async () => {
  const res = await client.get('/items', { headers: { authorization: 'Bearer testtoken' } });
  assert.equal(res.status, 307);
  assert.equal(res.headers.location, '/items/');
});

test(`${topic}: no token is 401 Not authenticated with WWW-Authenticate: Bearer`, async () => {
  const res = await client.get('/items/');
  assert.equal(res.status, 401, res.text);
  assert.deepEqual(res.json(), { detail: 'Not authenticated' });
  assert.equal(res.headers['www-authenticate'], 'Bearer');
});

test(`${topic}: the bearer token reaches the handler as sent`, async () => {
  const res = await client.get('/items/', { headers: { authorization: 'Bearer testtoken' } });
  assert.equal(res.status, 200, res.text);
  assert.deepEqual(res.json(), { token: 'testtoken' });
});

test(`${topic}: another Authorization scheme is 401 Not authenticated`, async () => {
  const res = await client.get('/items/', { headers: { authorization: 'Notexistent testtoken' } });
  assert.equal(res.status, 401, res.text);
  assert.deepEqual(res.json(), { detail: 'Not authenticated' });
  assert.equal(res.headers['www-authenticate'], 'Bearer');
});

test(`${topic}: the document has the password flow at the relative token URL and the lock on the route`, async () => {
  const doc = (await client.get('/openapi.json')).json<{
    paths: Record<string, Record<string, { summary: string; security: unknown; responses: Record<string, unknown> }>>;
    components: { securitySchemes: Record<string, unknown> };
  }>();
  assert.deepEqual(Object.keys(doc.paths), ['/items/']);
  const get = doc.paths['/items/']!.get!;
  assert.equal(get.summary, 'Read Items');
  assert.deepEqual(get.security, [{ OAuth2PasswordBearer: [] }]);
  assert.deepEqual(get.responses['200'], { description: 'Successful Response', content: { 'application/json': { schema: {} } } });
  assert.deepEqual(doc.components.securitySchemes, { OAuth2PasswordBearer: { type: 'oauth2', flows: { password: { tokenUrl: 'token', scopes: {} } } } });
});
