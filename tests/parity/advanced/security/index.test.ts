import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TestClient } from 'zigmund/testing';
import { app } from '../../../../samples/parity/advanced/security/index.js';

const topic = 'advanced/security/index';
const client = new TestClient(app);
const bearer = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });

test(`${topic}: the tutorial's bearer route and the advanced ones live in one app`, async () => {
  assert.deepEqual((await client.get('/token', bearer('abc'))).json(), { token: 'abc' });
  const basic = await client.get('/basic', { headers: { authorization: `Basic ${Buffer.from('stanleyjobson:swordfish').toString('base64')}` } });
  assert.deepEqual(basic.json(), { username: 'stanleyjobson' });
});

test(`${topic}: scopes add up along the chain; one missing is 403 naming them`, async () => {
  const ok = await client.get('/users/me/items/', bearer('johndoe:me items'));
  assert.equal(ok.status, 200, ok.text);
  assert.deepEqual(ok.json(), [{ item_id: 'Foo', owner: 'johndoe' }]);
  const missing = await client.get('/users/me/items/', bearer('johndoe:me'));
  assert.equal(missing.status, 403, missing.text);
  assert.match(String(missing.headers['www-authenticate']), /^Bearer error="insufficient_scope", .*scope="items me"$/);
  assert.equal((await client.get('/users/me/items/')).status, 401);
});

test(`${topic}: the document names each scheme and the scopes of each route`, () => {
  const doc = app.openapi();
  assert.deepEqual(doc.paths['/users/me/items/']!.get!.security, [{ OAuth2PasswordBearer: ['items', 'me'] }]);
  assert.deepEqual(doc.paths['/token']!.get!.security, [{ OAuth2PasswordBearer: [] }]);
  assert.deepEqual(doc.paths['/basic']!.get!.security, [{ HTTPBasic: [] }]);
  assert.deepEqual(Object.keys(doc.components!.securitySchemes!), ['OAuth2PasswordBearer', 'HTTPBasic']);
});
