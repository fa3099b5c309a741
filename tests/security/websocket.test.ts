import 'reflect-metadata';
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage } from 'node:http';
import { generateKeyPairSync } from 'node:crypto';
import { once } from 'node:events';
import { SignJWT, exportJWK, type JWTPayload } from 'jose';
import { WebSocket as WsClient } from 'ws';
import { APIKeyQuery, Connection, Controller, HTTPBasic, JWTBearer, Module, Security, TestClient, WebSocket, WebSocketDenied, bootstrap, type HTTPBasicCredentials } from 'zigmund';
import { TestPeer } from '../websocket/support.js';
import { basic, serveForFile } from './support.js';

const SECRET = 'a-websocket-secret-of-32-bytes-or-more';
const jwt = new JWTBearer({ secret: SECRET, audience: 'chat' });
const apiKey = new APIKeyQuery({ name: 'key' });
const basicAuth = new HTTPBasic();
const signing = generateKeyPairSync('ec', { namedCurve: 'P-256' });
let jwksKeys: object[] = [];
const jwksServer = createServer((_req, res) => res.end(JSON.stringify({ keys: jwksKeys })));
jwksServer.listen(0, '127.0.0.1');
await once(jwksServer, 'listening');
after(() => jwksServer.close());
const jwks = new JWTBearer({ jwksUrl: `http://127.0.0.1:${(jwksServer.address() as { port: number }).port}/jwks`, jwksCooldownMs: 0, cacheSize: 0, schemeName: 'Jwks' });
let handlersStarted = 0;

@Controller()
class SecureSockets {
  @WebSocket('/chat', { subprotocols: ['chat.v1'] })
  async chat(conn: Connection, @Security(jwt, ['chat']) claims: JWTPayload) {
    handlersStarted++;
    await conn.sendText(`hello ${claims.sub}`);
    // The claims stay with the handler for the connection's life.
    for await (const msg of conn) await conn.sendText(`${claims.sub}: ${msg.text()}`);
  }

  @WebSocket('/guarded', { security: [Security(jwt, ['admin'])] })
  async guarded(conn: Connection) {
    handlersStarted++;
    await conn.sendText('admin');
  }

  @WebSocket('/key')
  async key(conn: Connection, @Security(apiKey) key: string) {
    await conn.sendText(`key ${key}`);
  }

  @WebSocket('/basic')
  async basic(conn: Connection, @Security(basicAuth) credentials: HTTPBasicCredentials) {
    await conn.sendText(`basic ${credentials.username}`);
  }

  @WebSocket('/jwks')
  async jwks(conn: Connection, @Security(jwks) claims: JWTPayload) {
    await conn.sendText(`jwks ${claims.sub}`);
  }
}

@Module({ controllers: [SecureSockets] })
class SocketsModule {}

const app = await bootstrap(SocketsModule, { logStartup: false, handleSignals: false });
const base = (await serveForFile(app)).replace('http', 'ws');
const now = () => Math.floor(Date.now() / 1000);
const token = (claims: JWTPayload) => new SignJWT({ aud: 'chat', exp: now() + 300, ...claims }).setProtectedHeader({ alg: 'HS256' }).sign(new TextEncoder().encode(SECRET));

