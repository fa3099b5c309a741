import 'reflect-metadata';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { once } from 'node:events';
import { SignJWT, exportJWK, type JWTPayload } from 'jose';
import { Controller, Get, JWTBearer, Module, Security, SecurityScopes, bootstrap, dependency } from 'zigmund';
import { VerifiedCache } from '../../src/security/verified-cache.js';
import { call, serveForFile } from './support.js';

const SECRET = 'a-test-secret-of-at-least-32-bytes!!';
const secretKey = new TextEncoder().encode(SECRET);
const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const ed = generateKeyPairSync('ed25519');
const now = () => Math.floor(Date.now() / 1000);

async function sign(claims: JWTPayload, key: KeyObject | Uint8Array, alg: string, header: Record<string, unknown> = {}): Promise<string> {
  return new SignJWT({ exp: now() + 300, ...claims }).setProtectedHeader({ alg, ...header }).sign(key);
}

/** A compact JWS with any header and an empty or given signature, as an attacker writes one. */
function forge(header: Record<string, unknown>, claims: JWTPayload, signature = ''): string {
  const part = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
  return `${part(header)}.${part({ exp: now() + 300, ...claims })}.${signature}`;
}

const hs = new JWTBearer({ secret: SECRET, issuer: 'https://auth.test', audience: 'api' });
const rs = new JWTBearer({ publicKey: rsa.publicKey.export({ type: 'spki', format: 'pem' }) as string, schemeName: 'RS' });
const es = new JWTBearer({ publicKey: ec.publicKey, schemeName: 'ES' });
const eddsa = new JWTBearer({ publicKey: ed.publicKey.export({ format: 'jwk' }), schemeName: 'Ed' });
const tolerant = new JWTBearer({ secret: SECRET, clockToleranceSec: 60, schemeName: 'Tolerant' });

const currentUser = dependency([Security(hs, ['me']), SecurityScopes], (claims: JWTPayload, scopes: SecurityScopes) => ({ sub: claims.sub, required: scopes.scopes }));

@Controller()
class JwtController {
  @Get('/hs')
  hs(@Security(hs) claims: JWTPayload) {
    return { sub: claims.sub };
  }

  @Get('/rs')
  rs(@Security(rs) claims: JWTPayload) {
    return { sub: claims.sub };
  }

  @Get('/es')
  es(@Security(es) claims: JWTPayload) {
    return { sub: claims.sub };
  }

  @Get('/ed')
  ed(@Security(eddsa) claims: JWTPayload) {
    return { sub: claims.sub };
  }

  @Get('/tolerant')
  tolerant(@Security(tolerant) claims: JWTPayload) {
    return { sub: claims.sub };
  }

  @Get('/items')
  items(@Security(currentUser, ['items']) user: { sub: string; required: string[] }) {
    return user;
  }
}

@Module({ controllers: [JwtController] })
class JwtModule {}

const url = await serveForFile(await bootstrap(JwtModule, { logStartup: false, handleSignals: false }));
const good = { sub: 'anna', iss: 'https://auth.test', aud: 'api' };
const bearer = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });

async function refused(path: string, token: string, detail: string) {
  const res = await call(`${url}${path}`, bearer(token));
  assert.equal(res.status, 401, `${path}: ${res.text}`);
  assert.deepEqual(res.body, { detail });
  assert.equal(res.headers.get('www-authenticate'), `Bearer error="invalid_token", error_description="${detail}"`);
  const payload = token.split('.')[1] ?? token;
  if (payload.length > 8) assert.ok(!res.text.includes(payload), 'the token is not echoed');
}

test('an HS256 token with the right issuer and audience gives its claims', async () => {
  const res = await call(`${url}/hs`, bearer(await sign(good, secretKey, 'HS256')));
  assert.equal(res.status, 200);
  assert.deepEqual(res.body, { sub: 'anna' });
  assert.deepEqual((await call(`${url}/hs`, bearer(await sign(good, secretKey, 'HS512')))).body, { sub: 'anna' });
});

test('RS256, PS256, ES256 and EdDSA tokens verify against their public keys', async () => {
  assert.deepEqual((await call(`${url}/rs`, bearer(await sign({ sub: 'r' }, rsa.privateKey, 'RS256')))).body, { sub: 'r' });
  assert.deepEqual((await call(`${url}/rs`, bearer(await sign({ sub: 'p' }, rsa.privateKey, 'PS256')))).body, { sub: 'p' });
  assert.deepEqual((await call(`${url}/es`, bearer(await sign({ sub: 'e' }, ec.privateKey, 'ES256')))).body, { sub: 'e' });
  assert.deepEqual((await call(`${url}/ed`, bearer(await sign({ sub: 'd' }, ed.privateKey, 'EdDSA')))).body, { sub: 'd' });
});

test('a missing token is 401 with a plain Bearer challenge', async () => {
  const res = await call(`${url}/hs`);
  assert.equal(res.status, 401);
  assert.deepEqual(res.body, { detail: 'Not authenticated' });
  assert.equal(res.headers.get('www-authenticate'), 'Bearer');
});

