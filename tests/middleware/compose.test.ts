import 'reflect-metadata';
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { WebSocket as WsClient } from 'ws';
import {
  bootstrap,
  Connection,
  Controller,
  createApp,
  Get,
  HttpException,
  Module,
  Response,
  TestClient,
  WebSocket,
  type Middleware,
} from 'zigmund';
import { refusedStatus } from '../websocket/support.js';

/** A middleware that logs before and after `next()` and stamps the answer. */
function logging(name: string, log: string[]): Middleware {
  return async function logged(req, next) {
    log.push(`${name}:before`);
    const res = await next();
    log.push(`${name}:after`);
    return res.setHeader(`x-${name}`, String(res.statusCode));
  };
}

test('three nested middleware run as an onion: app, controller, route, around the handler', async () => {
  const log: string[] = [];

  @Controller('/items', { middleware: [logging('controller', log)] })
  class ItemsController {
    @Get('/:id', { middleware: [logging('route', log)] })
    read() {
      log.push('handler');
      return { id: 1 };
    }
  }
  @Module({ controllers: [ItemsController] })
  class AppModule {}

  const app = await bootstrap(AppModule, { logStartup: false });
  app.use(logging('app', log));
  const res = await new TestClient(app).get('/items/1');
  assert.equal(res.status, 200);
  assert.deepEqual(res.json(), { id: 1 });
  assert.deepEqual(log, ['app:before', 'controller:before', 'route:before', 'handler', 'route:after', 'controller:after', 'app:after']);
  assert.equal(res.headers['x-app'], '200');
  assert.equal(res.headers['x-route'], '200');
  assert.equal(res.headers['content-type'], 'application/json');
});

test('a middleware may change the status, headers and cookies of the handler answer, and the injected Response is kept', async () => {
  const app = createApp({ logStartup: false });
  app.get('/hi', (_req, res) => {
    res.setCookie('from', 'handler');
    return 'hi';
  });
  app.use(async (_req, next) => {
    const res = await next();
    return res.status(201).setHeader('x-seen', 'yes').setCookie('from', 'middleware');
  });
  const res = await new TestClient(app).get('/hi');
  assert.equal(res.status, 201);
  assert.equal(res.text, '"hi"');
  assert.equal(res.headers['x-seen'], 'yes');
  assert.deepEqual(res.headers['set-cookie'], ['from=handler; Path=/', 'from=middleware; Path=/']);
});

test('a middleware that answers on its own stops the onion before the handler', async () => {
  let ran = false;
  const app = createApp({ logStartup: false });
  app.post('/guarded', async (req) => {
    ran = true;
    return (await req.json()) as object;
  });
  app.use((req, next) => (req.headers['x-key'] === 'open' ? next() : Response.json({ detail: 'no key' }, 401)));
  const client = new TestClient(app);
  const refused = await client.post('/guarded', { json: { a: 1 } });
  assert.equal(refused.status, 401);
  assert.deepEqual(refused.json(), { detail: 'no key' });
  assert.equal(ran, false);
  const passed = await client.post('/guarded', { json: { a: 1 }, headers: { 'x-key': 'open' } });
  assert.deepEqual(passed.json(), { a: 1 });
});

test('an error thrown in a middleware, or in the handler under one, is answered by the exception handlers and seen by outer middleware', async () => {
  const app = createApp({ logStartup: false });
  app.get('/handler-throws', () => {
    throw new HttpException(409, 'conflict');
  });
  app.get('/fine', () => 'fine');
  const statuses: number[] = [];
  app.use(async (_req, next) => {
    const res = await next();
    statuses.push(res.statusCode!);
    return res;
  });
  app.use((req, next) => {
    if (req.path === '/fine') throw new HttpException(418, 'teapot');
    return next();
  });
  const client = new TestClient(app);
  const a = await client.get('/handler-throws');
  assert.equal(a.status, 409);
  assert.deepEqual(a.json(), { detail: 'conflict' });
  const b = await client.get('/fine');
  assert.equal(b.status, 418);
  assert.deepEqual(b.json(), { detail: 'teapot' });
  assert.deepEqual(statuses, [409, 418]);
});

test('app-wide middleware also runs for a 404 and a 405, so it can answer what no route serves', async () => {
  const app = createApp({ logStartup: false });
  app.get('/only-get', () => 'ok');
  app.use(async (req, next) => {
    if (req.method === 'OPTIONS') return new Response().status(204).setHeader('x-preflight', 'yes');
    const res = await next();
    return res.setHeader('x-wrapped', String(res.statusCode));
  });
  const client = new TestClient(app);
  const missing = await client.get('/nowhere');
  assert.equal(missing.status, 404);
  assert.equal(missing.headers['x-wrapped'], '404');
  const wrongMethod = await client.request('DELETE', '/only-get');
  assert.equal(wrongMethod.status, 405);
  assert.equal(wrongMethod.headers.allow, 'GET, HEAD');
  assert.equal(wrongMethod.headers['x-wrapped'], '405');
  const preflight = await client.request('OPTIONS', '/only-get');
  assert.equal(preflight.status, 204);
  assert.equal(preflight.headers['x-preflight'], 'yes');
});

