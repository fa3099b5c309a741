import 'reflect-metadata';
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { Connection, createApp, TestClient, trustedHost } from 'zigmund';
import { refusedStatus, TestPeer } from '../websocket/support.js';

function client(hosts: string[], problemDetails = false): TestClient {
  const app = createApp({ logStartup: false, problemDetails });
  app.get('/', () => 'ok');
  app.use(trustedHost({ hosts }));
  return new TestClient(app);
}

test('trustedHost() serves a listed host whatever the port, and answers 400 to any other', async () => {
  const c = client(['example.com']);
  assert.equal((await c.get('/', { headers: { host: 'example.com' } })).status, 200);
  assert.equal((await c.get('/', { headers: { host: 'EXAMPLE.com:8443' } })).status, 200);
  const refused = await c.get('/', { headers: { host: 'evil.com' } });
  assert.equal(refused.status, 400);
  assert.deepEqual(refused.json(), { detail: 'Invalid host header' });
  assert.equal((await c.get('/', { headers: { host: 'example.com.evil.com' } })).status, 400);
});

test('*.example.com matches subdomains at any depth but not the bare domain', async () => {
  const c = client(['*.example.com']);
  assert.equal((await c.get('/', { headers: { host: 'api.example.com' } })).status, 200);
  assert.equal((await c.get('/', { headers: { host: 'a.b.example.com:80' } })).status, 200);
  assert.equal((await c.get('/', { headers: { host: 'example.com' } })).status, 400);
  assert.equal((await c.get('/', { headers: { host: 'badexample.com' } })).status, 400);
});

test("'*' allows any host; IPv6 literals are compared without the port", async () => {
  assert.equal((await client(['*']).get('/', { headers: { host: 'anything' } })).status, 200);
  assert.equal((await client(['[::1]']).get('/', { headers: { host: '[::1]:8000' } })).status, 200);
});

test('with problemDetails the 400 is a problem document', async () => {
  const res = await client(['example.com'], true).get('/', { headers: { host: 'evil.com' } });
  assert.equal(res.headers['content-type'], 'application/problem+json');
  assert.equal(res.json<{ detail: string }>().detail, 'Invalid host header');
});

test('a WebSocket upgrade with a foreign Host is refused with 400', async () => {
  const app = createApp({ logStartup: false });
  app.websocket('/ws', async (conn: Connection) => conn.sendText('hi'));
  app.use(trustedHost({ hosts: ['127.0.0.1'] }));
  const base = (await app.serve({ port: 0 })).replace('http', 'ws');
  after(() => app.close());
  assert.equal((await refusedStatus(`${base}/ws`, [], { host: 'evil.com' })).status, 400);
  const peer = await TestPeer.open(`${base}/ws`);
  assert.equal(await peer.next(), 'hi');
});

test('trustedHost() refuses an empty list and a wildcard anywhere but the start', () => {
  assert.throws(() => trustedHost({ hosts: [] }), /at least one host/);
  assert.throws(() => trustedHost({ hosts: ['api.*.com'] }), /a wildcard may only open the name/);
});
