import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TestClient } from 'zigmund/testing';
import { app } from '../../../../samples/parity/tutorial/security/simple-oauth2.js';

const topic = 'tutorial/security/simple-oauth2';
const client = new TestClient(app);
const bearer = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });

test(`${topic}: login answers the token in OAuth2's shape`, async () => {
  const res = await client.post('/token', { form: { username: 'johndoe', password: 'secret' } });
  assert.equal(res.status, 200, res.text);
  assert.deepEqual(res.json(), { access_token: 'johndoe', token_type: 'bearer' });
});

test(`${topic}: a wrong password or an unknown user is 400 with the same message`, async () => {
  for (const form of [{ username: 'johndoe', password: 'incorrect' }, { username: 'foo', password: 'secret' }]) {
    const res = await client.post('/token', { form });
    assert.equal(res.status, 400, res.text);
    assert.deepEqual(res.json(), { detail: 'Incorrect username or password' });
  }
});

test(`${topic}: the form needs a username and a password`, async () => {
  const res = await client.post('/token', { form: { username: 'johndoe' } });
  assert.equal(res.status, 422, res.text);
  const detail = res.json<{ detail: { type: string; loc: string[] }[] }>().detail;
  assert.deepEqual(detail.map((e) => [e.type, e.loc]), [['missing', ['body', 'password']]]);
});

test(`${topic}: the token gives the current user, as stored`, async () => {
  const res = await client.get('/users/me', bearer('johndoe'));
  assert.equal(res.status, 200, res.text);
  assert.deepEqual(res.json(), { username: 'johndoe', full_name: 'John Doe', email: 'johndoe@example.com', hashed_password: 'fakehashedsecret', disabled: false });
});

test(`${topic}: no token, a token of nobody, another scheme: 401 Not authenticated, Bearer`, async () => {
  for (const headers of [{}, { authorization: 'Bearer nonexistent' }, { authorization: 'Notexistent testtoken' }]) {
    const res = await client.get('/users/me', { headers });
    assert.equal(res.status, 401, res.text);
    assert.deepEqual(res.json(), { detail: 'Not authenticated' });
    assert.equal(res.headers['www-authenticate'], 'Bearer');
  }
});

test(`${topic}: alice logs in with secret2 and is an inactive user`, async () => {
  const login = await client.post('/token', { form: { username: 'alice', password: 'secret2' } });
  assert.equal(login.status, 200, login.text);
  const res = await client.get('/users/me', bearer(login.json<{ access_token: string }>().access_token));
  assert.equal(res.status, 400, res.text);
  assert.deepEqual(res.json(), { detail: 'Inactive user' });
});

test(`${topic}: the token route takes the password form, the user route the scheme`, () => {
  const doc = app.openapi();
  const token = doc.paths['/token']!.post!;
  assert.equal(token.summary, 'Login');
  assert.equal(token.security, undefined);
  const body = token.requestBody as { required: boolean; content: Record<string, { schema: { required: string[]; properties: Record<string, unknown> } }> };
  assert.equal(body.required, true);
  // FastAPI names the schema Body_login_token_post; here it is inline, without `format: password`
  // and without grant_type's `^password$` pattern (another grant_type is a 400, not a 422).
  const schema = body.content['application/x-www-form-urlencoded']!.schema;
  assert.deepEqual(schema.required, ['username', 'password']);
  assert.deepEqual(Object.keys(schema.properties), ['grant_type', 'username', 'password', 'scope', 'client_id', 'client_secret']);
  assert.deepEqual(schema.properties.scope, { type: 'string', default: '' });
  assert.deepEqual(Object.keys(token.responses), ['200', '422']);
  assert.deepEqual(doc.paths['/users/me']!.get!.security, [{ OAuth2PasswordBearer: [] }]);
  assert.deepEqual(doc.components!.securitySchemes, { OAuth2PasswordBearer: { type: 'oauth2', flows: { password: { tokenUrl: 'token', scopes: {} } } } });
});