test('malformed tokens are 401 invalid_token', async () => {
  for (const token of ['abc', 'a.b.c', 'a.b', '....', forge({ alg: 'HS256' }, good).slice(0, -2)]) await refused('/hs', token, 'Invalid token');
});

test('a token signed with another secret is 401 invalid_token', async () => {
  await refused('/hs', await sign(good, new TextEncoder().encode('another-secret-of-at-least-32-bytes!'), 'HS256'), 'Invalid token');
  await refused('/rs', await sign({}, generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey, 'RS256'), 'Invalid token');
});

test('an expired token is 401 "Token expired"; clockToleranceSec lets a little skew through', async () => {
  const expired = await sign({ ...good, exp: now() - 30 }, secretKey, 'HS256');
  await refused('/hs', expired, 'Token expired');
  assert.deepEqual((await call(`${url}/tolerant`, bearer(expired))).body, { sub: 'anna' });
  await refused('/tolerant', await sign({ exp: now() - 120 }, secretKey, 'HS256'), 'Token expired');
});

test('a token that is not valid yet (nbf) is 401 "Token not valid yet"', async () => {
  await refused('/hs', await sign({ ...good, nbf: now() + 120 }, secretKey, 'HS256'), 'Token not valid yet');
});

test('a token without exp is refused by default', async () => {
  const token = await new SignJWT(good).setProtectedHeader({ alg: 'HS256' }).sign(secretKey);
  await refused('/hs', token, 'Token has no expiry');
});

test('a wrong issuer or audience is 401 invalid_token', async () => {
  await refused('/hs', await sign({ ...good, iss: 'https://evil.test' }, secretKey, 'HS256'), 'Token issuer not accepted');
  await refused('/hs', await sign({ ...good, aud: 'other' }, secretKey, 'HS256'), 'Token audience not accepted');
  await refused('/hs', await sign({ sub: 'anna', aud: 'api' }, secretKey, 'HS256'), 'Token issuer not accepted');
});

test('alg "none" is refused, with or without a signature part', async () => {
  await refused('/hs', forge({ alg: 'none', typ: 'JWT' }, good), 'Token algorithm not accepted');
  await refused('/hs', forge({ alg: 'none' }, good, 'AAAA'), 'Token algorithm not accepted');
  await refused('/rs', forge({ alg: 'none' }, { sub: 'x' }), 'Token algorithm not accepted');
  await refused('/hs', forge({ alg: 'NONE' }, good), 'Token algorithm not accepted');
});

test('HS/RS confusion is refused: an HS256 token signed with the RSA public key as its secret', async () => {
  const pem = rsa.publicKey.export({ type: 'spki', format: 'pem' }) as string;
  await refused('/rs', await sign({ sub: 'mallory' }, new TextEncoder().encode(pem), 'HS256'), 'Token algorithm not accepted');
  // And the other way round: an RS256 header presented to the HMAC scheme.
  await refused('/hs', await sign(good, rsa.privateKey, 'RS256'), 'Token algorithm not accepted');
});

test('scopes required along the chain must be granted by the scope claim', async () => {
  const ok = await call(`${url}/items`, bearer(await sign({ ...good, scope: 'me items' }, secretKey, 'HS256')));
  assert.equal(ok.status, 200);
  // FastAPI's semantics: a dependency's SecurityScopes are those required above it and where it is used, not below it.
  assert.deepEqual(ok.body, { sub: 'anna', required: ['items'] });
  assert.equal((await call(`${url}/items`, bearer(await sign({ ...good, scp: ['items', 'me'] }, secretKey, 'HS256')))).status, 200);
  assert.equal((await call(`${url}/items`, bearer(await sign({ ...good, scopes: ['me', 'items'] }, secretKey, 'HS256')))).status, 200);

  const res = await call(`${url}/items`, bearer(await sign({ ...good, scope: 'me' }, secretKey, 'HS256')));
  assert.equal(res.status, 403);
  assert.deepEqual(res.body, { detail: 'Not enough permissions: missing scope items' });
  assert.equal(
    res.headers.get('www-authenticate'),
    'Bearer error="insufficient_scope", error_description="The token lacks a required scope", scope="items me"',
  );
});

test('JWTBearer refuses unsafe configurations when it is built', () => {
  assert.throws(() => new JWTBearer({ secret: 'short' }), /at least 32 bytes/);
  assert.throws(() => new JWTBearer({ secret: SECRET, algorithms: ['none'] }), /"none" algorithm/);
  assert.throws(() => new JWTBearer({ secret: SECRET, algorithms: ['RS256'] }), /does not fit the key/);
  assert.throws(() => new JWTBearer({ publicKey: rsa.publicKey, algorithms: ['HS256'] }), /does not fit the key/);
  assert.throws(() => new JWTBearer({ publicKey: rsa.privateKey }), /must be a public key/);
  assert.throws(() => new JWTBearer({ secret: SECRET, jwksUrl: 'http://127.0.0.1/jwks' }), /exactly one/);
  assert.throws(() => new JWTBearer({} as never), /exactly one/);
  assert.deepEqual(new JWTBearer({ publicKey: ec.publicKey }).algorithms, ['ES256']);
});

