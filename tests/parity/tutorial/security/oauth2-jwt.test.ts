import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SignJWT, UnsecuredJWT, decodeJwt, decodeProtectedHeader } from 'jose';
import { TestClient } from 'zigmund/testing';
import { app, createAccessToken, fakeUsersDb, getPasswordHash, verifyPassword } from '../../../../samples/parity/tutorial/security/oauth2-jwt.js';

const topic = 'tutorial/security/oauth2-jwt';
const client = new TestClient(app);
const bearer = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });

async function getAccessToken(username = 'johndoe', password = 'secret'): Promise<string> {
  const res = await client.post('/token', { form: { username, password } });
  assert.equal(res.status, 200, res.text);
  return res.json<{ access_token: string }>().access_token;
}

async function assertRefused(token: string) {
  const res = await client.get('/users/me/', bearer(token));
  assert.equal(res.status, 401, res.text);
  assert.deepEqual(res.json(), { detail: 'Could not validate credentials' });
  assert.equal(res.headers['www-authenticate'], 'Bearer');
}

test(`${topic}: login answers a signed JWT for the user, expiring in 30 minutes`, async () => {
  const res = await client.post('/token', { form: { username: 'johndoe', password: 'secret' } });
  assert.equal(res.status, 200, res.text);
  const content = res.json<{ access_token: string; token_type: string }>();
  assert.equal(content.token_type, 'bearer');
  assert.deepEqual(decodeProtectedHeader(content.access_token), { alg: 'HS256', typ: 'JWT' });
  const claims = decodeJwt(content.access_token);
  assert.equal(claims.sub, 'johndoe');
  const expiresInSec = claims.exp! - Date.now() / 1000;
  assert.ok(expiresInSec > 29 * 60 && expiresInSec <= 30 * 60, `exp is ${expiresInSec}s away`);
});

test(`${topic}: a wrong password or an unknown user is 401 with WWW-Authenticate: Bearer`, async () => {
  for (const form of [{ username: 'johndoe', password: 'incorrect' }, { username: 'foo', password: 'secret' }]) {
    const res = await client.post('/token', { form });
    assert.equal(res.status, 401, res.text);
    assert.deepEqual(res.json(), { detail: 'Incorrect username or password' });
    assert.equal(res.headers['www-authenticate'], 'Bearer');
  }
});

test(`${topic}: no token, or another scheme, is 401 Not authenticated`, async () => {
  for (const headers of [{}, { authorization: 'Notexistent testtoken' }]) {
    const res = await client.get('/users/me/', { headers });
    assert.equal(res.status, 401, res.text);
    assert.deepEqual(res.json(), { detail: 'Not authenticated' });
    assert.equal(res.headers['www-authenticate'], 'Bearer');
  }
});

test(`${topic}: the token gives the user, without the hashed password`, async () => {
  const res = await client.get('/users/me/', bearer(await getAccessToken()));
  assert.equal(res.status, 200, res.text);
  assert.deepEqual(res.json(), { username: 'johndoe', full_name: 'John Doe', email: 'johndoe@example.com', disabled: false });
});

test(`${topic}: the token gives the user's items`, async () => {
  const res = await client.get('/users/me/items/', bearer(await getAccessToken()));
  assert.equal(res.status, 200, res.text);
  assert.deepEqual(res.json(), [{ item_id: 'Foo', owner: 'johndoe' }]);
});

test(`${topic}: a token that is no JWT is 401 Could not validate credentials`, async () => {
  await assertRefused('nonexistent');
});

test(`${topic}: the page's tokens without sub, with a sub of nobody, are refused`, async () => {
  // Signed with the page's SECRET_KEY, without exp (the page's decode does not require one).
  await assertRefused('eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJkYXRhIjoiZm9vIn0.9ynBhuYb4e6aW3oJr_K_TBgwcMTDpRToQIE25L57rOE');
  await assertRefused('eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJmb28ifQ.NnExK_dlNAYyzACrXtXDrcWOgGY2JuPbI4eDaHdfK5Y');
  await assertRefused('eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJ1c2VybmFtZTpib2IifQ.HcfCW67Uda-0gz54ZWTqmtgJnZeNem0Q757eTa9EZuw');
});

