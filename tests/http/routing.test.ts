import 'reflect-metadata';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BootstrapError, Controller, createApp, Get, Module, Param, Post, Query, TestClient, bootstrap } from 'zigmund';

@Controller('/things')
class ThingsController {
  @Get('/:id')
  read(@Param('id') id: string) {
    return { id };
  }

  @Post('/:id')
  write(@Param('id') id: string) {
    return { wrote: id };
  }

  @Get('/{slug}/fastapi-style')
  fastapi(@Param('slug') slug: string) {
    return { slug };
  }
}

@Module({ controllers: [ThingsController] })
class ThingsModule {}

test('unknown paths answer 404 with a detail', async () => {
  const client = new TestClient(await bootstrap(ThingsModule));
  const res = await client.get('/nowhere');
  assert.equal(res.status, 404);
  assert.deepEqual(res.json(), { detail: 'Not Found' });
});

test('a wrong method answers 405 with the Allow header', async () => {
  const client = new TestClient(await bootstrap(ThingsModule));
  const res = await client.delete('/things/1');
  assert.equal(res.status, 405);
  assert.equal(res.headers.allow, 'GET, POST, HEAD');
  assert.deepEqual(res.json(), { detail: 'Method Not Allowed' });
});

test('HEAD is answered for GET routes with headers and no body', async () => {
  const client = new TestClient(await bootstrap(ThingsModule));
  const res = await client.head('/things/abc');
  assert.equal(res.status, 200);
  assert.equal(res.headers['content-type'], 'application/json');
  assert.equal(res.headers['content-length'], String(Buffer.byteLength('{"id":"abc"}')));
  assert.equal(res.text, '');
});

test('path parameters are percent-decoded and FastAPI {name} paths work', async () => {
  const client = new TestClient(await bootstrap(ThingsModule));
  assert.deepEqual((await client.get('/things/a%20b')).json(), { id: 'a b' });
  assert.deepEqual((await client.get('/things/x/fastapi-style')).json(), { slug: 'x' });
});

test('invalid percent-encoding in the path answers 400', async () => {
  const client = new TestClient(await bootstrap(ThingsModule));
  const res = await client.get('/things/%E0%A4%A');
  assert.equal(res.status, 400);
  assert.match(res.json<{ detail: string }>().detail, /percent-encoding/);
});

test('createApp function routes share the route table with decorated ones', async () => {
  const app = createApp();
  app.get('/hello', () => ({ message: 'Hello World' }));
  app.post('/echo', async (req) => ({ got: await req.json() }));
  app.options('/hello', (_req, res) => {
    res.setHeader('allow', 'GET, OPTIONS');
    return undefined;
  });
  const client = new TestClient(app);
  assert.deepEqual((await client.get('/hello')).json(), { message: 'Hello World' });
  assert.deepEqual((await client.post('/echo', { json: { a: 1 } })).json(), { got: { a: 1 } });
  assert.equal((await client.options('/hello')).headers.allow, 'GET, OPTIONS');
  assert.deepEqual(app.routes.filter((r) => r.path === '/hello' || r.path === '/echo').map((r) => `${r.method} ${r.path}`), ['GET /hello', 'POST /echo', 'OPTIONS /hello']);
});

test('a duplicate route fails at bootstrap naming the controller and method', async () => {
  @Controller('/dup')
  class DupController {
    @Get('/x')
    first() {
      return 1;
    }

    @Get('/x')
    second() {
      return 2;
    }
  }
  @Module({ controllers: [DupController] })
  class DupModule {}
  await assert.rejects(bootstrap(DupModule), (err: Error) => {
    assert.ok(err instanceof BootstrapError);
    assert.match(err.message, /DupController\.second/);
    assert.match(err.message, /duplicate route GET \/dup\/x/);
    return true;
  });
});

test('a malformed path fails at bootstrap', async () => {
  const app = createApp();
  assert.throws(() => app.get('/bad/:/x', () => 1), /malformed path/);
  assert.throws(() => app.get('/bad/:id/:id', () => 1), /appears twice/);
});

test('a parameter that cannot be resolved fails at bootstrap naming controller, method and parameter', async () => {
  class NotInjectable {}
  @Controller()
  class BrokenController {
    @Get('/broken')
    broken(@Query('q') _q: string, _thing: NotInjectable) {
      return 1;
    }
  }
  @Module({ controllers: [BrokenController] })
  class BrokenModule {}
  await assert.rejects(bootstrap(BrokenModule), (err: Error) => {
    assert.ok(err instanceof BootstrapError);
    assert.match(err.message, /BrokenController\.broken, parameter #1/);
    assert.match(err.message, /NotInjectable/);
    return true;
  });
});

test('@Param naming a parameter the path lacks fails at bootstrap', async () => {
  @Controller()
  class WrongParamController {
    @Get('/items/:id')
    read(@Param('itemId') itemId: string) {
      return itemId;
    }
  }
  @Module({ controllers: [WrongParamController] })
  class WrongParamModule {}
  await assert.rejects(bootstrap(WrongParamModule), /WrongParamController\.read, parameter #0 "itemId": @Param\('itemId'\) is not a parameter/);
});

test('a controller missing from @Controller() is reported', async () => {
  class Plain {}
  @Module({ controllers: [Plain] })
  class PlainModule {}
  await assert.rejects(bootstrap(PlainModule), /Plain is listed in controllers but has no @Controller\(\) decorator/);
});
