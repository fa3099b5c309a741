import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TestClient } from 'zigmund/testing';
import { app } from '../../../../samples/parity/reference/security/index.js';

const client = new TestClient(app);
const topic = 'reference/security/index';

test(`${topic}: API keys in a header, a query parameter and a cookie`, async () => {
  assert.deepEqual((await client.get('/api-key/header', { headers: { 'x-api-key': 'k1' } })).json(), { key: 'k1' });
  assert.deepEqual((await client.get('/api-key/query', { query: { api_key: 'k2' } })).json(), { key: 'k2' });
  assert.deepEqual((await client.get('/api-key/cookie', { cookies: { session: 'k3' } })).json(), { key: 'k3' });
  for (const path of ['/api-key/header', '/api-key/query', '/api-key/cookie']) {
    const res = await client.get(path);
    assert.equal(res.status, 401, path);
    assert.deepEqual(res.json(), { detail: 'Not authenticated' });
  }
});

test(`${topic}: HTTP Basic and Bearer credentials`, async () => {
  const basic = await client.get('/basic', { headers: { authorization: `Basic ${Buffer.from('rick:c137').toString('base64')}` } });
  assert.deepEqual(basic.json(), { username: 'rick', password: 'c137' });
  const bearer = await client.get('/bearer', { headers: { authorization: 'Bearer abc' } });
  assert.deepEqual(bearer.json(), { scheme: 'Bearer', credentials: 'abc' });
  const none = await client.get('/bearer');
  assert.equal(none.status, 401);
  assert.equal(none.headers['www-authenticate'], 'Bearer');
});

test(`${topic}: HTTP Digest hands over the credentials as sent, 401 Digest without them`, async () => {
  const res = await client.get('/digest', { headers: { authorization: 'Digest foobar' } });
  assert.equal(res.status, 200, res.text);
  assert.deepEqual(res.json(), { scheme: 'Digest', credentials: 'foobar' });
  for (const headers of [{}, { authorization: 'Basic notreally' }]) {
    const none = await client.get('/digest', { headers });
    assert.equal(none.status, 401);
    assert.deepEqual(none.json(), { detail: 'Not authenticated' });
    assert.equal(none.headers['www-authenticate'], 'Digest');
  }
});

test(`${topic}: OAuth2 bearers, OpenID Connect and SecurityScopes`, async () => {
  const auth = { headers: { authorization: 'Bearer t0k' } };
  assert.deepEqual((await client.get('/password', auth)).json(), { token: 't0k' });
  assert.deepEqual(app.openapi().paths['/password']!.get!.security, [{ OAuth2PasswordBearer: ['read'] }]);
  assert.deepEqual((await client.get('/scopes')).json(), { required: ['read', 'write'] });
  assert.deepEqual((await client.get('/client', auth)).json(), { token: 't0k' });
  assert.deepEqual((await client.get('/authorization-code', auth)).json(), { token: 't0k' });
  assert.deepEqual((await client.get('/implicit', auth)).json(), { token: 't0k' });
  assert.equal((await client.get('/implicit')).status, 401);
  const none = await client.get('/authorization-code');
  assert.equal(none.status, 401);
  assert.equal(none.headers['www-authenticate'], 'Bearer');
  assert.deepEqual((await client.get('/oidc', auth)).json(), { token: 't0k' });
  assert.equal((await client.get('/oidc')).status, 401);
});

test(`${topic}: OAuth2PasswordRequestForm`, async () => {
  const res = await client.post('/token', { form: { username: 'rick', password: 'x', scope: 'read write', grant_type: 'password', client_id: 'cli' } });
  assert.deepEqual(res.json(), { username: 'rick', scopes: ['read', 'write'], grant_type: 'password', client_id: 'cli' });
  const bad = await client.post('/token', { form: { username: 'rick', password: 'x', grant_type: 'client_credentials' } });
  assert.equal(bad.status, 400);
  // The strict form: grant_type required, and "password".
  const strict = await client.post('/strict-token', { form: { username: 'rick', password: 'x', grant_type: 'password' } });
  assert.deepEqual(strict.json(), { username: 'rick', grant_type: 'password' });
  for (const form of [{ username: 'rick', password: 'x' }, { username: 'rick', password: 'x', grant_type: 'client_credentials' }] as Record<string, string>[]) {
    const refused = await client.post('/strict-token', { form });
    assert.equal(refused.status, 422, refused.text);
  }
});

test(`${topic}: every scheme in the document`, () => {
  const schemes = app.openapi().components!.securitySchemes!;
  assert.deepEqual(schemes.APIKeyHeader, { type: 'apiKey', name: 'X-API-Key', in: 'header' });
  assert.deepEqual(schemes.APIKeyQuery, { type: 'apiKey', name: 'api_key', in: 'query' });
  assert.deepEqual(schemes.APIKeyCookie, { type: 'apiKey', name: 'session', in: 'cookie' });
  assert.deepEqual(schemes.HTTPBasic, { type: 'http', scheme: 'basic' });
  assert.deepEqual(schemes.HTTPBearer, { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' });
  assert.deepEqual(schemes.HTTPDigest, { type: 'http', scheme: 'digest' });
  assert.deepEqual(schemes.OAuth2PasswordBearer, { type: 'oauth2', flows: { password: { tokenUrl: '/token', scopes: { read: 'Read things' } } } });
  assert.deepEqual(schemes.OAuth2ClientCredentials, { type: 'oauth2', flows: { clientCredentials: { tokenUrl: '/client-token', scopes: {} } } });
  assert.deepEqual(schemes.OAuth2AuthorizationCodeBearer, {
    type: 'oauth2',
    flows: { authorizationCode: { authorizationUrl: 'https://id.example.com/authorize', tokenUrl: 'https://id.example.com/token', scopes: {} } },
  });
  assert.deepEqual(schemes.OAuth2, { type: 'oauth2', flows: { implicit: { authorizationUrl: 'https://id.example.com/authorize', scopes: { read: 'Read things' } } } });
  assert.deepEqual(schemes.OpenIdConnect, { type: 'openIdConnect', openIdConnectUrl: 'https://id.example.com/.well-known/openid-configuration' });
});
