import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TestClient } from 'zigmund/testing';
import { app } from '../../../../samples/parity/tutorial/security/index.js';

const topic = 'tutorial/security/index';
const client = new TestClient(app);
const bearer = { authorization: 'Bearer foobar' };

test(`${topic}: apiKey from a query parameter, a header, a cookie`, async () => {
  assert.deepEqual((await client.get('/api-key/query', { query: { api_key: 'k1' } })).json(), { key: 'k1' });
  assert.deepEqual((await client.get('/api-key/header', { headers: { 'x-api-key': 'k2' } })).json(), { key: 'k2' });
  assert.deepEqual((await client.get('/api-key/cookie', { cookies: { session: 'k3' } })).json(), { key: 'k3' });
});

test(`${topic}: http bearer, basic and digest read the Authorization header`, async () => {
  assert.deepEqual((await client.get('/http/bearer', { headers: bearer })).json(), { scheme: 'Bearer', credentials: 'foobar' });
  const basic = await client.get('/http/basic', { headers: { authorization: `Basic ${Buffer.from('john:secret').toString('base64')}` } });
  assert.deepEqual(basic.json(), { username: 'john' });
  assert.deepEqual((await client.get('/http/digest', { headers: { authorization: 'Digest foobar' } })).json(), { scheme: 'Digest', credentials: 'foobar' });
});

test(`${topic}: the OAuth2 flows and OpenID Connect all send "Bearer " plus the token`, async () => {
  for (const path of ['/oauth2/implicit', '/oauth2/client-credentials', '/oauth2/authorization-code', '/oauth2/password', '/openid-connect/']) {
    const res = await client.get(path, { headers: bearer });
    assert.equal(res.status, 200, `${path}: ${res.text}`);
    assert.deepEqual(res.json(), { token: 'foobar' });
  }
});

test(`${topic}: without credentials every scheme answers 401 with its challenge`, async () => {
  const challenges: Record<string, string> = {
    '/api-key/query': 'APIKey',
    '/api-key/header': 'APIKey',
    '/api-key/cookie': 'APIKey',
    '/http/bearer': 'Bearer',
    '/http/basic': 'Basic realm="api", charset="UTF-8"',
    '/http/digest': 'Digest',
    '/oauth2/implicit': 'Bearer',
    '/oauth2/client-credentials': 'Bearer',
    '/oauth2/authorization-code': 'Bearer',
    '/oauth2/password': 'Bearer',
    '/openid-connect/': 'Bearer',
  };
  for (const [path, challenge] of Object.entries(challenges)) {
    const res = await client.get(path);
    assert.equal(res.status, 401, path);
    assert.deepEqual(res.json(), { detail: 'Not authenticated' });
    assert.equal(res.headers['www-authenticate'], challenge, path);
  }
});

test(`${topic}: the document lists every scheme type OpenAPI defines`, () => {
  const provider = 'https://auth.example.com';
  assert.deepEqual(app.openapi().components!.securitySchemes, {
    APIKeyQuery: { type: 'apiKey', name: 'api_key', in: 'query' },
    APIKeyHeader: { type: 'apiKey', name: 'X-API-Key', in: 'header' },
    APIKeyCookie: { type: 'apiKey', name: 'session', in: 'cookie' },
    HTTPBearer: { type: 'http', scheme: 'bearer' },
    HTTPBasic: { type: 'http', scheme: 'basic' },
    HTTPDigest: { type: 'http', scheme: 'digest' },
    OAuth2Implicit: { type: 'oauth2', flows: { implicit: { authorizationUrl: `${provider}/authorize`, scopes: {} } } },
    OAuth2ClientCredentials: { type: 'oauth2', flows: { clientCredentials: { tokenUrl: `${provider}/token`, scopes: {} } } },
    OAuth2AuthorizationCodeBearer: { type: 'oauth2', flows: { authorizationCode: { authorizationUrl: `${provider}/authorize`, tokenUrl: `${provider}/token`, scopes: {} } } },
    OAuth2PasswordBearer: { type: 'oauth2', flows: { password: { tokenUrl: 'token', scopes: {} } } },
    OpenIdConnect: { type: 'openIdConnect', openIdConnectUrl: `${provider}/.well-known/openid-configuration` },
  });
  assert.deepEqual(app.openapi().paths['/http/digest']!.get!.security, [{ HTTPDigest: [] }]);
});
