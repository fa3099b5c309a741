import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TestClient } from 'zigmund/testing';
import { app } from '../../../../samples/parity/tutorial/security/get-current-user.js';

const topic = 'tutorial/security/get-current-user';
const client = new TestClient(app);

test(`${topic}: no token is 401 Not authenticated with WWW-Authenticate: Bearer`, async () => {
  const res = await client.get('/users/me');
  assert.equal(res.status, 401, res.text);
  assert.deepEqual(res.json(), { detail: 'Not authenticated' });
  assert.equal(res.headers['www-authenticate'], 'Bearer');
});

test(`${topic}: the token becomes the current user`, async () => {
  const res = await client.get('/users/me', { headers: { authorization: 'Bearer testtoken' } });
  assert.equal(res.status, 200, res.text);
  assert.deepEqual(res.json(), { username: 'testtokenfakedecoded', email: 'john@example.com', full_name: 'John Doe', disabled: null });
});

test(`${topic}: the route carries the scheme of its dependency's dependency`, async () => {
  const doc = (await client.get('/openapi.json')).json<{
    paths: Record<string, Record<string, { summary: string; security: unknown; responses: Record<string, unknown> }>>;
    components: { securitySchemes: Record<string, unknown> };
  }>();
  const get = doc.paths['/users/me']!.get!;
  assert.equal(get.summary, 'Read Users Me');
  assert.deepEqual(get.security, [{ OAuth2PasswordBearer: [] }]);
  assert.deepEqual(get.responses['200'], { description: 'Successful Response', content: { 'application/json': { schema: {} } } });
  assert.deepEqual(doc.components.securitySchemes, { OAuth2PasswordBearer: { type: 'oauth2', flows: { password: { tokenUrl: 'token', scopes: {} } } } });
});
