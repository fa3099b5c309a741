import 'reflect-metadata';
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { App, BootstrapError, Controller, Depends, Get, HttpException, Module, Post, Request, TestClient, bootstrap, createApp, dependency, status } from 'zigmund';

// A dependency writes to req.state; the handler reads it back.
const stamp = dependency([Request], (req: Request) => {
  req.state.user = 'ann';
  return 'stamped';
});

@Controller('/items')
class ItemsController {
  @Get('/:id', { name: 'readItem' })
  read() {
    return {};
  }

  @Get('/files/*path')
  file() {
    return {};
  }

  @Get('/links')
  links(req: Request) {
    return {
      item: req.urlFor('readItem', { id: 'a b/c' }),
      byMethod: req.urlFor('ItemsController.read', { id: 3 }),
      file: req.urlFor('ItemsController.file', { path: 'dir/my file.txt' }),
    };
  }

  @Get('/state')
  state(@Depends(stamp) stamped: string, req: Request) {
    return { stamped, user: req.state.user, isApp: req.app instanceof App };
  }

  @Get('/fresh-state')
  freshState(req: Request) {
    const before = req.state.user ?? null;
    req.state.user = 'someone';
    return { before };
  }

  @Post('/form')
  async form(req: Request) {
    const form = await req.form();
    return { fields: Object.fromEntries(form.fields), files: [...form.files.keys()] };
  }

  @Get('/missing')
  missing() {
    throw new HttpException(status.HTTP_404_NOT_FOUND, 'gone');
  }
}

@Module({ controllers: [ItemsController] })
class ItemsModule {}

const app = await bootstrap(ItemsModule, { logStartup: false, handleSignals: false });
const base = await app.serve({ port: 0 });
after(() => app.close());

test('req.urlFor gives the absolute URL of a named route, parameters percent-encoded', async () => {
  const body = await (await fetch(`${base}/items/links`)).json();
  assert.deepEqual(body, {
    item: `${base}/items/a%20b%2Fc`,
    byMethod: `${base}/items/3`,
    file: `${base}/items/files/dir/my%20file.txt`,
  });
});

test('app.urlPathFor is the path alone; an unknown name or a missing parameter throws', () => {
  assert.equal(app.urlPathFor('readItem', { id: 7 }), '/items/7');
  assert.throws(() => app.urlPathFor('nope'), /no route is named "nope"/);
  assert.throws(() => app.urlPathFor('readItem'), /the path parameter "id" is missing/);
});

test('two routes with one name are a BootstrapError', () => {
  const local = createApp({ logStartup: false });
  local.get('/a', () => 1, { name: 'same' });
  assert.throws(() => local.get('/b', () => 2, { name: 'same' }), (err: unknown) => err instanceof BootstrapError && /already named "same"/.test(err.message));
});

test('req.state is shared along one request and fresh for the next; req.app is the app', async () => {
  assert.deepEqual(await (await fetch(`${base}/items/state`)).json(), { stamped: 'stamped', user: 'ann', isApp: true });
  assert.deepEqual(await (await fetch(`${base}/items/fresh-state`)).json(), { before: null });
  assert.deepEqual(await (await fetch(`${base}/items/fresh-state`)).json(), { before: null });
});

test('req.form() parses an urlencoded or multipart body', async () => {
  const urlencoded = await fetch(`${base}/items/form`, { method: 'POST', body: new URLSearchParams([['a', '1'], ['a', '2'], ['b', 'x']]) });
  assert.deepEqual(await urlencoded.json(), { fields: { a: ['1', '2'], b: ['x'] }, files: [] });
  const multipart = new FormData();
  multipart.append('name', 'doc');
  multipart.append('upload', new Blob(['hello']), 'hello.txt');
  const res = await fetch(`${base}/items/form`, { method: 'POST', body: multipart });
  assert.deepEqual(await res.json(), { fields: { name: ['doc'] }, files: ['upload'] });
});

test('req.form() on a JSON body is a 415', async () => {
  const res = await fetch(`${base}/items/form`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
  assert.equal(res.status, 415);
});

test('status names the codes as FastAPI does', async () => {
  assert.equal(status.HTTP_200_OK, 200);
  assert.equal(status.HTTP_422_UNPROCESSABLE_ENTITY, 422);
  assert.equal(status.HTTP_422_UNPROCESSABLE_CONTENT, 422);
  assert.equal(status.WS_1008_POLICY_VIOLATION, 1008);
  const res = await fetch(`${base}/items/missing`);
  assert.equal(res.status, 404);
  assert.deepEqual(await res.json(), { detail: 'gone' });
});

test('urlFor through the TestClient uses the Host the client sent', async () => {
  const client = new TestClient(app);
  const res = await client.get('/items/links');
  assert.equal(res.json<{ byMethod: string }>().byMethod.endsWith('/items/3'), true);
});
