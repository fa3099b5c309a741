import 'reflect-metadata';
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { IsNumber, IsOptional, IsString } from 'class-validator';
import { Body, bootstrap, Connection, Controller, createApp, Get, Module, Param, Post, Query, WebSocket, type App } from 'zigmund';
import { refusedStatus, TestPeer } from '../websocket/support.js';

const fakeItemsDb = [{ item_name: 'Foo' }, { item_name: 'Bar' }, { item_name: 'Baz' }];

class Item {
  @IsString()
  name!: string;

  @IsOptional()
  @IsString()
  description?: string;

  @IsNumber()
  price!: number;

  @IsOptional()
  @IsNumber()
  tax?: number;
}

@Controller()
class TutorialController {
  @Get('/items/')
  readItems(@Query('skip', { default: 0 }) skip: number, @Query('limit', { default: 10 }) limit: number) {
    return fakeItemsDb.slice(skip, skip + limit);
  }

  @Post('/items/')
  createItem(@Body() item: Item) {
    return item;
  }

  @Get('/users')
  users() {
    return ['ann'];
  }

  @Get('/users/:userId')
  user(@Param('userId') userId: string) {
    return { userId };
  }

  @Get('/orders/:orderId')
  order(@Param('orderId') orderId: string) {
    return { orderId };
  }

  @WebSocket('/ws')
  async echo(conn: Connection) {
    await conn.sendText('connected');
  }
}

@Controller('/shop')
class ShopController {
  @Get()
  prefix() {
    return 'prefix';
  }

  @Get('/')
  slash() {
    return 'prefix with slash';
  }
}

@Module({ controllers: [TutorialController, ShopController] })
class TutorialModule {}

async function get(url: string): Promise<{ status: number; location: string | null; body: unknown }> {
  const res = await fetch(url, { redirect: 'manual' });
  const text = await res.text();
  return { status: res.status, location: res.headers.get('location'), body: text === '' ? undefined : JSON.parse(text) };
}

describe('trailing slashes', () => {
  let app: App;
  let url: string;
  before(async () => {
    app = await bootstrap(TutorialModule, { logStartup: false });
    url = await app.serve({ port: 0 });
  });
  after(() => app.close());

  test('test_query_params/test_tutorial001::test_read_user_item: GET /items/, /items/?skip=1, /items/?skip=1&limit=1', async () => {
    assert.deepEqual(await get(`${url}/items/`), { status: 200, location: null, body: fakeItemsDb });
    assert.deepEqual(await get(`${url}/items/?skip=1`), { status: 200, location: null, body: fakeItemsDb.slice(1) });
    assert.deepEqual(await get(`${url}/items/?skip=1&limit=1`), { status: 200, location: null, body: [{ item_name: 'Bar' }] });
  });

  test('test_events/test_tutorial002::test_events: GET /items (no slash) answers 307 to /items/, query kept, and a client that follows gets the list', async () => {
    assert.deepEqual(await get(`${url}/items?skip=2`), { status: 307, location: '/items/?skip=2', body: undefined });
    const followed = await fetch(`${url}/items?skip=2`);
    assert.equal(followed.status, 200);
    assert.deepEqual(await followed.json(), [{ item_name: 'Baz' }]);
  });

  test('test_body/test_tutorial001::test_body_float: POST /items answers 307 and the client re-sends method and body to /items/', async () => {
    const body = JSON.stringify({ name: 'Foo', price: 50.5 });
    const headers = { 'content-type': 'application/json' };
    const manual = await fetch(`${url}/items`, { method: 'POST', body, headers, redirect: 'manual' });
    assert.equal(manual.status, 307);
    assert.equal(manual.headers.get('location'), '/items/');
    const followed = await fetch(`${url}/items`, { method: 'POST', body, headers });
    assert.equal(followed.status, 200);
    assert.deepEqual(await followed.json(), { name: 'Foo', price: 50.5 });
  });

  test('a route declared without a slash redirects the slash form to it', async () => {
    assert.deepEqual(await get(`${url}/users/`), { status: 307, location: '/users', body: undefined });
    assert.deepEqual(await get(`${url}/users`), { status: 200, location: null, body: ['ann'] });
  });

  test('a path parameter never matches an empty segment: /users/ is not /users/:userId with userId ""', async () => {
    assert.deepEqual(await get(`${url}/users/7`), { status: 200, location: null, body: { userId: '7' } });
    assert.deepEqual(await get(`${url}/orders/`), { status: 404, location: null, body: { detail: 'Not Found' } });
  });

  test('a method the route does not serve is still a 405, not a redirect', async () => {
    const res = await fetch(`${url}/users`, { method: 'DELETE', redirect: 'manual' });
    assert.equal(res.status, 405);
    assert.equal(res.headers.get('allow'), 'GET, HEAD');
  });

  test('@Get() is the controller prefix itself, @Get("/") the prefix with a slash', async () => {
    assert.deepEqual(await get(`${url}/shop`), { status: 200, location: null, body: 'prefix' });
    assert.deepEqual(await get(`${url}/shop/`), { status: 200, location: null, body: 'prefix with slash' });
  });

  test('a path starting with // is never redirected, so a Location cannot name another host', async () => {
    assert.deepEqual(await get(`${url}//users/`), { status: 404, location: null, body: { detail: 'Not Found' } });
  });

  test('a WebSocket upgrade to the other slash form is refused with 404 naming the route, and the declared form opens', async () => {
    const wsUrl = url.replace('http', 'ws');
    assert.deepEqual(await refusedStatus(`${wsUrl}/ws/`), { status: 404, body: JSON.stringify({ detail: 'Not Found: the WebSocket route is /ws' }) });
    const peer = await TestPeer.open(`${wsUrl}/ws`);
    assert.equal(await peer.next(), 'connected');
    assert.equal((await peer.closed).code, 1000);
  });
});

describe('redirectSlashes: false', () => {
  let app: App;
  let url: string;
  before(async () => {
    app = createApp({ logStartup: false, redirectSlashes: false });
    app.get('/items/', () => fakeItemsDb);
    url = await app.serve({ port: 0 });
  });
  after(() => app.close());

  test('the other slash form is a 404, the declared one is served', async () => {
    assert.deepEqual(await get(`${url}/items`), { status: 404, location: null, body: { detail: 'Not Found' } });
    assert.deepEqual(await get(`${url}/items/`), { status: 200, location: null, body: fakeItemsDb });
  });
});
