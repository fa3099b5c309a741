import 'reflect-metadata';
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { Connection, cors, createApp, TestClient, type CorsOptions } from 'zigmund';
import { refusedStatus, TestPeer } from '../websocket/support.js';

function clientWith(options: CorsOptions): TestClient {
  const app = createApp({ logStartup: false });
  app.get('/items', (_req, res) => {
    res.setHeader('x-total', '3');
    return [1, 2, 3];
  });
  app.post('/items', () => ({ created: true }));
  app.use(cors(options));
  return new TestClient(app);
}

const APP = 'https://app.example';

test('a simple request from an allowed origin gets Access-Control-Allow-Origin with that origin and Vary: Origin', async () => {
  const client = clientWith({ allowOrigins: [APP], exposeHeaders: ['x-total'] });
  const res = await client.get('/items', { headers: { origin: APP } });
  assert.equal(res.status, 200);
  assert.deepEqual(res.json(), [1, 2, 3]);
  assert.equal(res.headers['access-control-allow-origin'], APP);
  assert.equal(res.headers['access-control-expose-headers'], 'x-total');
  assert.equal(res.headers.vary, 'Origin');
  assert.equal(res.headers['access-control-allow-credentials'], undefined);
});

test('a disallowed origin gets the answer without any Access-Control header, still with Vary: Origin', async () => {
  const client = clientWith({ allowOrigins: [APP] });
  const res = await client.get('/items', { headers: { origin: 'https://evil.example' } });
  assert.equal(res.status, 200);
  assert.equal(res.headers['access-control-allow-origin'], undefined);
  assert.equal(res.headers['access-control-expose-headers'], undefined);
  assert.equal(res.headers.vary, 'Origin');
});

test('a request without Origin is not touched', async () => {
  const res = await clientWith({ allowOrigins: [APP] }).get('/items');
  assert.equal(res.headers['access-control-allow-origin'], undefined);
  assert.equal(res.headers.vary, undefined);
});

test("allowOrigins ['*'] answers '*' without Vary; with allowCredentials it echoes the origin instead", async () => {
  const open = await clientWith({ allowOrigins: ['*'] }).get('/items', { headers: { origin: APP } });
  assert.equal(open.headers['access-control-allow-origin'], '*');
  assert.equal(open.headers.vary, undefined);
  const withCookies = await clientWith({ allowOrigins: ['*'], allowCredentials: true }).get('/items', { headers: { origin: APP } });
  assert.equal(withCookies.headers['access-control-allow-origin'], APP);
  assert.equal(withCookies.headers['access-control-allow-credentials'], 'true');
  assert.equal(withCookies.headers.vary, 'Origin');
});

test('allowOriginRegex must match the whole origin', async () => {
  const client = clientWith({ allowOriginRegex: 'https://[a-z]+\\.example\\.org' });
  const ok = await client.get('/items', { headers: { origin: 'https://shop.example.org' } });
  assert.equal(ok.headers['access-control-allow-origin'], 'https://shop.example.org');
  const suffix = await client.get('/items', { headers: { origin: 'https://shop.example.org.evil.com' } });
  assert.equal(suffix.headers['access-control-allow-origin'], undefined);
  const asRegExp = clientWith({ allowOriginRegex: /https:\/\/APP\.example/i });
  assert.equal((await asRegExp.get('/items', { headers: { origin: 'https://app.example' } })).headers['access-control-allow-origin'], 'https://app.example');
});

test('a preflight for an allowed origin, method and headers answers 200 with the allowed methods, headers, max age and Vary', async () => {
  const client = clientWith({ allowOrigins: [APP], allowMethods: ['GET', 'POST'], allowHeaders: ['X-Token'], allowCredentials: true, maxAge: 120 });
  const res = await client.request('OPTIONS', '/items', {
    headers: { origin: APP, 'access-control-request-method': 'POST', 'access-control-request-headers': 'x-token, content-type' },
  });
  assert.equal(res.status, 200);
  assert.equal(res.text, 'OK');
  assert.equal(res.headers['access-control-allow-origin'], APP);
  assert.equal(res.headers['access-control-allow-methods'], 'GET, POST');
  assert.equal(res.headers['access-control-allow-headers'], 'accept, accept-language, content-language, content-type, x-token');
  assert.equal(res.headers['access-control-allow-credentials'], 'true');
  assert.equal(res.headers['access-control-max-age'], '120');
  assert.equal(res.headers.vary, 'Origin');
});

