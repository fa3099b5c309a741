import 'reflect-metadata';
import { after, test } from 'node:test';
import { once } from 'node:events';
import { WebSocket as WsClient } from 'ws';
import assert from 'node:assert/strict';
import { createApp, Response, securityHeaders, TestClient, type Connection } from 'zigmund';

test("securityHeaders() sets helmet's default set on every answer, errors included", async () => {
  const app = createApp({ logStartup: false });
  app.get('/page', () => Response.html('<p>hi</p>'));
  app.use(securityHeaders());
  const client = new TestClient(app);
  for (const res of [await client.get('/page'), await client.get('/missing')]) {
    assert.match(String(res.headers['content-security-policy']), /^default-src 'self';.*object-src 'none';script-src 'self';/);
    assert.equal(res.headers['cross-origin-opener-policy'], 'same-origin');
    assert.equal(res.headers['cross-origin-resource-policy'], 'same-origin');
    assert.equal(res.headers['origin-agent-cluster'], '?1');
    assert.equal(res.headers['referrer-policy'], 'no-referrer');
    assert.equal(res.headers['strict-transport-security'], 'max-age=31536000; includeSubDomains');
    assert.equal(res.headers['x-content-type-options'], 'nosniff');
    assert.equal(res.headers['x-dns-prefetch-control'], 'off');
    assert.equal(res.headers['x-download-options'], 'noopen');
    assert.equal(res.headers['x-frame-options'], 'SAMEORIGIN');
    assert.equal(res.headers['x-permitted-cross-domain-policies'], 'none');
    assert.equal(res.headers['x-xss-protection'], '0');
  }
});

test('each header can be replaced, left out with false, or added; a header the route set is kept', async () => {
  const app = createApp({ logStartup: false });
  app.get('/page', (_req, res) => {
    res.setHeader('referrer-policy', 'same-origin');
    return 'page';
  });
  app.use(securityHeaders({ 'X-Frame-Options': 'DENY', 'strict-transport-security': false, 'permissions-policy': 'camera=()' }));
  const res = await new TestClient(app).get('/page');
  assert.equal(res.headers['x-frame-options'], 'DENY');
  assert.equal(res.headers['strict-transport-security'], undefined);
  assert.equal(res.headers['permissions-policy'], 'camera=()');
  assert.equal(res.headers['referrer-policy'], 'same-origin');
});

test('securityHeaders() refuses a value that is neither a string nor false', () => {
  assert.throws(() => securityHeaders({ 'x-frame-options': 1 as unknown as string }), /x-frame-options must be a string or false/);
  assert.throws(() => securityHeaders({ 'bad name': 'x' }), /"bad name" is not a header name/);
  assert.throws(() => securityHeaders({ 'x-frame-options': 'DENY\r\nset-cookie: a=b' }), /x-frame-options must be one line/);
});

test('the docs page loads under the default policy: no inline script, and its start-up script is served', async () => {
  const app = createApp({ logStartup: false });
  app.use(securityHeaders());
  const client = new TestClient(app);
  const page = await client.get('/docs');
  assert.match(String(page.headers['content-security-policy']), /script-src 'self';/);
  assert.doesNotMatch(page.text, /<script>/);
  const init = await client.get('/docs/swagger-init.js');
  assert.equal(init.status, 200);
  assert.equal(init.headers['content-type'], 'text/javascript; charset=utf-8');
  // ReDoc's page keeps its own policy.
  const redoc = await client.get('/redoc');
  assert.match(String(redoc.headers['content-security-policy']), /worker-src 'self' blob:/);
});

test('a WebSocket upgrade passes through, its 101 without document headers', async () => {
  const app = createApp({ logStartup: false });
  app.websocket('/ws', async (conn: Connection) => conn.sendText('hi'));
  app.use(securityHeaders());
  const base = (await app.serve({ port: 0 })).replace('http', 'ws');
  after(() => app.close());
  const ws = new WsClient(`${base}/ws`);
  const [[upgrade], [message]] = (await Promise.all([once(ws, 'upgrade'), once(ws, 'message')])) as [[{ statusCode: number; headers: Record<string, string> }], [Buffer]];
  assert.equal(upgrade.statusCode, 101);
  assert.equal(upgrade.headers['content-security-policy'], undefined);
  assert.equal(String(message), 'hi');
  ws.close();
});
