import 'reflect-metadata';
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { IsInt } from 'class-validator';
import {
  Body,
  bootstrap,
  Connection,
  Controller,
  createApp,
  HttpException,
  Module,
  Post,
  Query,
  RequestValidationError,
  Response,
  TestClient,
  WebSocket,
  WebSocketException,
} from 'zigmund';
import { refusedStatus, TestPeer } from '../websocket/support.js';

class OutOfStock extends Error {
  constructor(readonly sku: string) {
    super(`${sku} is out of stock`);
  }
}
class Backordered extends OutOfStock {}

test('an exception handler answers its class and subclasses; the most specific class wins', async () => {
  const app = createApp({ logStartup: false });
  app.get('/out/:sku', (req) => {
    throw new OutOfStock(req.params.sku!);
  });
  app.get('/back/:sku', (req) => {
    throw new Backordered(req.params.sku!);
  });
  app.get('/plain', () => {
    throw new Error('plain');
  });
  app.exceptionHandler(Error, () => Response.text('something broke', 500));
  app.exceptionHandler(OutOfStock, (err, req) => Response.json({ sku: err.sku, path: req.path }, 409));
  const client = new TestClient(app);
  const out = await client.get('/out/a1');
  assert.equal(out.status, 409);
  assert.deepEqual(out.json(), { sku: 'a1', path: '/out/a1' });
  assert.equal((await client.get('/back/b2')).status, 409);
  app.exceptionHandler(Backordered, async (err) => Response.json({ later: err.sku }, 202));
  const back = await client.get('/back/b2');
  assert.equal(back.status, 202);
  assert.deepEqual(back.json(), { later: 'b2' });
  const plain = await client.get('/plain');
  assert.equal(plain.status, 500);
  assert.equal(plain.text, 'something broke');
});

test("a handler for RequestValidationError overrides the 422, and one for HttpException the 404 and 405", async () => {
  @Controller()
  class ItemsController {
    @Post('/items')
    create(@Query('n') n: number) {
      return { n };
    }
  }
  @Module({ controllers: [ItemsController] })
  class AppModule {}
  const app = await bootstrap(AppModule, { logStartup: false });
  app.exceptionHandler(RequestValidationError, (err) => Response.json({ problems: err.detail.map((d) => d.loc.join('.')) }, 400));
  app.exceptionHandler(HttpException, (err, req) => Response.json({ missed: `${req.method} ${req.path}`, status: err.status }, err.status, err.headers));
  const client = new TestClient(app);
  const invalid = await client.post('/items?n=abc');
  assert.equal(invalid.status, 400);
  assert.deepEqual(invalid.json(), { problems: ['query.n'] });
  const missing = await client.get('/nowhere');
  assert.equal(missing.status, 404);
  assert.deepEqual(missing.json(), { missed: 'GET /nowhere', status: 404 });
  const wrongMethod = await client.get('/items');
  assert.equal(wrongMethod.status, 405);
  assert.equal(wrongMethod.headers.allow, 'POST');
});

test('an exception handler that throws or returns no Response is logged and answered with a 500', async () => {
  const app = createApp({ logStartup: false });
  app.get('/a', () => {
    throw new OutOfStock('a');
  });
  app.exceptionHandler(OutOfStock, () => {
    throw new Error('handler bug');
  });
  const logged: unknown[] = [];
  const original = console.error;
  console.error = (...args: unknown[]) => void logged.push(args[0]);
  try {
    const res = await new TestClient(app).get('/a');
    assert.equal(res.status, 500);
    assert.deepEqual(res.json(), { detail: 'Internal Server Error' });
  } finally {
    console.error = original;
  }
  assert.deepEqual(logged, ['zigmund: an exception handler failed']);
});

class Payload {
  @IsInt()
  n!: number;
}

async function problemApp() {
  @Controller()
  class ProblemController {
    @Post('/items', { bodyLimit: 16 })
    create(@Body() body: Payload) {
      return body;
    }

    @Post('/upload')
    upload() {
      // The framework itself no longer answers 415 (a body that is not JSON is FastAPI's 422); an app may.
      throw new HttpException(415);
    }

    @Post('/teapot')
    teapot() {
      throw new HttpException(418, 'short and stout', { 'x-spout': 'yes' });
    }

    @Post('/listed')
    listed() {
      throw new HttpException(409, [{ field: 'name' }]);
    }

    @Post('/boom')
    boom() {
      throw new Error('hidden');
    }
  }
  @Module({ controllers: [ProblemController] })
  class AppModule {}
  return bootstrap(AppModule, { logStartup: false, problemDetails: true });
}

