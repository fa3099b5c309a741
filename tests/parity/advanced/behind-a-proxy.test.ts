import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TestClient } from 'zigmund/testing';
import { itemsApp, rootPathApp, serversApp, serversOnlyApp } from '../../../samples/parity/advanced/behind-a-proxy.js';

const stagingAndProd = [
  { url: 'https://stag.example.com', description: 'Staging environment' },
  { url: 'https://prod.example.com', description: 'Production environment' },
];

test('advanced/behind-a-proxy: the redirect to the trailing slash keeps the path; the route answers', async () => {
  const client = new TestClient(itemsApp);
  let res = await client.get('/items', { headers: { 'x-forwarded-proto': 'https', host: 'example.com' } });
  assert.equal(res.status, 307);
  assert.equal(res.headers.location, '/items/');
  res = await client.get('/items/');
  assert.equal(res.status, 200);
  assert.deepEqual(res.json(), ['plumbus', 'portal gun']);
});

test('advanced/behind-a-proxy: a proxy that strips the prefix — the app still knows its root path', async () => {
  const client = new TestClient(rootPathApp);
  const res = await client.get('/app');
  assert.equal(res.status, 200);
  assert.deepEqual(res.json(), { message: 'Hello World', root_path: '/api/v1' });
});

test('advanced/behind-a-proxy: a proxy that keeps the prefix — routed without it', async () => {
  const client = new TestClient(rootPathApp);
  const res = await client.get('/api/v1/app');
  assert.equal(res.status, 200);
  assert.deepEqual(res.json(), { message: 'Hello World', root_path: '/api/v1' });
});

test('advanced/behind-a-proxy: the served document lists the root path as its first server', async () => {
  const doc = (await new TestClient(rootPathApp).get('/openapi.json')).json() as { servers: unknown };
  assert.deepEqual(doc.servers, [{ url: '/api/v1' }]);
});

test('advanced/behind-a-proxy: additional servers come after the root path', async () => {
  const client = new TestClient(serversApp);
  assert.deepEqual((await client.get('/app')).json(), { message: 'Hello World', root_path: '/api/v1' });
  const doc = (await client.get('/openapi.json')).json() as { servers: unknown };
  assert.deepEqual(doc.servers, [{ url: '/api/v1' }, ...stagingAndProd]);
});

test('advanced/behind-a-proxy: rootPathInServers: false keeps only the servers given', async () => {
  const client = new TestClient(serversOnlyApp);
  assert.deepEqual((await client.get('/app')).json(), { message: 'Hello World', root_path: '/api/v1' });
  const doc = (await client.get('/openapi.json')).json() as { servers: unknown };
  assert.deepEqual(doc.servers, stagingAndProd);
});

test('advanced/behind-a-proxy: the docs page loads the document through the root path', async () => {
  const client = new TestClient(rootPathApp);
  const page = await client.get('/docs');
  assert.equal(page.status, 200);
  assert.match(page.text, /<script src="\/api\/v1\/docs\/swagger-init\.js"><\/script>/);
  const init = await client.get('/docs/swagger-init.js');
  assert.match(init.text, /"url":"\/api\/v1\/openapi\.json"/);
});
