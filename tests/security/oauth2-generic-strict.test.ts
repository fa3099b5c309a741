import 'reflect-metadata';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Controller, Depends, Get, Module, OAuth2, OAuth2PasswordRequestForm, OAuth2PasswordRequestFormStrict, Post, Security, bootstrap } from 'zigmund';
import { TestClient } from 'zigmund/testing';

const implicit = new OAuth2({
  flows: {
    implicit: { authorizationUrl: 'https://id.example/authorize', scopes: { read: 'Read things' } },
    password: { tokenUrl: '/token', scopes: {} },
  },
  description: 'Implicit or password',
});

@Controller()
class AuthController {
  @Get('/me')
  me(@Security(implicit, ['read']) token: string) {
    return { token };
  }

  @Post('/token')
  token(@Depends(OAuth2PasswordRequestForm) form: OAuth2PasswordRequestForm) {
    return { grant_type: form.grantType ?? null, username: form.username };
  }

  @Post('/strict-token')
  strictToken(@Depends(OAuth2PasswordRequestFormStrict) form: OAuth2PasswordRequestFormStrict) {
    return { grant_type: form.grantType, username: form.username, scopes: form.scopes, client_id: form.clientId ?? null };
  }
}

@Module({ controllers: [AuthController] })
class AuthModule {}

const app = await bootstrap(AuthModule);
const client = new TestClient(app);

test('OAuth2 with any flows gives the bearer token and is documented with its flows', async () => {
  assert.deepEqual((await client.get('/me', { headers: { authorization: 'Bearer imp-tok' } })).json(), { token: 'imp-tok' });
  const none = await client.get('/me', { headers: { authorization: 'Basic YTpi' } });
  assert.equal(none.status, 401);
  assert.deepEqual(none.json(), { detail: 'Not authenticated' });
  assert.equal(none.headers['www-authenticate'], 'Bearer');
  const doc = app.openapi();
  assert.deepEqual(doc.components!.securitySchemes!.OAuth2, {
    type: 'oauth2',
    flows: { implicit: { authorizationUrl: 'https://id.example/authorize', scopes: { read: 'Read things' } }, password: { tokenUrl: '/token', scopes: {} } },
    description: 'Implicit or password',
  });
  assert.deepEqual(doc.paths['/me']!.get!.security, [{ OAuth2: ['read'] }]);
});

test('OAuth2 refuses to be built without flows', () => {
  assert.throws(() => new OAuth2(undefined as never), /OAuth2 needs flows/);
});

test('the strict password form requires grant_type=password', async () => {
  const ok = await client.post('/strict-token', { form: { grant_type: 'password', username: 'rick', password: 'x', scope: 'a b', client_id: 'cli' } });
  assert.equal(ok.status, 200, ok.text);
  assert.deepEqual(ok.json(), { grant_type: 'password', username: 'rick', scopes: ['a', 'b'], client_id: 'cli' });
  const missing = await client.post('/strict-token', { form: { username: 'rick', password: 'x' } });
  assert.equal(missing.status, 422, missing.text);
  assert.deepEqual(missing.json<{ detail: { type: string; loc: string[] }[] }>().detail.map((e) => [e.type, e.loc]), [['missing', ['body', 'grant_type']]]);
  const other = await client.post('/strict-token', { form: { grant_type: 'client_credentials', username: 'rick', password: 'x' } });
  assert.equal(other.status, 422, other.text);
  assert.deepEqual(other.json<{ detail: { type: string; loc: string[] }[] }>().detail.map((e) => [e.type, e.loc]), [['string_pattern_mismatch', ['body', 'grant_type']]]);
});

test('the lenient form is unchanged beside the strict one: grant_type optional', async () => {
  const res = await client.post('/token', { form: { username: 'rick', password: 'x' } });
  assert.equal(res.status, 200, res.text);
  assert.deepEqual(res.json(), { grant_type: null, username: 'rick' });
});

test('the strict form documents grant_type as required, with its pattern', () => {
  const schema = app.openapi().paths['/strict-token']!.post!.requestBody!.content['application/x-www-form-urlencoded'].schema;
  assert.deepEqual(schema.required, ['grant_type', 'username', 'password']);
  assert.deepEqual(schema.properties!.grant_type, { type: 'string', pattern: '^password$' });
  const lenient = app.openapi().paths['/token']!.post!.requestBody!.content['application/x-www-form-urlencoded'].schema;
  assert.deepEqual(lenient.required, ['username', 'password']);
});