test('JWKS: keys are fetched once, cached, fetched again for a new kid (rotation), and a retired key is refused', async () => {
  const first = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const second = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  let keys = [{ ...(await exportJWK(first.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' }];
  let fetches = 0;
  const jwksServer = createServer((_req, res) => {
    fetches++;
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ keys }));
  });
  jwksServer.listen(0, '127.0.0.1');
  await once(jwksServer, 'listening');
  const { port } = jwksServer.address() as { port: number };
  // Without the verified-token cache, so a retired key's token is checked against the new set at once.
  const jwks = new JWTBearer({ jwksUrl: `http://127.0.0.1:${port}/.well-known/jwks.json`, audience: 'api', jwksCooldownMs: 0, cacheSize: 0 });

  @Controller()
  class JwksController {
    @Get('/me')
    me(@Security(jwks) claims: JWTPayload) {
      return { sub: claims.sub };
    }
  }
  @Module({ controllers: [JwksController] })
  class JwksModule {}
  const app = await bootstrap(JwksModule, { logStartup: false, handleSignals: false });
  const base = await app.serve({ port: 0 });
  try {
    const oldToken = await sign({ sub: 'one', aud: 'api' }, first.privateKey, 'RS256', { kid: 'k1' });
    assert.deepEqual((await call(`${base}/me`, bearer(oldToken))).body, { sub: 'one' });
    assert.deepEqual((await call(`${base}/me`, bearer(oldToken))).body, { sub: 'one' });
    assert.equal(fetches, 1, 'the key set is cached');

    keys = [{ ...(await exportJWK(second.publicKey)), kid: 'k2', alg: 'ES256', use: 'sig' }];
    const newToken = await sign({ sub: 'two', aud: 'api' }, second.privateKey, 'ES256', { kid: 'k2' });
    assert.deepEqual((await call(`${base}/me`, bearer(newToken))).body, { sub: 'two' });
    assert.equal(fetches, 2, 'an unknown kid fetches the set again');

    const retired = await call(`${base}/me`, bearer(oldToken));
    assert.equal(retired.status, 401);
    assert.deepEqual(retired.body, { detail: 'Invalid token' });
    assert.equal((await call(`${base}/me`, bearer(await sign({ sub: 'x', aud: 'api' }, first.privateKey, 'RS256', { kid: 'k9' })))).status, 401);
  } finally {
    await app.close();
    jwksServer.close();
  }
});

test('JWKS: an unreachable key server is 503, not a 401 blaming the client', async () => {
  const closed = createServer();
  closed.listen(0, '127.0.0.1');
  await once(closed, 'listening');
  const { port } = closed.address() as { port: number };
  await new Promise((resolve) => closed.close(resolve));
  const jwks = new JWTBearer({ jwksUrl: `http://127.0.0.1:${port}/jwks.json`, jwksTimeoutMs: 2000 });
  const token = await sign({ sub: 'x' }, rsa.privateKey, 'RS256', { kid: 'k1' });
  await assert.rejects(jwks.verify(token), (err: { status: number; detail: string }) => err.status === 503 && err.detail === 'Token signing keys unavailable');
});

test('a verified token is remembered until its exp, then refused as expired', async () => {
  const cached = new JWTBearer({ secret: SECRET, cacheSize: 10 });
  // `now()` is whole seconds, so `+ 1` may be a millisecond away: two leave at least a second
  // for signing and the first two checks on a loaded machine.
  const exp = now() + 2;
  const token = await sign({ sub: 'brief', exp }, secretKey, 'HS256');
  assert.equal((await cached.verify(token)).sub, 'brief');
  assert.equal((await cached.verify(token)).sub, 'brief');
  // Wait for the clock to pass exp (two seconds at most), then the remembered token is refused.
  while (Date.now() < (exp + 0.05) * 1000) await new Promise((resolve) => setTimeout(resolve, 50));
  await assert.rejects(cached.verify(token), (err: { status: number; detail: string }) => err.status === 401 && err.detail === 'Token expired');
});

test('the verified-token cache is bounded in count and in time', () => {
  const cache = new VerifiedCache(2, 60_000, 0);
  const exp = now() + 300;
  cache.set('a', { sub: 'a', exp });
  cache.set('b', { sub: 'b', exp });
  cache.set('c', { sub: 'c', exp });
  assert.equal(cache.get('a'), undefined, 'the oldest entry went first');
  assert.deepEqual(cache.get('c'), { sub: 'c', exp });
  const short = new VerifiedCache(2, 0, 0);
  short.set('a', { sub: 'a', exp });
  assert.equal(short.get('a'), undefined, 'past its TTL an entry is verified again');
  const none = new VerifiedCache(0, 60_000, 0);
  none.set('a', { sub: 'a', exp });
  assert.equal(none.get('a'), undefined);
});
