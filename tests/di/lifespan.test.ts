import 'reflect-metadata';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import { WebSocket as WsClient } from 'ws';
import { Connection, Controller, Get, Injectable, Module, OnShutdown, OnStartup, TestClient, WebSocket, bootstrap, createApp, dependency, Depends } from 'zigmund';
import { waitFor } from '../support/wait-for.js';

test('startup runs provider hooks (dependencies first), onStartup, then lifespan; shutdown runs in reverse, then disposes singletons', async () => {
  const events: string[] = [];
  @Injectable()
  class Db {
    @OnStartup()
    connect() {
      events.push('db start');
    }

    @OnShutdown()
    disconnect() {
      events.push('db stop');
    }

    async [Symbol.asyncDispose]() {
      events.push('db disposed');
    }
  }
  @Injectable()
  class Cache {
    constructor(readonly db: Db) {}

    @OnStartup()
    async warm() {
      await sleep(1);
      events.push('cache start');
    }

    @OnShutdown()
    flush() {
      events.push('cache stop');
    }
  }
  @Module({ providers: [Cache, Db, { provide: 'external', useValue: { [Symbol.dispose]: () => events.push('never: not ours') } }] })
  class AppModule {}

  const app = await bootstrap(AppModule, {
    logStartup: false,
    onStartup: [() => events.push('option start')],
    onShutdown: () => events.push('option stop'),
    lifespan: async function* () {
      events.push('lifespan start');
      yield;
      events.push('lifespan stop');
    },
  });
  assert.deepEqual(events, [], 'bootstrap builds providers but starts nothing');
  await app.startup();
  await app.startup();
  assert.deepEqual(events, ['db start', 'cache start', 'option start', 'lifespan start']);
  events.length = 0;
  await Promise.all([app.close(), app.close()]);
  assert.deepEqual(events, ['lifespan stop', 'option stop', 'cache stop', 'db stop', 'db disposed']);
});

test('serve() runs startup before it accepts connections, and a failing startup hook keeps it from listening', async () => {
  let listeningDuringStartup: boolean | undefined;
  const app = createApp({ logStartup: false, handleSignals: false });
  app.config.onStartup = () => {
    listeningDuringStartup = app.server.listening;
  };
  await app.serve({ port: 0 });
  assert.equal(listeningDuringStartup, false);
  await app.close();

  const broken = createApp({ logStartup: false, handleSignals: false, onStartup: () => Promise.reject(new Error('no database')) });
  await assert.rejects(broken.serve({ port: 0 }), /no database/);
  assert.equal(broken.server.listening, false);
  await broken.close();
});

test('close() lets an in-flight request finish, closes WebSockets with 1001, then runs shutdown hooks', async () => {
  const events: string[] = [];
  let requestStarted!: () => void;
  const started = new Promise<void>((resolve) => (requestStarted = resolve));
  const session = dependency([], async function* () {
    yield 'session';
    await sleep(20);
    events.push('session teardown');
  });
  @Controller()
  class SlowController {
    @Get('/slow')
    async slow(@Depends(session) s: string) {
      requestStarted();
      await sleep(100);
      events.push('slow done');
      return { s };
    }

    @WebSocket('/ws')
    async ws(conn: Connection) {
      await conn.sendText('open');
      for await (const msg of conn) void msg;
      events.push(`ws handler ended ${conn.lastCloseCode}`);
    }
  }
  @Module({ controllers: [SlowController] })
  class SlowModule {}
  const app = await bootstrap(SlowModule, { logStartup: false, handleSignals: false, onShutdown: () => events.push('shutdown hook') });
  const url = await app.serve({ port: 0 });

  const ws = new WsClient(`${url.replace('http', 'ws')}/ws`);
  const closed = once(ws, 'close');
  await once(ws, 'message');
  const slow = fetch(`${url}/slow`).then(async (res) => ({ status: res.status, body: await res.json() }));
  await started;
  const closing = app.close();
  await waitFor(() => !app.server.listening, 'the server stopped listening');
  await assert.rejects(fetch(`${url}/slow`), 'no new connections are accepted');

  assert.deepEqual(await slow, { status: 200, body: { s: 'session' } });
  const [code] = await closed;
  assert.equal(code, 1001);
  await closing;
  assert.deepEqual(events.slice(-2), ['session teardown', 'shutdown hook']);
  assert.ok(events.includes('slow done'));
  assert.ok(events.includes('ws handler ended 1001'));
});

test('a request still running after shutdownGraceMs is cut off, and shutdown hooks still run', async (t) => {
  t.mock.method(console, 'error', () => undefined);
  const events: string[] = [];
  const app = createApp({ logStartup: false, handleSignals: false, shutdownGraceMs: 50, onShutdown: () => events.push('shutdown hook') });
  let requestStarted!: () => void;
  const started = new Promise<void>((resolve) => (requestStarted = resolve));
  app.get('/stuck', async (_req, _res, arena) => {
    requestStarted();
    await new Promise((resolve) => arena.signal.addEventListener('abort', resolve));
    events.push('handler aborted');
  });
  const url = await app.serve({ port: 0 });
  const stuck = fetch(`${url}/stuck`);
  await started;
  await app.close();
  await assert.rejects(stuck);
  assert.ok(events.includes('shutdown hook'));
  await waitFor(() => events.includes('handler aborted'), 'the handler saw its signal abort');
});

test('an app used through the TestClient disposes its singletons on close()', async () => {
  const events: string[] = [];
  @Injectable()
  class Resource {
    [Symbol.dispose]() {
      events.push('disposed');
    }
  }
  @Controller()
  class ResourceController {
    @Get('/r')
    r(resource: Resource) {
      return resource instanceof Resource;
    }
  }
  @Module({ controllers: [ResourceController], providers: [Resource] })
  class ResourceModule {}
  const app = await bootstrap(ResourceModule);
  assert.equal((await new TestClient(app).get('/r')).text, 'true');
  await app.close();
  assert.deepEqual(events, ['disposed']);
});
