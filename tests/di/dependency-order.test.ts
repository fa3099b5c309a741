import 'reflect-metadata';
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { bootstrap, Controller, Depends, dependency, Get, Header, HttpException, Module, Param, Post, Put, Query, type App } from 'zigmund';

const calls: string[] = [];

// FastAPI's bigger-applications tutorial: the app needs ?token=jessica, the routers an X-Token header.
const getQueryToken = dependency([Query('token')], async (token: string) => {
  calls.push('query token');
  if (token !== 'jessica') throw new HttpException(400, 'No Jessica token provided');
});

const getTokenHeader = dependency([Header('x-token')], async (xToken: string) => {
  calls.push('token header');
  if (xToken !== 'fake-super-secret-token') throw new HttpException(400, 'X-Token header invalid');
});

@Controller('/items', { dependencies: [getQueryToken, getTokenHeader] })
class ItemsController {
  @Put('/:itemId')
  update(@Param('itemId') itemId: string) {
    if (itemId !== 'plumbus') throw new HttpException(403, 'You can only update the item: plumbus');
    return { item_id: itemId, name: 'The great Plumbus' };
  }
}

@Controller('/admin', { dependencies: [getQueryToken, getTokenHeader] })
class AdminController {
  @Post('/')
  update() {
    return { message: 'Admin getting schwifty' };
  }
}

const forbidOdd = dependency([Query('n', { type: Number })], (n: number) => {
  calls.push(`forbid odd ${n}`);
  if (n % 2 === 1) throw new HttpException(403, 'odd');
  return n;
});

const needsForbidOdd = dependency([Depends(forbidOdd)], (n: number) => {
  calls.push('needs forbid odd');
  return n * 2;
});

@Controller('/order')
class OrderController {
  @Get('/first')
  dependencyFirst(@Depends(forbidOdd) n: number, @Query('limit', { type: Number }) limit: number) {
    return { n, limit };
  }

  @Get('/chain')
  chain(@Header('x-id') id: string, @Depends(needsForbidOdd) doubled: number) {
    return { id, doubled };
  }
}

@Module({ controllers: [ItemsController, AdminController, OrderController] })
class BiggerModule {}

const locs = (body: unknown) => (body as { detail: { loc: string[] }[] }).detail.map((d) => d.loc);

describe('dependencies run in declaration order, each once its own inputs are valid', () => {
  let app: App;
  let url: string;
  before(async () => {
    app = await bootstrap(BiggerModule, { logStartup: false });
    url = await app.serve({ port: 0 });
  });
  after(() => app.close());

  const send = async (method: string, path: string, headers: Record<string, string> = {}) => {
    calls.length = 0;
    const res = await fetch(`${url}${path}`, { method, headers });
    return { status: res.status, body: await res.json() };
  };

  test('test_bigger_applications/test_main::test_put_invalid_header: PUT /items/foo with a bad X-Token and no token answers 400', async () => {
    assert.deepEqual(await send('PUT', '/items/foo', { 'x-token': 'invalid' }), { status: 400, body: { detail: 'X-Token header invalid' } });
    assert.deepEqual(calls, ['token header']);
  });

  test('test_bigger_applications/test_main::test_admin_invalid_header: POST /admin/ with a bad X-Token answers 400', async () => {
    assert.deepEqual(await send('POST', '/admin/', { 'x-token': 'invalid' }), { status: 400, body: { detail: 'X-Token header invalid' } });
  });

  test('test_bigger_applications/test_main::test_put: with both credentials the handler answers', async () => {
    const res = await send('PUT', '/items/plumbus?token=jessica', { 'x-token': 'fake-super-secret-token' });
    assert.deepEqual(res, { status: 200, body: { item_id: 'plumbus', name: 'The great Plumbus' } });
    assert.deepEqual(calls, ['query token', 'token header']);
  });

  test('test_bigger_applications/test_main::test_put_no_header: every failing input is still collected into one 422', async () => {
    const res = await send('PUT', '/items/foo');
    assert.equal(res.status, 422);
    assert.deepEqual(locs(res.body), [['query', 'token'], ['header', 'x-token']]);
    assert.deepEqual(calls, []);
  });

  test("a dependency's HttpException answers even when a later parameter is missing", async () => {
    assert.deepEqual(await send('GET', '/order/first?n=3'), { status: 403, body: { detail: 'odd' } });
    const valid = await send('GET', '/order/first?n=2');
    assert.equal(valid.status, 422);
    assert.deepEqual(locs(valid.body), [['query', 'limit']]);
    assert.deepEqual(calls, ['forbid odd 2']);
  });

  test('a dependency runs after an earlier parameter failed, and one whose own dependency was not called is not called', async () => {
    assert.deepEqual(await send('GET', '/order/chain?n=3'), { status: 403, body: { detail: 'odd' } });
    const skipped = await send('GET', '/order/chain?n=x');
    assert.equal(skipped.status, 422);
    assert.deepEqual(locs(skipped.body), [['header', 'x-id'], ['query', 'n']]);
    assert.deepEqual(calls, []);
  });
});
