import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TestClient } from 'zigmund/testing';
import { app, createAccessToken, fakeUsersDb, getPasswordHash, verifyPassword } from '../../../../samples/parity/advanced/security/oauth2-scopes.js';

const topic = 'advanced/security/oauth2-scopes';
const client = new TestClient(app);

async function getAccessToken({ username = 'johndoe', password = 'secret', scope }: { username?: string; password?: string; scope?: string } = {}) {
  const res = await client.post('/token', { form: { username, password, ...(scope && { scope }) } });
  return (res.json() as { access_token: string }).access_token;
}
const bearer = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });

test(`${topic}: login`, async () => {
  const res = await client.post('/token', { form: { username: 'johndoe', password: 'secret' } });
  assert.equal(res.status, 200, res.text);
  const content = res.json() as Record<string, unknown>;
  assert.equal(typeof content.access_token, 'string');
  assert.equal(content.token_type, 'bearer');
});

test(`${topic}: a wrong password or user name`, async () => {
  for (const form of [{ username: 'johndoe', password: 'incorrect' }, { username: 'foo', password: 'secret' }]) {
    const res = await client.post('/token', { form });
    assert.equal(res.status, 400, res.text);
    assert.deepEqual(res.json(), { detail: 'Incorrect username or password' });
  }
});

test(`${topic}: no token, or another scheme`, async () => {
  for (const headers of [{} as Record<string, string>, { authorization: 'Notexistent testtoken' }]) {
    const res = await client.get('/users/me/', { headers });
    assert.equal(res.status, 401, res.text);
    assert.deepEqual(res.json(), { detail: 'Not authenticated' });
    assert.equal(res.headers['www-authenticate'], 'Bearer');
  }
});

test(`${topic}: a token with the scope me`, async () => {
  const res = await client.get('/users/me/', bearer(await getAccessToken({ scope: 'me' })));
  assert.equal(res.status, 200, res.text);
  assert.deepEqual(res.json(), { username: 'johndoe', full_name: 'John Doe', email: 'johndoe@example.com', disabled: false });
});

test(`${topic}: tokens that do not validate name the scopes required`, async () => {
  const tokens = [
    'nonexistent',
    // signed with the page's key: no sub, a sub without a user, a sub of nobody
    'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJkYXRhIjoiZm9vIn0.9ynBhuYb4e6aW3oJr_K_TBgwcMTDpRToQIE25L57rOE',
    'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJmb28ifQ.NnExK_dlNAYyzACrXtXDrcWOgGY2JuPbI4eDaHdfK5Y',
    'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJ1c2VybmFtZTpib2IifQ.HcfCW67Uda-0gz54ZWTqmtgJnZeNem0Q757eTa9EZuw',
  ];
  for (const token of tokens) {
    const res = await client.get('/users/me/', bearer(token));
    assert.equal(res.status, 401, res.text);
    assert.deepEqual(res.json(), { detail: 'Could not validate credentials' });
    assert.equal(res.headers['www-authenticate'], 'Bearer scope="me"');
  }
});

test(`${topic}: a token without the scope`, async () => {
  const res = await client.get('/users/me/', bearer(await getAccessToken()));
  assert.equal(res.status, 401, res.text);
  assert.deepEqual(res.json(), { detail: 'Not enough permissions' });
  assert.equal(res.headers['www-authenticate'], 'Bearer scope="me"');
});

test(`${topic}: an inactive user`, async () => {
  const res = await client.get('/users/me/', bearer(await getAccessToken({ username: 'alice', password: 'secretalice', scope: 'me' })));
  assert.equal(res.status, 400, res.text);
  assert.deepEqual(res.json(), { detail: 'Inactive user' });
});

test(`${topic}: the items need both scopes, me and items`, async () => {
  let res = await client.get('/users/me/items/', bearer(await getAccessToken({ scope: 'me items' })));
  assert.equal(res.status, 200, res.text);
  assert.deepEqual(res.json(), [{ item_id: 'Foo', owner: 'johndoe' }]);
  res = await client.get('/users/me/items/', bearer(await getAccessToken({ scope: 'me' })));
  assert.equal(res.status, 401, res.text);
  assert.equal(res.headers['www-authenticate'], 'Bearer scope="items me"');
});

test(`${topic}: the status needs a token but no scope`, async () => {
  const res = await client.get('/status/', bearer(await getAccessToken()));
  assert.equal(res.status, 200, res.text);
  assert.deepEqual(res.json(), { status: 'ok' });
  const none = await client.get('/status/');
  assert.equal(none.status, 401);
  assert.equal(none.headers['www-authenticate'], 'Bearer');
});

test(`${topic}: passwords and tokens`, async () => {
  assert.ok(verifyPassword('secret', fakeUsersDb.johndoe!.hashed_password));
  assert.ok(!verifyPassword('wrong', fakeUsersDb.johndoe!.hashed_password));
  assert.ok(getPasswordHash('secretalice'));
  assert.ok(await createAccessToken({ data: 'foo' }));
});

test(`${topic}: the documents name the scheme, its scopes and each route's`, () => {
  const doc = app.openapi();
  assert.deepEqual(doc.components!.securitySchemes!.OAuth2PasswordBearer, {
    type: 'oauth2',
    flows: { password: { tokenUrl: 'token', scopes: { me: 'Read information about the current user.', items: 'Read items.' } } },
  });
  assert.deepEqual(doc.paths['/users/me/']!.get!.security, [{ OAuth2PasswordBearer: ['me'] }]);
  assert.deepEqual(doc.paths['/users/me/items/']!.get!.security, [{ OAuth2PasswordBearer: ['items', 'me'] }]);
  assert.deepEqual(doc.paths['/status/']!.get!.security, [{ OAuth2PasswordBearer: [] }]);
});
