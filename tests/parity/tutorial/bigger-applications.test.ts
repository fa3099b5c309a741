import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TestClient } from 'zigmund/testing';
import { app } from '../../../samples/parity/tutorial/bigger-applications.js';

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

test(`${topic}: /users redirects to /users/ keeping the query, as FastAPI's client follows it`, async () => {
  const res = await client.get('/users?token=jessica');
  assert.equal(res.status, 307);
  assert.equal(res.headers.location, '/users/?token=jessica');
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

test(`${topic}: the document: tags, the dependencies' parameters, the controllers' responses`, () => {
  type Op = { tags?: string[]; summary: string; parameters?: { name: string; in: string; required: boolean }[]; responses: Record<string, unknown> };
  const paths = app.openapi().paths as Record<string, Record<string, Op>>;
  assert.deepEqual(Object.keys(paths).sort(), ['/', '/admin/', '/items/', '/items/{item_id}', '/users/', '/users/me', '/users/{username}']);
  const params = (op: Op) => op.parameters!.map((p) => [p.name, p.in, p.required]);
  const token = ['token', 'query', true];
  const xToken = ['x-token', 'header', true];
  for (const path of ['/users/', '/users/me', '/users/{username}']) assert.deepEqual(paths[path]!.get!.tags, ['users']);
  assert.deepEqual(params(paths['/users/{username}']!.get!), [['username', 'path', true], token]);
  assert.deepEqual(params(paths['/']!.get!), [token]);
  assert.equal(paths['/']!.get!.tags, undefined);

  const readItem = paths['/items/{item_id}']!.get!;
  assert.deepEqual(readItem.tags, ['items']);
  assert.deepEqual(params(readItem), [['item_id', 'path', true], token, xToken]);
  assert.deepEqual(Object.keys(readItem.responses).sort(), ['200', '404', '422']);
  assert.deepEqual(readItem.responses['404'], { description: 'Not found' });
  const updateItem = paths['/items/{item_id}']!.put!;
  assert.equal(updateItem.summary, 'Update Item');
  assert.deepEqual(updateItem.tags, ['items', 'custom']);
  assert.deepEqual(params(updateItem), [['item_id', 'path', true], token, xToken]);
  assert.deepEqual(updateItem.responses['404'], { description: 'Not found' });
  assert.deepEqual(updateItem.responses['403'], { description: 'Operation forbidden' });

  const admin = paths['/admin/']!.post!;
  assert.deepEqual(admin.tags, ['admin']);
  assert.deepEqual(params(admin), [token, xToken]);
  assert.deepEqual(Object.keys(admin.responses).sort(), ['200', '418', '422']);
  assert.deepEqual(admin.responses['418'], { description: "I'm a teapot" });
});
