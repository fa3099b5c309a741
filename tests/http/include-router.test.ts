import { test } from 'node:test';
import assert from 'node:assert/strict';
import { HttpException, Request, TestClient, createApp, createRouter, dependency, type Connection, type Middleware } from 'zigmund';

const checkToken = dependency([Request], (req: Request) => {
  if (req.headers['x-token'] !== 'secret') throw new HttpException(400, 'X-Token header invalid');
});
const mark = (name: string): Middleware => async (req, next) => {
  const res = await next();
  return res.setHeader('x-trail', [res.headers['x-trail'], name].filter(Boolean).join(','));
};

function itemsRouter() {
  const items = createRouter({ prefix: '/items', tags: ['items'], responses: { 404: { description: 'Not found' } }, middleware: [mark('items')] });
  items.get('', () => ['plumbus'], { name: 'listItems' });
  items.get('/', () => ['plumbus', 'slash']);
  items.get('/:item_id', (req: Request) => ({ item_id: req.params.item_id }), { tags: ['custom'] });
  items.websocket('/ws', async (conn: Connection) => conn.sendText('live'));
  return items;
}

test('includeRouter adds the router\'s routes under the prefixes, literally joined, as FastAPI does', async () => {
  const app = createApp();
  app.includeRouter(itemsRouter(), { prefix: '/v1' });
  const client = new TestClient(app);
  assert.deepEqual((await client.get('/v1/items')).json(), ['plumbus']);
  assert.deepEqual((await client.get('/v1/items/')).json(), ['plumbus', 'slash']);
  assert.deepEqual((await client.get('/v1/items/3')).json(), { item_id: '3' });
  const conn = await client.websocketConnect('/v1/items/ws');
  assert.equal((await conn.receive()).text(), 'live');
  assert.equal((await client.get('/items/3')).status, 404);
  assert.equal(app.urlPathFor('listItems'), '/v1/items');
});

test('the inclusion\'s dependencies run before the router\'s, and its middleware wraps the router\'s', async () => {
  const app = createApp();
  app.includeRouter(itemsRouter(), { dependencies: [checkToken], middleware: [mark('include')] });
  const client = new TestClient(app);
  const refused = await client.get('/items/3');
  assert.equal(refused.status, 400);
  assert.deepEqual(refused.json(), { detail: 'X-Token header invalid' });
  const ok = await client.get('/items/3', { headers: { 'x-token': 'secret' } });
  assert.equal(ok.status, 200);
  assert.equal(ok.headers['x-trail'], 'items,include');
});

test('tags add up outermost first; responses are handed down under the route\'s own', () => {
  const app = createApp();
  app.includeRouter(itemsRouter(), { tags: ['v1'], responses: { 404: { description: 'Gone' }, 418: { description: 'Teapot' } } });
  const op = app.openapi().paths['/items/{item_id}']!.get!;
  assert.deepEqual(op.tags, ['v1', 'items', 'custom']);
  assert.equal(op.responses['404']!.description, 'Not found');
  assert.equal(op.responses['418']!.description, 'Teapot');
});

test('routers nest: prefixes, tags and dependencies of every level apply, outermost first', async () => {
  const users = createRouter({ prefix: '/users', tags: ['users'] });
  users.get('/me', () => ({ me: true }));
  const admin = createRouter({ prefix: '/admin', tags: ['admin'], dependencies: [checkToken] });
  admin.includeRouter(users, { prefix: '/people' });
  const app = createApp();
  app.includeRouter(admin, { prefix: '/api' });
  const client = new TestClient(app);
  assert.equal((await client.get('/api/admin/people/users/me')).status, 400);
  assert.deepEqual((await client.get('/api/admin/people/users/me', { headers: { 'x-token': 'secret' } })).json(), { me: true });
  assert.deepEqual(app.openapi().paths['/api/admin/people/users/me']!.get!.tags, ['admin', 'users']);
});

test('a router included with includeInSchema: false or deprecated: true hands that to each route', () => {
  const app = createApp();
  const hidden = createRouter();
  hidden.get('/internal', () => ({}));
  const old = createRouter({ deprecated: true });
  old.get('/old', () => ({}));
  app.includeRouter(hidden, { includeInSchema: false }).includeRouter(old);
  const paths = app.openapi().paths;
  assert.equal(paths['/internal'], undefined);
  assert.equal(paths['/old']!.get!.deprecated, true);
});

test('the inclusion is live, as FastAPI\'s: routes added later to the router, or to a router it includes later, are served and documented', async () => {
  const router = createRouter({ tags: ['r'] });
  router.get('/first', () => 1);
  const app = createApp();
  app.includeRouter(router, { prefix: '/api' });
  router.get('/second', () => 2);
  const inner = createRouter({ prefix: '/inner' });
  inner.get('/before', () => 3);
  router.includeRouter(inner);
  inner.get('/after', () => 4);
  const client = new TestClient(app);
  for (const [path, body] of [['/api/first', 1], ['/api/second', 2], ['/api/inner/before', 3], ['/api/inner/after', 4]] as const) {
    const res = await client.get(path);
    assert.equal(res.status, 200, path);
    assert.equal(res.json(), body, path);
  }
  assert.deepEqual(app.openapi().paths['/api/inner/after']!.get!.tags, ['r']);
});

test('a router including itself, or routers in a cycle, is refused when the cycle is made', () => {
  const a = createRouter();
  assert.throws(() => a.includeRouter(a), /cannot include itself/);
  const b = createRouter();
  const c = createRouter();
  a.includeRouter(b);
  b.includeRouter(c);
  assert.throws(() => c.includeRouter(a), /cycle/);
  assert.doesNotThrow(() => createApp().includeRouter(a));
});

test('TRACE routes: app.trace and router.trace, documented under trace', async () => {
  const app = createApp();
  app.trace('/echo', (req: Request) => ({ method: req.method }));
  const router = createRouter({ prefix: '/r' });
  router.trace('/echo', () => ({ router: true }));
  app.includeRouter(router);
  const client = new TestClient(app);
  assert.deepEqual((await client.trace('/echo')).json(), { method: 'TRACE' });
  assert.deepEqual((await client.trace('/r/echo')).json(), { router: true });
  const notAllowed = await client.get('/echo');
  assert.equal(notAllowed.status, 405);
  assert.equal(notAllowed.headers.allow, 'TRACE');
  assert.ok(app.openapi().paths['/echo']!.trace);
});