test('a preflight reaches cors() on a path with no OPTIONS route, and on an unknown path', async () => {
  const client = clientWith({ allowOrigins: [APP] });
  const res = await client.request('OPTIONS', '/nowhere', { headers: { origin: APP, 'access-control-request-method': 'GET' } });
  assert.equal(res.status, 200);
  assert.equal(res.headers['access-control-max-age'], '600');
  assert.equal(res.headers['access-control-allow-methods'], 'GET');
});

test('a preflight with a disallowed origin, method or header is a 400 naming what failed, without Access-Control-Allow-Origin', async () => {
  const client = clientWith({ allowOrigins: [APP], allowHeaders: ['x-token'] });
  const origin = await client.request('OPTIONS', '/items', { headers: { origin: 'https://evil.example', 'access-control-request-method': 'GET' } });
  assert.equal(origin.status, 400);
  assert.equal(origin.text, 'Disallowed CORS origin');
  assert.equal(origin.headers['access-control-allow-origin'], undefined);
  const method = await client.request('OPTIONS', '/items', { headers: { origin: APP, 'access-control-request-method': 'DELETE' } });
  assert.equal(method.status, 400);
  assert.equal(method.text, 'Disallowed CORS method');
  const header = await client.request('OPTIONS', '/items', {
    headers: { origin: APP, 'access-control-request-method': 'GET', 'access-control-request-headers': 'x-token, x-secret' },
  });
  assert.equal(header.status, 400);
  assert.equal(header.text, 'Disallowed CORS headers');
});

test("allowMethods and allowHeaders ['*'] allow any method and echo the requested headers", async () => {
  const client = clientWith({ allowOrigins: [APP], allowMethods: ['*'], allowHeaders: ['*'] });
  const res = await client.request('OPTIONS', '/items', {
    headers: { origin: APP, 'access-control-request-method': 'PATCH', 'access-control-request-headers': 'X-Anything' },
  });
  assert.equal(res.status, 200);
  assert.equal(res.headers['access-control-allow-methods'], 'DELETE, GET, HEAD, OPTIONS, PATCH, POST, PUT');
  assert.equal(res.headers['access-control-allow-headers'], 'x-anything');
});

test('an OPTIONS request without Access-Control-Request-Method is not a preflight and reaches the routes', async () => {
  const res = await clientWith({ allowOrigins: [APP] }).request('OPTIONS', '/items', { headers: { origin: APP } });
  assert.equal(res.status, 405);
  assert.equal(res.headers['access-control-allow-origin'], APP);
});

test('Vary keeps what the answer already varied by', async () => {
  const app = createApp({ logStartup: false });
  app.get('/v', (_req, res) => {
    res.setHeader('vary', 'Accept-Encoding');
    return 'v';
  });
  app.use(cors({ allowOrigins: [APP] }));
  const res = await new TestClient(app).get('/v', { headers: { origin: APP } });
  assert.equal(res.headers.vary, 'Accept-Encoding, Origin');
});

test('a WebSocket upgrade from a disallowed Origin is refused with 403; an allowed one opens', async () => {
  const app = createApp({ logStartup: false });
  app.websocket('/ws', async (conn: Connection) => conn.sendText('hi'));
  app.use(cors({ allowOrigins: [APP] }));
  const base = (await app.serve({ port: 0 })).replace('http', 'ws');
  after(() => app.close());
  const refused = await refusedStatus(`${base}/ws`, [], { origin: 'https://evil.example' });
  assert.equal(refused.status, 403);
  assert.deepEqual(JSON.parse(refused.body), { detail: 'Origin "https://evil.example" is not allowed' });
  const peer = await TestPeer.open(`${base}/ws`, [], { headers: { origin: APP } });
  assert.equal(await peer.next(), 'hi');
  assert.equal((await peer.closed).code, 1000);
});

test('cors() refuses a maxAge that is not a whole number of seconds', () => {
  assert.throws(() => cors({ maxAge: -1 }), /maxAge must be a whole number/);
});
