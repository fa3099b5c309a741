import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { Validator } from '@seriousme/openapi-schema-validator';
import { bootstrap } from 'zigmund';
import { AuthModule } from '../../samples/auth/app.js';
import { TestPeer, refusedStatus } from '../websocket/support.js';

const app = await bootstrap(AuthModule, { title: 'Auth sample', version: '1.0', logStartup: false, handleSignals: false });
const url = await app.serve({ port: 0 });
const ws = url.replace('http', 'ws');
after(() => app.close());

async function login(username: string, password: string, scope?: string) {
  const form = new URLSearchParams({ grant_type: 'password', username, password, ...(scope !== undefined && { scope }) });
  return fetch(`${url}/token`, { method: 'POST', body: form });
}

const tokens = new Map<string, Promise<string>>();

/** A token for the user and scope, logged in once: scrypt makes every login cost a quarter second. */
function tokenOf(username: string, password: string, scope?: string): Promise<string> {
  const key = `${username} ${scope}`;
  let token = tokens.get(key);
  if (!token) {
    token = login(username, password, scope).then(async (res) => {
      assert.equal(res.status, 200);
      return ((await res.json()) as { access_token: string }).access_token;
    });
    tokens.set(key, token);
  }
  return token;
}

const bearer = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });

test('logging in answers a bearer JWT with the granted scopes', async () => {
  const res = await login('anna', 'anna-secret');
  assert.equal(res.status, 200);
  const body = (await res.json()) as Record<string, unknown>;
  assert.equal(body.token_type, 'bearer');
  assert.equal(body.scope, 'me items chat');
  assert.equal(body.expires_in, 1800);
  assert.match(String(body.access_token), /^[\w-]+\.[\w-]+\.[\w-]+$/);
  const narrowed = (await (await login('bob', 'bob-secret', 'me items')).json()) as { scope: string };
  assert.equal(narrowed.scope, 'me', 'a scope the user may not have is not granted');
});

test('a wrong password or an unknown user is 401 without echoing the password', async () => {
  for (const [user, password] of [['anna', 'wrong-pass-1'], ['nobody', 'wrong-pass-2']]) {
    const res = await login(user, password);
    assert.equal(res.status, 401);
    assert.equal(res.headers.get('www-authenticate'), 'Bearer');
    const text = await res.text();
    assert.deepEqual(JSON.parse(text), { detail: 'Incorrect username or password' });
    assert.doesNotMatch(text, /wrong-pass/);
  }
});

test('/users/me answers the user of the token; without one it is 401', async () => {
  const res = await fetch(`${url}/users/me`, bearer(await tokenOf('anna', 'anna-secret')));
  assert.equal(res.status, 200);
  assert.deepEqual(await res.json(), { username: 'anna', fullName: 'Anna Lind', email: 'anna@example.com', scopes: ['me', 'items', 'chat'] });
  const anonymous = await fetch(`${url}/users/me`);
  assert.equal(anonymous.status, 401);
  assert.equal(anonymous.headers.get('www-authenticate'), 'Bearer');
});

test('the items route needs the items scope: 403 insufficient_scope without it', async () => {
  const bob = await fetch(`${url}/users/me/items`, bearer(await tokenOf('bob', 'bob-secret')));
  assert.equal(bob.status, 403);
  assert.match(bob.headers.get('www-authenticate') ?? '', /error="insufficient_scope".*scope="items me"/);
  const anna = await fetch(`${url}/users/me/items`, bearer(await tokenOf('anna', 'anna-secret')));
  assert.deepEqual(await anna.json(), [{ id: 1, title: 'Notebook', owner: 'anna' }]);
  const meOnly = await fetch(`${url}/users/me/items`, bearer(await tokenOf('anna', 'anna-secret', 'me')));
  assert.equal(meOnly.status, 403);
});

test('the chat needs a token with the chat scope and relays messages between users', async () => {
  assert.equal((await refusedStatus(`${ws}/chat`)).status, 401);
  assert.equal((await refusedStatus(`${ws}/chat?token=${await tokenOf('anna', 'anna-secret', 'me')}`)).status, 403);
  const anna = await TestPeer.open(`${ws}/chat`, ['chat', `bearer.${await tokenOf('anna', 'anna-secret')}`]);
  assert.equal(anna.ws.protocol, 'chat');
  assert.equal(await anna.next(), 'anna joined');
  const bob = await TestPeer.open(`${ws}/chat?token=${await tokenOf('bob', 'bob-secret')}`);
  assert.equal(await anna.next(), 'bob joined');
  assert.equal(await bob.next(), 'bob joined');
  bob.ws.send('hi anna');
  assert.equal(await anna.next(), 'bob: hi anna');
  assert.equal(await bob.next(), 'bob: hi anna');
  bob.ws.close(1000);
  assert.equal(await anna.next(), 'bob left');
  anna.ws.close(1000);
  await anna.closed;
});

test("the sample's OpenAPI document validates and documents the password flow", async () => {
  const doc = app.openapi();
  const result = await new Validator().validate(doc as never);
  assert.deepEqual(result.errors, undefined);
  assert.deepEqual(doc.components.securitySchemes, {
    JWTBearer: {
      type: 'oauth2',
      flows: { password: { tokenUrl: '/token', scopes: { me: 'Read your own profile', items: 'Read your items', chat: 'Join the chat' } } },
    },
  });
  assert.deepEqual(doc.paths['/users/me']?.get?.security, [{ JWTBearer: ['me'] }]);
  assert.deepEqual(doc.paths['/users/me/items']?.get?.security, [{ JWTBearer: ['items', 'me'] }]);
  assert.deepEqual(doc.paths['/chat']?.get?.security, [{ JWTBearer: ['chat'] }]);
});