test('a middleware that returns nothing, or calls next() twice, is a logged 500, not a hang', async () => {
  const app = createApp({ logStartup: false });
  app.get('/nothing', () => 'x', { middleware: [(async () => undefined) as unknown as Middleware] });
  app.get('/twice', () => 'x', { middleware: [async (_req, next) => (await next(), next())] });
  const client = new TestClient(app);
  const errors: unknown[] = [];
  const original = console.error;
  console.error = (...args: unknown[]) => void errors.push(args[1]);
  try {
    assert.equal((await client.get('/nothing')).status, 500);
    assert.equal((await client.get('/twice')).status, 500);
  } finally {
    console.error = original;
  }
  assert.match(String(errors[0]), /returned no Response/);
  assert.match(String(errors[1]), /called next\(\) more than once/);
});

test('a non-function middleware is refused when the route is added, and app.use after serve() throws', async () => {
  const app = createApp({ logStartup: false });
  assert.throws(() => app.get('/x', () => 'x', { middleware: ['cors' as unknown as Middleware] }), /GET \/x: middleware cors is not a function/);
  await app.serve({ port: 0 });
  after(() => app.close());
  assert.throws(() => app.use(async (_req, next) => next()), /before serve\(\)/);
});

test('on a WebSocket upgrade a middleware sees req.isWebSocket, refuses with its own Response, or adds headers to the 101', async () => {
  const seen: boolean[] = [];

  @Controller()
  class SocketController {
    @WebSocket('/ws')
    async ws(conn: Connection) {
      await conn.sendText('hello');
    }
  }
  @Module({ controllers: [SocketController] })
  class AppModule {}

  const app = await bootstrap(AppModule, { logStartup: false });
  app.use(async (req, next) => {
    seen.push(req.isWebSocket);
    if (req.query.ticket !== 'ok') return Response.json({ detail: 'no ticket' }, 403, { 'x-refused': 'yes' });
    const res = await next();
    return res.setHeader('x-ticket', 'checked');
  });
  const base = (await app.serve({ port: 0 })).replace('http', 'ws');
  after(() => app.close());

  const refused = await refusedStatus(`${base}/ws`);
  assert.equal(refused.status, 403);
  assert.deepEqual(JSON.parse(refused.body), { detail: 'no ticket' });

  const ws = new WsClient(`${base}/ws?ticket=ok`);
  // Listening for all three first: the message and the close may come in the same chunk as the 101.
  const events = Promise.all([once(ws, 'upgrade'), once(ws, 'message'), once(ws, 'close')]);
  const [[upgrade], [message], [code]] = (await events) as [[{ statusCode: number; headers: Record<string, string> }], [Buffer], [number]];
  assert.equal(upgrade.statusCode, 101);
  assert.equal(upgrade.headers['x-ticket'], 'checked');
  assert.equal(String(message), 'hello');
  assert.equal(code, 1000);
  assert.deepEqual(seen, [true, true]);
  assert.equal((await new TestClient(app).get('/nope?ticket=ok')).status, 404);
  assert.deepEqual(seen, [true, true, false]);
});

test('an error thrown by a WebSocket route middleware refuses the upgrade with its status', async () => {
  const app = createApp({ logStartup: false });
  app.websocket('/ws', async (conn: Connection) => conn.sendText('never'), {
    middleware: [
      () => {
        throw new HttpException(401, 'who are you', { 'www-authenticate': 'Bearer' });
      },
    ],
  });
  const base = (await app.serve({ port: 0 })).replace('http', 'ws');
  after(() => app.close());
  const refused = await refusedStatus(`${base}/ws`);
  assert.equal(refused.status, 401);
  assert.deepEqual(JSON.parse(refused.body), { detail: 'who are you' });
});

test('a streamed answer passes through middleware, which may add headers before it is written', async () => {
  const app = createApp({ logStartup: false });
  async function* chunks() {
    yield 'a';
    yield 'b';
  }
  app.get('/stream', () => Response.stream(chunks(), { contentType: 'text/plain' }));
  app.use(async (_req, next) => (await next()).setHeader('x-wrapped', 'yes'));
  const res = await new TestClient(app).get('/stream');
  assert.equal(res.status, 200);
  assert.equal(res.text, 'ab');
  assert.equal(res.headers['x-wrapped'], 'yes');
  assert.equal(res.headers['content-type'], 'text/plain');
});
