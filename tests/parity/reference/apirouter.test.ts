import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TestClient } from 'zigmund/testing';
import { app, routerApp } from '../../../samples/parity/reference/apirouter.js';

const client = new TestClient(app);
const token = { headers: { 'x-token': 'fake-super-secret-token' } };

test('reference/apirouter: the prefix and every method of the router', async () => {
  assert.deepEqual((await client.get('/items/', token)).json(), { plumbus: { name: 'Plumbus' }, gun: { name: 'Portal Gun' } });
  assert.deepEqual((await client.get('/items/foo', token)).json(), { name: 'Fake Specific Item', item_id: 'foo' });
  assert.deepEqual((await client.put('/items/foo', token)).json(), { item_id: 'foo', name: 'The great Plumbus' });
  assert.deepEqual((await client.post('/items/', token)).json(), { created: true });
  assert.deepEqual((await client.patch('/items/foo', token)).json(), { patched: 'foo' });
  assert.equal((await client.delete('/items/foo', token)).status, 204);
  assert.equal((await client.head('/items/', token)).headers['x-items'], '2');
  assert.equal((await client.options('/items/', token)).status, 204);
  const conn = await client.websocketConnect('/items/ws', token);
  assert.equal((await conn.receive()).text(), 'items live');
});

test('reference/apirouter: the router\'s dependencies run for every route', async () => {
  const res = await client.get('/items/foo', { headers: { 'x-token': 'wrong' } });
  assert.equal(res.status, 400);
  assert.deepEqual(res.json(), { detail: 'X-Token header invalid' });
  assert.equal((await client.get('/items/')).status, 422);
});

test('reference/apirouter: the router\'s tags, then the route\'s', () => {
  const doc = app.openapi();
  assert.deepEqual(doc.paths['/items/{item_id}']!.get!.tags, ['items']);
  assert.deepEqual(doc.paths['/items/{item_id}']!.put!.tags, ['items', 'custom']);
  assert.ok(doc.paths['/items/{item_id}']!.get!.parameters!.some((p) => p.name === 'x-token' && p.in === 'header'));
});

test('reference/apirouter: the router\'s responses, under each route\'s own', () => {
  const doc = app.openapi();
  assert.equal(doc.paths['/items/{item_id}']!.get!.responses['404']!.description, 'Not found');
  assert.equal(doc.paths['/items/']!.post!.responses['404']!.description, 'Not found');
});

test('reference/apirouter: a deprecated router, and one left out of the schema that still answers', async () => {
  const doc = app.openapi();
  assert.equal(doc.paths['/legacy/items']!.get!.deprecated, true);
  assert.equal(doc.paths['/internal/health'], undefined);
  assert.deepEqual((await client.get('/internal/health')).json(), { ok: true });
});

const routed = new TestClient(routerApp);

test('reference/apirouter: createRouter() and includeRouter(), nested, under the prefixes', async () => {
  assert.deepEqual((await routed.get('/api/v1/items/', token)).json(), { plumbus: { name: 'Plumbus' }, gun: { name: 'Portal Gun' } });
  assert.deepEqual((await routed.get('/api/v1/items/foo', token)).json(), { name: 'Fake Specific Item', item_id: 'foo' });
  assert.deepEqual((await routed.put('/api/v1/items/foo', token)).json(), { item_id: 'foo', name: 'The great Plumbus' });
  assert.deepEqual((await routed.trace('/api/v1/items/', token)).json(), { traced: true });
  const conn = await routed.websocketConnect('/api/v1/items/ws', token);
  assert.equal((await conn.receive()).text(), 'items live');
  const refused = await routed.get('/api/v1/items/foo', { headers: { 'x-token': 'wrong' } });
  assert.equal(refused.status, 400);
  assert.deepEqual(refused.json(), { detail: 'X-Token header invalid' });
});

test('reference/apirouter: tags outermost first, responses of the router and of the inclusion', () => {
  const paths = routerApp.openapi().paths;
  const put = paths['/api/v1/items/{item_id}']!.put!;
  assert.deepEqual(put.tags, ['v1', 'items', 'custom']);
  assert.equal(put.responses['404']!.description, 'Not found');
  assert.equal(put.responses['418']!.description, "I'm a teapot");
  assert.ok(paths['/api/v1/items/']!.trace);
});

test('reference/apirouter: frontend, served under the prefixes of the router and its inclusions once included', async () => {
  const css = await routed.get('/api/v1/ui/assets/app.css');
  assert.equal(css.status, 200);
  assert.equal(css.text, '#root { font-family: sans-serif; }\n');
  const nav = await routed.get('/api/v1/ui/settings', { headers: { accept: 'text/html' } });
  assert.equal(nav.status, 200);
  assert.match(nav.text, /<title>Reference UI<\/title>/);
  assert.equal((await routed.get('/ui/assets/app.css')).status, 404);
  assert.equal(routerApp.openapi().paths['/api/v1/ui/{path}'], undefined);
});

