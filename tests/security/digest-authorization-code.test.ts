import 'reflect-metadata';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Validator } from '@seriousme/openapi-schema-validator';
import { Connection, Controller, Get, HTTPDigest, Module, OAuth2AuthorizationCodeBearer, Security, WebSocket, bootstrap, type HTTPAuthorizationCredentials } from 'zigmund';
import { TestClient, WebSocketDenied } from 'zigmund/testing';

const digest = new HTTPDigest();
const optionalDigest = new HTTPDigest({ autoError: false, schemeName: 'OptionalDigest' });
const authCode = new OAuth2AuthorizationCodeBearer({
  authorizationUrl: 'https://id.example/authorize',
  tokenUrl: 'https://id.example/token',
  refreshUrl: 'https://id.example/refresh',
  scopes: { read: 'Read things' },
});

@Controller()
class SchemesController {
  @Get('/digest')
  digest(@Security(digest) credentials: HTTPAuthorizationCredentials) {
    return credentials;
  }

  @Get('/maybe-digest')
  maybeDigest(@Security(optionalDigest) credentials: HTTPAuthorizationCredentials | undefined) {
    return { credentials: credentials ?? null };
  }

  @Get('/code')
  code(@Security(authCode, ['read']) token: string) {
    return { token };
  }

  @WebSocket('/code-ws')
  async codeWs(conn: Connection, @Security(authCode) token: string) {
    await conn.sendText(token);
  }
}

@Module({ controllers: [SchemesController] })
class SchemesModule {}

const app = await bootstrap(SchemesModule);
const client = new TestClient(app);

test('HTTPDigest gives the scheme and the credentials as sent', async () => {
  const credentials = 'username="Mufasa", realm="http-auth@example.org", nonce="7ypf", uri="/digest", response="8ca5"';
  const res = await client.get('/digest', { headers: { authorization: `Digest ${credentials}` } });
  assert.equal(res.status, 200, res.text);
  assert.deepEqual(res.json(), { scheme: 'Digest', credentials });
  assert.deepEqual((await client.get('/digest', { headers: { authorization: 'digest foobar' } })).json(), { scheme: 'digest', credentials: 'foobar' });
});

test('HTTPDigest without credentials, or with another scheme, is 401 with a Digest challenge', async () => {
  for (const authorization of [undefined, 'Digest', 'Basic YTpi', 'Other foobar']) {
    const res = await client.get('/digest', { headers: authorization === undefined ? {} : { authorization } });
    assert.equal(res.status, 401, String(authorization));
    assert.deepEqual(res.json(), { detail: 'Not authenticated' });
    assert.equal(res.headers['www-authenticate'], 'Digest');
  }
});

test('HTTPDigest with autoError: false gives undefined instead of refusing', async () => {
  assert.deepEqual((await client.get('/maybe-digest')).json(), { credentials: null });
  assert.deepEqual((await client.get('/maybe-digest', { headers: { authorization: 'Basic YTpi' } })).json(), { credentials: null });
  assert.deepEqual((await client.get('/maybe-digest', { headers: { authorization: 'Digest abc' } })).json(), { credentials: { scheme: 'Digest', credentials: 'abc' } });
});

test('OAuth2AuthorizationCodeBearer gives the bearer token, 401 Bearer without one', async () => {
  assert.deepEqual((await client.get('/code', { headers: { authorization: 'Bearer code-tok' } })).json(), { token: 'code-tok' });
  for (const authorization of [undefined, 'Basic YTpi', 'Bearer']) {
    const res = await client.get('/code', { headers: authorization === undefined ? {} : { authorization } });
    assert.equal(res.status, 401, String(authorization));
    assert.deepEqual(res.json(), { detail: 'Not authenticated' });
    assert.equal(res.headers['www-authenticate'], 'Bearer');
  }
});

test('OAuth2AuthorizationCodeBearer guards WebSocket upgrades like the other bearer schemes', async () => {
  const ws = await client.websocketConnect('/code-ws?token=ws-tok');
  assert.equal((await ws.receive()).text(), 'ws-tok');
  await ws.close();
  await assert.rejects(client.websocketConnect('/code-ws'), (err: unknown) => err instanceof WebSocketDenied && err.status === 401);
});

test('both schemes are documented as OpenAPI spells them, and the document stays valid', async () => {
  const doc = app.openapi();
  assert.deepEqual(doc.components!.securitySchemes, {
    HTTPDigest: { type: 'http', scheme: 'digest' },
    OptionalDigest: { type: 'http', scheme: 'digest' },
    OAuth2AuthorizationCodeBearer: {
      type: 'oauth2',
      flows: {
        authorizationCode: { authorizationUrl: 'https://id.example/authorize', tokenUrl: 'https://id.example/token', refreshUrl: 'https://id.example/refresh', scopes: { read: 'Read things' } },
      },
    },
  });
  assert.deepEqual(doc.paths['/digest']!.get!.security, [{ HTTPDigest: [] }]);
  assert.deepEqual(doc.paths['/code']!.get!.security, [{ OAuth2AuthorizationCodeBearer: ['read'] }]);
  const result = await new Validator().validate(doc as never);
  assert.deepEqual(result.errors, undefined);
});

test('OAuth2AuthorizationCodeBearer refuses to be built without its URLs', () => {
  assert.throws(() => new OAuth2AuthorizationCodeBearer({ authorizationUrl: '', tokenUrl: '/token' }), /authorizationUrl/);
  assert.throws(() => new OAuth2AuthorizationCodeBearer({ authorizationUrl: '/authorize', tokenUrl: '' }), /tokenUrl/);
});
