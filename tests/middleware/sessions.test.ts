import 'reflect-metadata';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { createApp, Response, sessions, TestClient, type Request } from 'zigmund';

const SECRET = 'a-long-enough-secret-for-tests';

function appWith(options: Parameters<typeof sessions>[0]) {
  const app = createApp({ logStartup: false });
  app.post('/login', (req: Request) => {
    req.session.user = 'ann';
    req.session.roles = ['admin'];
    return { ok: true };
  });
  app.get('/me', (req: Request) => ({ session: req.session }));
  app.post('/logout', (req: Request) => {
    req.session = {};
    return { ok: true };
  });
  app.get('/big', (req: Request) => {
    req.session.blob = 'x'.repeat(5000);
    return Response.json({});
  });
  app.use(sessions(options));
  return new TestClient(app);
}

function cookieOf(res: { headers: Record<string, unknown> }, name = 'session'): string | undefined {
  const lines = [res.headers['set-cookie']].flat().filter((l): l is string => typeof l === 'string');
  return lines.find((l) => l.startsWith(`${name}=`));
}

function valueOf(line: string): string {
  return line.slice(line.indexOf('=') + 1, line.indexOf(';'));
}

test("a signed session cookie with Starlette's defaults carries req.session to the next request", async () => {
  const client = appWith({ secret: SECRET });
  const login = await client.post('/login');
  const line = cookieOf(login)!;
  assert.match(line, /^session=[\w-]+\.[0-9a-z]+\.[\w-]+; Max-Age=1209600; Path=\/; HttpOnly; SameSite=Lax$/);
  const me = await client.get('/me', { cookies: { session: valueOf(line) } });
  assert.deepEqual(me.json(), { session: { user: 'ann', roles: ['admin'] } });
  // The payload is readable (signed, not encrypted) and its signature is HMAC-SHA256 over data.issued.
  const [data, issued, signature] = valueOf(line).split('.');
  assert.deepEqual(JSON.parse(Buffer.from(data, 'base64url').toString()), { user: 'ann', roles: ['admin'] });
  assert.equal(signature, createHmac('sha256', SECRET).update(`${data}.${issued}`).digest('base64url'));
});

test('a tampered, foreign-signed, expired or malformed cookie is an empty session, not an error', async () => {
  const client = appWith({ secret: SECRET, maxAgeSec: 60 });
  const good = valueOf(cookieOf(await client.post('/login'))!);
  const [data, issued, signature] = good.split('.');
  const forged = Buffer.from(JSON.stringify({ user: 'mallory', roles: ['admin'] })).toString('base64url');
  const sign = (payload: string, key: string) => createHmac('sha256', key).update(payload).digest('base64url');
  const old = (Math.floor(Date.now() / 1000) - 61).toString(36);
  const bad = [
    `${forged}.${issued}.${signature}`, // data changed, signature kept
    `${data}.${issued}.${signature.slice(0, -2)}AA`, // signature changed
    `${forged}.${issued}.${sign(`${forged}.${issued}`, 'another-secret-entirely')}`, // signed by another key
    `${data}.${old}.${sign(`${data}.${old}`, SECRET)}`, // correctly signed, but older than maxAgeSec
    `${Buffer.from('[1,2]').toString('base64url')}.${issued}.${sign(`${Buffer.from('[1,2]').toString('base64url')}.${issued}`, SECRET)}`, // not an object
    `${Buffer.from('{oops').toString('base64url')}.${issued}.${sign(`${Buffer.from('{oops').toString('base64url')}.${issued}`, SECRET)}`, // not JSON
    'garbage',
    '',
    '...',
  ];
  for (const cookie of bad) {
    const me = await client.get('/me', { cookies: { session: cookie } });
    assert.equal(me.status, 200, cookie);
    assert.deepEqual(me.json(), { session: {} }, cookie);
  }
});

test('secret rotation: the first secret signs, every one verifies', async () => {
  const before = appWith({ secret: 'the-old-secret-0123456789' });
  const oldCookie = valueOf(cookieOf(await before.post('/login'))!);
  const after = appWith({ secret: ['the-new-secret-0123456789', 'the-old-secret-0123456789'] });
  const me = await after.get('/me', { cookies: { session: oldCookie } });
  assert.deepEqual(me.json(), { session: { user: 'ann', roles: ['admin'] } });
  const renewed = valueOf(cookieOf(me)!);
  const [data, issued, signature] = renewed.split('.');
  assert.equal(signature, createHmac('sha256', 'the-new-secret-0123456789').update(`${data}.${issued}`).digest('base64url'));
  const dropped = appWith({ secret: 'the-new-secret-0123456789' });
  assert.deepEqual((await dropped.get('/me', { cookies: { session: oldCookie } })).json(), { session: {} });
});

test('emptying the session deletes the cookie; no session, no cookie', async () => {
  const client = appWith({ secret: SECRET });
  const cookie = valueOf(cookieOf(await client.post('/login'))!);
  const logout = await client.post('/logout', { cookies: { session: cookie } });
  assert.match(cookieOf(logout)!, /^session=; Max-Age=0; Path=\/; Expires=Thu, 01 Jan 1970 00:00:00 GMT/);
  assert.equal(cookieOf(await client.get('/me')), undefined);
});

test('options: cookie name, max age, SameSite, Secure; a session too large for a cookie is a 500, not a lost write', async (t) => {
  const client = appWith({ secret: SECRET, cookieName: 'sid', maxAgeSec: 3600, sameSite: 'strict', httpsOnly: true, path: '/app' });
  const line = cookieOf(await client.post('/login'), 'sid')!;
  assert.match(line, /^sid=.+; Max-Age=3600; Path=\/app; HttpOnly; Secure; SameSite=Strict$/);
  const browserSession = appWith({ secret: SECRET, maxAgeSec: null });
  assert.doesNotMatch(cookieOf(await browserSession.post('/login'))!, /Max-Age/);
  t.mock.method(console, 'error', () => undefined);
  const big = await client.get('/big');
  assert.equal(big.status, 500);
  assert.equal(cookieOf(big, 'sid'), undefined);
});

test('req.session without sessions() says what is missing; bad options are refused', async (t) => {
  const app = createApp({ logStartup: false });
  let message = '';
  app.get('/me', (req: Request) => {
    try {
      return req.session;
    } catch (err) {
      message = (err as Error).message;
      throw err;
    }
  });
  t.mock.method(console, 'error', () => undefined);
  assert.equal((await new TestClient(app).get('/me')).status, 500);
  assert.match(message, /req\.session needs app\.use\(sessions\(\{ secret \}\)\)/);
  assert.throws(() => sessions({ secret: 'short' }), /at least 16 characters/);
  assert.throws(() => sessions({ secret: [] }), /at least 16 characters/);
  assert.throws(() => sessions({ secret: SECRET, maxAgeSec: 0 }), /maxAgeSec must be a positive whole number/);
  assert.throws(() => sessions({ secret: SECRET, sameSite: 'none' }), /needs httpsOnly: true/);
});
