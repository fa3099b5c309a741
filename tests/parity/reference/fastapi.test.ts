import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TestClient } from 'zigmund/testing';
import { app, events } from '../../../samples/parity/reference/fastapi.js';

const client = new TestClient(app);

test('reference/fastapi: the route methods, middleware and exception handlers', async () => {
  const got = await client.get('/items/3');
  assert.deepEqual(got.json(), { id: '3' });
  assert.equal(got.headers['x-process'], 'yes');
  assert.deepEqual((await client.put('/items/3')).json(), { updated: true });
  assert.deepEqual((await client.post('/items')).json(), { created: true });
  assert.deepEqual((await client.patch('/items/3')).json(), { patched: true });
  assert.equal((await client.delete('/items/3')).status, 204);
  assert.equal((await client.options('/items')).status, 204);
  assert.equal((await client.head('/items')).status, 200);
  const teapot = await client.get('/teapot');
  assert.equal(teapot.status, 418);
  assert.deepEqual(teapot.json(), { detail: 'I am a teapot' });
  assert.equal(teapot.headers['x-process'], 'yes');
  assert.deepEqual((await client.get('/missing')).json(), { detail: 'Nope' });
  const conn = await client.websocketConnect('/ws');
  assert.equal((await conn.receive()).text(), 'hello');
});

test('reference/fastapi: the document options: info, servers, URLs and operation ids', async () => {
  const doc = (await client.get('/schema.json')).json() as Record<string, any>;
  assert.deepEqual(doc.info, { title: 'Reference API', version: '3.0.0', description: 'The **FastAPI** class, in Zigmund' });
  assert.deepEqual(doc.servers, [{ url: 'https://api.example.com' }]);
  assert.equal(doc.paths['/items/{id}'].get.operationId, 'op_get__items_id');
  assert.equal((await client.get('/openapi.json')).status, 404);
  assert.equal((await client.get('/swagger')).status, 200);
  assert.equal((await client.get('/redoc')).status, 404);
});

test('reference/fastapi: the lifespan and dependency overrides', async () => {
  await app.startup();
  assert.deepEqual(events, ['startup']);
  assert.ok(app.dependencyOverrides instanceof Map);
  await app.close();
  assert.deepEqual(events, ['startup', 'shutdown']);
});

test('reference/fastapi: app.state and the app-wide dependencies', async () => {
  const fresh = (app.state.requests as number | undefined) ?? 0;
  const res = await client.get('/state');
  assert.equal(res.status, 200);
  assert.deepEqual(res.json(), { owner: 'reference', requests: fresh + 1 });
  await client.get('/items/1');
  assert.equal(app.state.requests, fresh + 2);
});

test('reference/fastapi: the app\'s responses on every route, and the OAuth2 redirect page\'s URL', async () => {
  const doc = (await client.get('/schema.json')).json() as Record<string, any>;
  assert.equal(doc.paths['/items/{id}'].get.responses['500'].description, 'Unexpected error');
  assert.equal(doc.paths['/items'].post.responses['500'].description, 'Unexpected error');
  assert.equal((await client.get('/swagger/callback')).status, 200);
  assert.match((await client.get('/swagger/swagger-init.js')).text, /"\/swagger\/callback"/);
});

test('reference/fastapi: trace and include_router', async () => {
  assert.deepEqual((await client.trace('/items')).json(), { traced: true });
  assert.deepEqual((await client.get('/v1/users/me')).json(), { username: 'fakecurrentuser' });
  const doc = (await client.get('/schema.json')).json() as Record<string, any>;
  assert.deepEqual(doc.paths['/v1/users/me'].get.tags, ['users']);
  assert.ok(doc.paths['/items'].trace);
});

test('reference/fastapi: frontend serves the build after the routes, index.html to navigations, through the app\'s middleware', async () => {
  const css = await client.get('/ui/assets/app.css');
  assert.equal(css.status, 200);
  assert.match(css.headers['content-type'] as string, /^text\/css/);
  assert.equal(css.text, '#root { font-family: sans-serif; }\n');
  assert.equal(css.headers['x-process'], 'yes');
  const nav = await client.get('/ui/settings/profile', { headers: { accept: 'text/html' } });
  assert.equal(nav.status, 200);
  assert.match(nav.text, /<title>Reference UI<\/title>/);
  assert.equal((await client.get('/ui/assets/missing.js')).status, 404);
  assert.deepEqual((await client.get('/ui/config', { headers: { accept: 'text/html' } })).json(), { theme: 'dark' });
  assert.equal(app.openapi().paths['/ui/{path}'], undefined);
});

