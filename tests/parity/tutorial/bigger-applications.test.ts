import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createApp, createRouter } from 'zigmund';
import { TestClient } from 'zigmund/testing';
import { app } from '../../../samples/parity/tutorial/bigger-applications.js';
import { getQueryToken } from '../../../samples/parity/tutorial/bigger-applications/dependencies.js';
import { router as items } from '../../../samples/parity/tutorial/bigger-applications/routers/items.js';
import { router as users } from '../../../samples/parity/tutorial/bigger-applications/routers/users.js';

const topic = 'tutorial/bigger-applications';
const client = new TestClient(app);
const goodToken = { 'x-token': 'fake-super-secret-token' };
const missing = (loc: [string, string]) => ({ type: 'missing', loc, msg: 'Field required', input: null });
const noQueryToken = { detail: [missing(['query', 'token'])] };

async function expect(method: 'get' | 'put' | 'post', path: string, headers: Record<string, string>, status: number, body: unknown) {
  const res = await client[method](path, { headers });
  assert.equal(res.status, status, `${method} ${path}: ${res.text}`);
  assert.deepEqual(res.json(), body, `${method} ${path}`);
}

test(`${topic}: /users and /items redirect to the slashed route keeping the query, which FastAPI's client follows`, async () => {
  const res = await client.get('/users?token=jessica');
  assert.equal(res.status, 307);
  assert.equal(res.headers.location, '/users/?token=jessica');
  await expect('get', res.headers.location as string, {}, 200, [{ username: 'Rick' }, { username: 'Morty' }]);
  const refused = await client.get('/users');
  assert.equal(refused.headers.location, '/users/');
  await expect('get', refused.headers.location as string, {}, 422, noQueryToken);
  const itemsRes = await client.get('/items?token=jessica', { headers: goodToken });
  assert.equal(itemsRes.status, 307);
  assert.equal(itemsRes.headers.location, '/items/?token=jessica');
});

test(`${topic}: the users routes need the app-wide query token`, async () => {
  await expect('get', '/users/?token=jessica', {}, 200, [{ username: 'Rick' }, { username: 'Morty' }]);
  await expect('get', '/users/', {}, 422, noQueryToken);
  await expect('get', '/users/foo?token=jessica', {}, 200, { username: 'foo' });
  await expect('get', '/users/foo', {}, 422, noQueryToken);
  await expect('get', '/users/me?token=jessica', {}, 200, { username: 'fakecurrentuser' });
  await expect('get', '/users/me', {}, 422, noQueryToken);
  await expect('get', '/users/?token=monica', {}, 400, { detail: 'No Jessica token provided' });
});

test(`${topic}: the items routes also need the controller's X-Token header`, async () => {
  await expect('get', '/items/?token=jessica', goodToken, 200, { plumbus: { name: 'Plumbus' }, gun: { name: 'Portal Gun' } });
  await expect('get', '/items/', goodToken, 422, noQueryToken);
  await expect('get', '/items/plumbus?token=jessica', goodToken, 200, { name: 'Plumbus', item_id: 'plumbus' });
  await expect('get', '/items/bar?token=jessica', goodToken, 404, { detail: 'Item not found' });
  await expect('get', '/items/plumbus', goodToken, 422, noQueryToken);
  await expect('get', '/items/?token=jessica', { 'x-token': 'invalid' }, 400, { detail: 'X-Token header invalid' });
  await expect('get', '/items/bar?token=jessica', { 'x-token': 'invalid' }, 400, { detail: 'X-Token header invalid' });
  await expect('get', '/items/?token=jessica', {}, 422, { detail: [missing(['header', 'x-token'])] });
  await expect('get', '/items/plumbus?token=jessica', {}, 422, { detail: [missing(['header', 'x-token'])] });
});

test(`${topic}: the root needs the query token`, async () => {
  await expect('get', '/?token=jessica', {}, 200, { message: 'Hello Bigger Applications!' });
  await expect('get', '/', {}, 422, noQueryToken);
});

test(`${topic}: PUT on an item: both inputs missing, a dependency runs as soon as its own input is valid`, async () => {
  await expect('put', '/items/foo', {}, 422, { detail: [missing(['query', 'token']), missing(['header', 'x-token'])] });
  await expect('put', '/items/foo', { 'x-token': 'invalid' }, 400, { detail: 'X-Token header invalid' });
  await expect('put', '/items/plumbus?token=jessica', goodToken, 200, { item_id: 'plumbus', name: 'The great Plumbus' });
  await expect('put', '/items/bar?token=jessica', goodToken, 403, { detail: 'You can only update the item: plumbus' });
});

test(`${topic}: the admin routes`, async () => {
  await expect('post', '/admin/?token=jessica', goodToken, 200, { message: 'Admin getting schwifty' });
  await expect('post', '/admin/', { 'x-token': 'invalid' }, 400, { detail: 'X-Token header invalid' });
});