test('problemDetails: 404, 405, 413, 415, 422 and HttpException answer RFC 9457 application/problem+json', async () => {
  const client = new TestClient(await problemApp());
  const expect = async (res: Awaited<ReturnType<TestClient['get']>>, status: number, title: string, instance: string) => {
    assert.equal(res.status, status);
    assert.equal(res.headers['content-type'], 'application/problem+json');
    const body = res.json<Record<string, unknown>>();
    assert.equal(body.type, 'about:blank');
    assert.equal(body.title, title);
    assert.equal(body.status, status);
    assert.equal(body.instance, instance);
    assert.equal(typeof body.detail, 'string');
    return body;
  };
  await expect(await client.get('/nowhere?x=1'), 404, 'Not Found', '/nowhere');
  const notAllowed = await client.get('/items');
  await expect(notAllowed, 405, 'Method Not Allowed', '/items');
  assert.equal(notAllowed.headers.allow, 'POST');
  const tooBig = await expect(await client.post('/items', { json: { n: 1, pad: 'x'.repeat(64) } }), 413, 'Payload Too Large', '/items');
  assert.match(String(tooBig.detail), /limit 16 bytes/);
  const unsupported = await expect(await client.post('/upload'), 415, 'Unsupported Media Type', '/upload');
  assert.equal(unsupported.detail, 'Unsupported Media Type');
  const notJson = await expect(await client.post('/items', { body: 'n=1', headers: { 'content-type': 'text/plain' } }), 422, 'Unprocessable Entity', '/items');
  assert.equal((notJson.errors as { type: string }[])[0].type, 'model_attributes_type');
  const invalid = await expect(await client.post('/items', { json: { n: 'x' } }), 422, 'Unprocessable Entity', '/items');
  const errors = invalid.errors as { loc: string[]; type: string }[];
  assert.deepEqual(errors[0].loc, ['body', 'n']);
  const teapot = await client.post('/teapot');
  const body = await expect(teapot, 418, "I'm a Teapot", '/teapot');
  assert.equal(body.detail, 'short and stout');
  assert.equal(teapot.headers['x-spout'], 'yes');
  const listed = await expect(await client.post('/listed'), 409, 'Conflict', '/listed');
  assert.deepEqual(listed.errors, [{ field: 'name' }]);
  const original = console.error;
  console.error = () => undefined;
  try {
    const boom = await expect(await client.post('/boom'), 500, 'Internal Server Error', '/boom');
    assert.equal(boom.detail, 'Internal Server Error');
  } finally {
    console.error = original;
  }
});

test('problemDetails also shapes a refused WebSocket upgrade', async () => {
  const app = createApp({ logStartup: false, problemDetails: true });
  app.websocket('/ws', async () => undefined, { allowedOrigins: ['https://a.example'] });
  const base = (await app.serve({ port: 0 })).replace('http', 'ws');
  after(() => app.close());
  const refused = await refusedStatus(`${base}/ws`, [], { origin: 'https://b.example' });
  assert.equal(refused.status, 403);
  assert.deepEqual(JSON.parse(refused.body), {
    type: 'about:blank',
    title: 'Forbidden',
    status: 403,
    detail: 'Origin "https://b.example" is not allowed',
    instance: '/ws',
  });
  const missing = await refusedStatus(`${base}/none`);
  assert.equal(missing.status, 404);
  assert.equal(JSON.parse(missing.body).title, 'Not Found');
});

test('WebSocketException closes an open connection with its code and reason, and before the upgrade refuses with its HTTP mapping', async () => {
  @Controller()
  class RoomsController {
    @WebSocket('/full')
    async full(conn: Connection) {
      await conn.sendText('sorry');
      throw new WebSocketException(4000, 'room is full');
    }

    @WebSocket('/later', { dependencies: [() => { throw new WebSocketException(1013, 'try again later'); }] })
    async later() {}

    @WebSocket('/policy', { dependencies: [() => { throw new WebSocketException(1008); }] })
    async policy() {}
  }
  @Module({ controllers: [RoomsController] })
  class AppModule {}
  const app = await bootstrap(AppModule, { logStartup: false });
  const base = (await app.serve({ port: 0 })).replace('http', 'ws');
  after(() => app.close());

  const peer = await TestPeer.open(`${base}/full`);
  assert.equal(await peer.next(), 'sorry');
  assert.deepEqual(await peer.closed, { code: 4000, reason: 'room is full' });
  const later = await refusedStatus(`${base}/later`);
  assert.equal(later.status, 503);
  assert.deepEqual(JSON.parse(later.body), { detail: 'try again later' });
  const policy = await refusedStatus(`${base}/policy`);
  assert.equal(policy.status, 403);
  assert.deepEqual(JSON.parse(policy.body), { detail: 'Forbidden' });
});