test(`${topic}: an expired token is refused`, async () => {
  const expired = await createAccessToken({ sub: 'johndoe' }, -60_000);
  await assertRefused(expired);
  const fresh = await createAccessToken({ sub: 'johndoe' });
  assert.equal((await client.get('/users/me/', bearer(fresh))).status, 200);
});

test(`${topic}: a tampered token is refused: changed claims, another key, alg none`, async () => {
  const [header, , signature] = (await getAccessToken()).split('.');
  const forgedClaims = Buffer.from(JSON.stringify({ sub: 'johndoe', exp: Math.floor(Date.now() / 1000) + 365 * 86_400 })).toString('base64url');
  await assertRefused(`${header}.${forgedClaims}.${signature}`);
  const otherKey = new TextEncoder().encode('an-attacker-key-that-is-32-bytes-or-more!');
  await assertRefused(await new SignJWT({ sub: 'johndoe' }).setProtectedHeader({ alg: 'HS256' }).setExpirationTime('30m').sign(otherKey));
  await assertRefused(new UnsecuredJWT({ sub: 'johndoe' }).setExpirationTime('30m').encode());
});

test(`${topic}: an inactive user gets a token and is 400 Inactive user`, async () => {
  fakeUsersDb.alice = { username: 'alice', full_name: 'Alice Wonderson', email: 'alice@example.com', hashed_password: getPasswordHash('secretalice'), disabled: true };
  try {
    const res = await client.get('/users/me/', bearer(await getAccessToken('alice', 'secretalice')));
    assert.equal(res.status, 400, res.text);
    assert.deepEqual(res.json(), { detail: 'Inactive user' });
  } finally {
    delete fakeUsersDb.alice;
  }
});

test(`${topic}: passwords are hashed with a salt and verified; tokens are created`, async () => {
  assert.ok(verifyPassword('secret', fakeUsersDb.johndoe!.hashed_password));
  assert.ok(!verifyPassword('secret2', fakeUsersDb.johndoe!.hashed_password));
  const hash = getPasswordHash('johndoe');
  assert.notEqual(hash, getPasswordHash('johndoe'));
  assert.ok(verifyPassword('johndoe', hash));
  assert.ok(await createAccessToken({ data: 'foo' }));
});

test(`${topic}: the document has the Token and User models and the scheme on the user routes`, () => {
  const doc = app.openapi();
  const ref = (name: string) => ({ 'application/json': { schema: { $ref: `#/components/schemas/${name}` } } });
  const token = doc.paths['/token']!.post!;
  assert.equal(token.summary, 'Login For Access Token');
  assert.deepEqual(token.responses['200'], { description: 'Successful Response', content: ref('Token') });
  assert.ok(token.requestBody);
  assert.deepEqual(doc.paths['/users/me/']!.get!.responses['200'], { description: 'Successful Response', content: ref('User') });
  assert.deepEqual(doc.paths['/users/me/']!.get!.security, [{ OAuth2PasswordBearer: [] }]);
  assert.deepEqual(doc.paths['/users/me/items/']!.get!.security, [{ OAuth2PasswordBearer: [] }]);
  const schemas = doc.components!.schemas!;
  assert.deepEqual(schemas.Token, { type: 'object', properties: { access_token: { type: 'string' }, token_type: { type: 'string' } }, required: ['access_token', 'token_type'] });
  // FastAPI requires only username; the output view requires what the model always fills.
  assert.deepEqual((schemas.User as { required: string[] }).required, ['username', 'email', 'full_name', 'disabled']);
  assert.deepEqual(doc.components!.securitySchemes, { OAuth2PasswordBearer: { type: 'oauth2', flows: { password: { tokenUrl: 'token', scopes: {} } } } });
});