test(`${topic}: the document: paths in the page's order, summaries, tags, the dependencies' parameters, the routers' responses`, () => {
  type Op = { tags?: string[]; summary: string; parameters?: { name: string; in: string; required: boolean }[]; responses: Record<string, unknown> };
  const paths = app.openapi().paths as Record<string, Record<string, Op>>;
  assert.deepEqual(Object.keys(paths), ['/users/', '/users/me', '/users/{username}', '/items/', '/items/{item_id}', '/admin/', '/']);
  const params = (op: Op) => op.parameters!.map((p) => [p.name, p.in, p.required]);
  const token = ['token', 'query', true];
  const xToken = ['x-token', 'header', true];
  const summaries = Object.values(paths).flatMap((ops) => Object.values(ops).map((op) => op.summary));
  assert.deepEqual(summaries, ['Read Users', 'Read User Me', 'Read User', 'Read Items', 'Read Item', 'Update Item', 'Update Admin', 'Root']);

  for (const path of ['/users/', '/users/me', '/users/{username}']) {
    assert.deepEqual(paths[path]!.get!.tags, ['users']);
    assert.deepEqual(Object.keys(paths[path]!.get!.responses), ['200', '422']);
  }
  assert.deepEqual(params(paths['/users/']!.get!), [token]);
  assert.deepEqual(params(paths['/users/{username}']!.get!), [['username', 'path', true], token]);
  assert.deepEqual(params(paths['/']!.get!), [token]);
  assert.equal(paths['/']!.get!.tags, undefined);

  const readItems = paths['/items/']!.get!;
  assert.deepEqual(readItems.tags, ['items']);
  assert.deepEqual(params(readItems), [token, xToken]);
  assert.deepEqual(readItems.responses['404'], { description: 'Not found' });
  const readItem = paths['/items/{item_id}']!.get!;
  assert.deepEqual(readItem.tags, ['items']);
  assert.deepEqual(params(readItem), [['item_id', 'path', true], token, xToken]);
  assert.deepEqual(Object.keys(readItem.responses).sort(), ['200', '404', '422']);
  assert.deepEqual(readItem.responses['404'], { description: 'Not found' });
  const updateItem = paths['/items/{item_id}']!.put!;
  assert.deepEqual(updateItem.tags, ['items', 'custom']);
  assert.deepEqual(params(updateItem), [['item_id', 'path', true], token, xToken]);
  assert.deepEqual(Object.keys(updateItem.responses).sort(), ['200', '403', '404', '422']);
  assert.deepEqual(updateItem.responses['404'], { description: 'Not found' });
  assert.deepEqual(updateItem.responses['403'], { description: 'Operation forbidden' });

  const admin = paths['/admin/']!.post!;
  assert.deepEqual(admin.tags, ['admin']);
  assert.deepEqual(params(admin), [token, xToken]);
  assert.deepEqual(Object.keys(admin.responses).sort(), ['200', '418', '422']);
  assert.deepEqual(admin.responses['418'], { description: "I'm a teapot" });
});

test(`${topic}: the same router included twice under different prefixes answers under both`, async () => {
  const twice = createApp({ dependencies: [getQueryToken] });
  twice.includeRouter(users, { prefix: '/api/v1' });
  twice.includeRouter(users, { prefix: '/api/latest' });
  const c = new TestClient(twice);
  for (const prefix of ['/api/v1', '/api/latest']) {
    const res = await c.get(`${prefix}/users/foo?token=jessica`);
    assert.equal(res.status, 200, res.text);
    assert.deepEqual(res.json(), { username: 'foo' });
  }
  assert.deepEqual(Object.keys(twice.openapi().paths).filter((p) => p.endsWith('{username}')), ['/api/v1/users/{username}', '/api/latest/users/{username}']);
});

test(`${topic}: a router included in another, the outer router's prefix and dependencies first`, async () => {
  const api = createRouter({ prefix: '/api', dependencies: [getQueryToken] });
  api.includeRouter(items);
  const nested = createApp();
  nested.includeRouter(api);
  const c = new TestClient(nested);
  const res = await c.get('/api/items/plumbus?token=jessica', { headers: goodToken });
  assert.equal(res.status, 200, res.text);
  assert.deepEqual(res.json(), { name: 'Plumbus', item_id: 'plumbus' });
  const refused = await c.get('/api/items/plumbus');
  assert.equal(refused.status, 422);
  assert.deepEqual(refused.json(), { detail: [missing(['query', 'token']), missing(['header', 'x-token'])] });
  const op = (nested.openapi().paths as Record<string, Record<string, { tags: string[] }>>)['/api/items/{item_id}']!.get!;
  assert.deepEqual(op.tags, ['items']);
});

test(`${topic}: including a router in another before or after the app includes it; routes added later are served through the earlier inclusion`, async () => {
  const router = createRouter({ prefix: '/outer' });
  const otherRouter = createRouter({ prefix: '/other' });
  const liveApp = createApp();
  liveApp.includeRouter(router);
  router.includeRouter(otherRouter);
  otherRouter.get('/later', async () => ({ added: 'later' }), { summary: 'Later' });
  const res = await new TestClient(liveApp).get('/outer/other/later');
  assert.equal(res.status, 200, res.text);
  assert.deepEqual(res.json(), { added: 'later' });
  assert.equal((liveApp.openapi().paths as Record<string, Record<string, { summary: string }>>)['/outer/other/later']!.get!.summary, 'Later');
});