/** The refusal of an upgrade: status, headers and body; fails if the socket opens. */
function refusal(url: string, protocols: string[] = [], headers: Record<string, string> = {}): Promise<{ status: number; headers: IncomingMessage['headers']; body: string }> {
  return new Promise((resolve, reject) => {
    const ws = new WsClient(url, protocols, { headers });
    ws.on('unexpected-response', (_req, res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    ws.on('open', () => reject(new Error('the upgrade was accepted')));
    ws.on('error', () => undefined);
  });
}

test('a token in the Authorization header opens the socket; the handler keeps the claims', async () => {
  const peer = await TestPeer.open(`${base}/chat`, [], { headers: { authorization: `Bearer ${await token({ sub: 'anna', scope: 'chat' })}` } });
  assert.equal(await peer.next(), 'hello anna');
  peer.ws.send('hi');
  assert.equal(await peer.next(), 'anna: hi');
  peer.ws.send('again');
  assert.equal(await peer.next(), 'anna: again');
  peer.ws.close(1000);
  assert.equal((await peer.closed).code, 1000);
});

test('a browser can send the token as ?token= in the query', async () => {
  const peer = await TestPeer.open(`${base}/chat?token=${await token({ sub: 'bo', scope: 'chat' })}`);
  assert.equal(await peer.next(), 'hello bo');
  peer.ws.close();
});

test('a bearer.<token> subprotocol entry authenticates and is never echoed as the chosen subprotocol', async () => {
  const jwtToken = await token({ sub: 'cy', scope: 'chat' });
  const peer = new TestPeer(`${base}/chat`, ['chat.v1', `bearer.${jwtToken}`]);
  // 'open' follows 'upgrade' in the same tick: both are awaited together.
  const [[response]] = (await Promise.all([once(peer.ws, 'upgrade'), once(peer.ws, 'open')])) as [[IncomingMessage], unknown];
  assert.equal(response.headers['sec-websocket-protocol'], 'chat.v1');
  assert.equal(peer.ws.protocol, 'chat.v1');
  assert.equal(await peer.next(), 'hello cy');
  peer.ws.close();
});

test('a missing token refuses the upgrade with 401 and a Bearer challenge; no handler runs', async () => {
  const before = handlersStarted;
  const res = await refusal(`${base}/chat`);
  assert.equal(res.status, 401);
  assert.equal(res.headers['www-authenticate'], 'Bearer');
  assert.deepEqual(JSON.parse(res.body), { detail: 'Not authenticated' });
  assert.equal(handlersStarted, before);
});

test('an expired, not-yet-valid, wrongly signed, alg:none or wrong-audience token is 401 invalid_token before the upgrade', async () => {
  const before = handlersStarted;
  const part = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
  const cases: [string, string][] = [
    [await token({ sub: 'a', scope: 'chat', exp: now() - 10 }), 'Token expired'],
    [await token({ sub: 'a', scope: 'chat', nbf: now() + 600 }), 'Token not valid yet'],
    [await token({ sub: 'a', scope: 'chat', aud: 'other' }), 'Token audience not accepted'],
    [`${part({ alg: 'none' })}.${part({ sub: 'a', scope: 'chat', aud: 'chat', exp: now() + 60 })}.`, 'Token algorithm not accepted'],
    [(await token({ sub: 'a', scope: 'chat' })).slice(0, -3) + 'AAA', 'Invalid token'],
  ];
  for (const [bad, detail] of cases) {
    for (const url of [`${base}/chat?token=${bad}`]) {
      const res = await refusal(url);
      assert.equal(res.status, 401, detail);
      assert.deepEqual(JSON.parse(res.body), { detail });
      assert.equal(res.headers['www-authenticate'], `Bearer error="invalid_token", error_description="${detail}"`);
      assert.ok(!res.body.includes(bad), 'the token is not echoed');
    }
  }
  const viaProtocol = await refusal(`${base}/chat`, ['chat.v1', `bearer.${cases[0][0]}`]);
  assert.equal(viaProtocol.status, 401);
  assert.equal(handlersStarted, before);
});

test('a token without the required scope is 403 insufficient_scope; the route security option counts too', async () => {
  const before = handlersStarted;
  const noChat = await refusal(`${base}/chat`, [], { authorization: `Bearer ${await token({ sub: 'a', scope: 'other' })}` });
  assert.equal(noChat.status, 403);
  assert.match(String(noChat.headers['www-authenticate']), /^Bearer error="insufficient_scope".*scope="chat"$/);
  const notAdmin = await refusal(`${base}/guarded?token=${await token({ sub: 'a', scope: 'chat' })}`);
  assert.equal(notAdmin.status, 403);
  assert.equal(handlersStarted, before);
  const admin = await TestPeer.open(`${base}/guarded?token=${await token({ sub: 'a', scope: 'admin' })}`);
  assert.equal(await admin.next(), 'admin');
});

test('API keys and HTTP Basic guard WebSocket upgrades too', async () => {
  const keyed = await TestPeer.open(`${base}/key?key=k1`);
  assert.equal(await keyed.next(), 'key k1');
  assert.equal((await refusal(`${base}/key`)).status, 401);
  const user = await TestPeer.open(`${base}/basic`, [], { headers: { authorization: basic('anna', 'pw') } });
  assert.equal(await user.next(), 'basic anna');
  const noUser = await refusal(`${base}/basic`);
  assert.equal(noUser.status, 401);
  assert.equal(noUser.headers['www-authenticate'], 'Basic realm="api", charset="UTF-8"');
});

test('JWKS over a WebSocket upgrade: a rotated key is fetched and accepted', async () => {
  const first = generateKeyPairSync('rsa', { modulusLength: 2048 });
  jwksKeys = [{ ...(await exportJWK(first.publicKey)), kid: 'r1', alg: 'RS256' }];
  const t1 = await new SignJWT({ sub: 'one', exp: now() + 60 }).setProtectedHeader({ alg: 'RS256', kid: 'r1' }).sign(first.privateKey);
  const one = await TestPeer.open(`${base}/jwks?token=${t1}`);
  assert.equal(await one.next(), 'jwks one');
  jwksKeys = [{ ...(await exportJWK(signing.publicKey)), kid: 'e2', alg: 'ES256' }];
  const t2 = await new SignJWT({ sub: 'two', exp: now() + 60 }).setProtectedHeader({ alg: 'ES256', kid: 'e2' }).sign(signing.privateKey);
  const two = await TestPeer.open(`${base}/jwks?token=${t2}`);
  assert.equal(await two.next(), 'jwks two');
  assert.equal((await refusal(`${base}/jwks?token=${t1}`)).status, 401);
});

test('the TestClient sees the same refusal, with its challenge, and connects with a token', async () => {
  const client = new TestClient(app);
  await assert.rejects(client.websocketConnect('/chat'), (err) => {
    assert.ok(err instanceof WebSocketDenied);
    assert.equal(err.status, 401);
    assert.equal(err.headers['www-authenticate'], 'Bearer');
    assert.deepEqual(err.json(), { detail: 'Not authenticated' });
    return true;
  });
  const conn = await client.websocketConnect('/chat', { subprotocols: ['chat.v1', `bearer.${await token({ sub: 'tc', scope: 'chat' })}`] });
  assert.equal(conn.subprotocol, 'chat.v1');
  assert.equal((await conn.receive()).text(), 'hello tc');
  await conn.close();
});
