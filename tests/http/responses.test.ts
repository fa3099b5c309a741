import 'reflect-metadata';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { IsNumber, IsString, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';
import { Controller, Delete, Get, HttpException, Module, Post, Response, TestClient, bootstrap, createApp } from 'zigmund';

class Owner {
  @IsString()
  name!: string;
}

class PublicItem {
  @IsNumber()
  id!: number;

  @IsString()
  name!: string;

  @ValidateNested()
  @Type(() => Owner)
  owner!: Owner;
}

@Controller()
class AnswersController {
  @Get('/json')
  json() {
    return { a: 1, list: [1, 2] };
  }

  @Get('/text')
  text() {
    return 'plain words';
  }

  @Get('/csv', { contentType: 'text/csv' })
  csv() {
    return 'a,b\n1,2\n';
  }

  @Get('/nothing')
  nothing() {
    return undefined;
  }

  @Post('/created', { status: 201 })
  created() {
    return { ok: true };
  }

  @Delete('/gone', { status: 204 })
  gone() {
    return { ignored: true };
  }

  @Get('/explicit/json')
  explicitJson() {
    return Response.json({ made: 'here' }, 202, { 'x-extra': '1' });
  }

  @Get('/explicit/html')
  html() {
    return Response.html('<h1>hi</h1>');
  }

  @Get('/explicit/text')
  explicitText() {
    return Response.text('teapot', 418);
  }

  @Get('/redirect')
  redirect() {
    return Response.redirect('/json');
  }

  @Get('/injected')
  injected(res: Response) {
    res.status(202).setHeader('X-Custom', 'yes').setCookie('session', 'abc', { httpOnly: true });
    return { done: true };
  }

  @Get('/logout')
  logout(res: Response) {
    res.deleteCookie('session');
    return Response.json({ bye: true });
  }

  @Get('/model', { responseModel: PublicItem })
  model() {
    return { id: 1, name: 'pen', secret: 'hidden', owner: { name: 'ann', password: 'x' } };
  }

  @Get('/model-list', { responseModel: [PublicItem] })
  modelList() {
    return [{ id: 1, name: 'a', secret: 1, owner: { name: 'o', password: 'p' } }];
  }

  @Get('/not-found')
  notFound() {
    throw new HttpException(404, 'Item not found', { 'x-error': 'nf' });
  }

  @Get('/structured')
  structured() {
    throw new HttpException(409, { reason: 'conflict', id: 3 });
  }

  @Get('/boom')
  boom() {
    throw new Error('secret internals at /srv/app.ts:12');
  }

  @Get('/async-boom')
  async asyncBoom() {
    await Promise.resolve();
    throw new TypeError('kaput');
  }
}

@Module({ controllers: [AnswersController] })
class AnswersModule {}

const client = async () => new TestClient(await bootstrap(AnswersModule));

test('plain values are JSON with status 200', async () => {
  const res = await (await client()).get('/json');
  assert.equal(res.status, 200);
  assert.equal(res.headers['content-type'], 'application/json');
  assert.deepEqual(res.json(), { a: 1, list: [1, 2] });
});

test('strings are JSON unless the route names a content type', async () => {
  const c = await client();
  const text = await c.get('/text');
  assert.equal(text.headers['content-type'], 'application/json');
  assert.equal(text.text, '"plain words"');
  const csv = await c.get('/csv');
  assert.equal(csv.headers['content-type'], 'text/csv');
  assert.equal(csv.text, 'a,b\n1,2\n');
});

test('undefined is an empty 200 without a content type', async () => {
  const res = await (await client()).get('/nothing');
  assert.equal(res.status, 200);
  assert.equal(res.text, '');
  assert.equal(res.headers['content-length'], '0');
  assert.equal(res.headers['content-type'], undefined);
});

test('the route status applies: 201 with a body, 204 without one', async () => {
  const c = await client();
  const created = await c.post('/created');
  assert.equal(created.status, 201);
  assert.deepEqual(created.json(), { ok: true });
  const gone = await c.delete('/gone');
  assert.equal(gone.status, 204);
  assert.equal(gone.text, '');
  assert.equal(gone.headers['content-length'], undefined);
});

test('Response.json/html/text/redirect build explicit answers', async () => {
  const c = await client();
  const json = await c.get('/explicit/json');
  assert.equal(json.status, 202);
  assert.equal(json.headers['x-extra'], '1');
  assert.deepEqual(json.json(), { made: 'here' });
  const html = await c.get('/explicit/html');
  assert.equal(html.headers['content-type'], 'text/html; charset=utf-8');
  assert.equal(html.text, '<h1>hi</h1>');
  const text = await c.get('/explicit/text');
  assert.equal(text.status, 418);
  assert.equal(text.text, 'teapot');
  const redirect = await c.get('/redirect');
  assert.equal(redirect.status, 307);
  assert.equal(redirect.headers.location, '/json');
});

test('an injected Response sets status, headers and cookies; the client keeps cookies', async () => {
  const c = await client();
  const res = await c.get('/injected');
  assert.equal(res.status, 202);
  assert.equal(res.headers['x-custom'], 'yes');
  assert.match(String(res.headers['set-cookie']), /^session=abc; Path=\/; HttpOnly/);
  assert.deepEqual(res.json(), { done: true });
  assert.equal(c.cookies.get('session'), 'abc');
  const out = await c.get('/logout');
  assert.match(String(out.headers['set-cookie']), /session=; Max-Age=0; Path=\/; Expires=Thu, 01 Jan 1970/);
  assert.equal(c.cookies.has('session'), false);
});

test('responseModel filters the answer to the declared fields, nested and in lists', async () => {
  const c = await client();
  assert.deepEqual((await c.get('/model')).json(), { id: 1, name: 'pen', owner: { name: 'ann' } });
  assert.deepEqual((await c.get('/model-list')).json(), [{ id: 1, name: 'a', owner: { name: 'o' } }]);
});

test('HttpException answers {"detail": …} with its status and headers', async () => {
  const c = await client();
  const res = await c.get('/not-found');
  assert.equal(res.status, 404);
  assert.equal(res.headers['x-error'], 'nf');
  assert.deepEqual(res.json(), { detail: 'Item not found' });
  assert.deepEqual((await c.get('/structured')).json(), { detail: { reason: 'conflict', id: 3 } });
});

test('a thrown error is a 500 without the stack, and the app keeps serving', async (t) => {
  const logged: unknown[] = [];
  t.mock.method(console, 'error', (...args: unknown[]) => logged.push(args));
  const c = await client();
  for (const path of ['/boom', '/async-boom']) {
    const res = await c.get(path);
    assert.equal(res.status, 500);
    assert.deepEqual(res.json(), { detail: 'Internal Server Error' });
    assert.doesNotMatch(res.text, /secret|kaput|at /);
  }
  assert.equal(logged.length, 2);
  assert.equal((await c.get('/json')).status, 200);
});

test('an answer that cannot be serialised is a 500, and the app keeps serving', async (t) => {
  t.mock.method(console, 'error', () => undefined);
  const app = createApp();
  app.get('/bigint', () => ({ n: 1n }));
  app.get('/ok', () => ({ ok: true }));
  const c = new TestClient(app);
  const res = await c.get('/bigint');
  assert.equal(res.status, 500);
  assert.deepEqual(res.json(), { detail: 'Internal Server Error' });
  assert.equal((await c.get('/ok')).status, 200);
});
