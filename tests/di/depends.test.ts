import 'reflect-metadata';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  BootstrapError, Connection, Controller, Depends, Get, Header, HttpException, Module, Query, Request, TestClient, WebSocket,
  bootstrap, dependency,
} from 'zigmund';

test('nested dependencies resolve to any depth and each runs once per request', async () => {
  const calls: string[] = [];
  const config = dependency([], () => {
    calls.push('config');
    return { prefix: 'db' };
  });
  const db = dependency([Depends(config)], (cfg: { prefix: string }) => {
    calls.push('db');
    return `${cfg.prefix}-conn`;
  });
  const repo = dependency([Depends(db), Depends(config)], (conn: string, cfg: { prefix: string }) => {
    calls.push('repo');
    return { conn, prefix: cfg.prefix };
  });
  const service = dependency([Depends(repo), Depends(db)], (r: { conn: string }, conn: string) => {
    calls.push('service');
    return { repo: r.conn, conn };
  });

  @Controller()
  class DeepController {
    @Get('/deep')
    deep(@Depends(service) svc: unknown, @Depends(db) conn: string) {
      return { svc, conn };
    }
  }
  @Module({ controllers: [DeepController] })
  class DeepModule {}

  const client = new TestClient(await bootstrap(DeepModule));
  const res = await client.get('/deep');
  assert.equal(res.status, 200);
  assert.deepEqual(res.json(), { svc: { repo: 'db-conn', conn: 'db-conn' }, conn: 'db-conn' });
  assert.deepEqual(calls, ['config', 'db', 'repo', 'service']);
  await client.get('/deep');
  assert.equal(calls.length, 8, 'a new request runs them again');
});

test('useCache: false runs a dependency again within the same request', async () => {
  let n = 0;
  const counter = () => ++n;
  @Controller()
  class CounterController {
    @Get('/count')
    count(@Depends(counter) a: number, @Depends(counter) b: number, @Depends(counter, { useCache: false }) c: number) {
      return [a, b, c];
    }
  }
  @Module({ controllers: [CounterController] })
  class CounterModule {}
  const client = new TestClient(await bootstrap(CounterModule));
  assert.deepEqual((await client.get('/count')).json(), [1, 1, 2]);
});

test('a dependency cycle fails at bootstrap naming the chain', async () => {
  const first = dependency([], function first() {
    return 1;
  });
  const second = dependency([Depends(first)], function second(x: number) {
    return x;
  });
  // Close the loop: first now depends on second too.
  dependency([Depends(second)], first);

  @Controller()
  class CycleController {
    @Get('/cycle')
    cycle(@Depends(second) value: number) {
      return value;
    }
  }
  @Module({ controllers: [CycleController] })
  class CycleModule {}

  await assert.rejects(bootstrap(CycleModule), (err: Error) => {
    assert.ok(err instanceof BootstrapError);
    assert.match(err.message, /CycleController\.cycle/);
    assert.match(err.message, /dependency cycle second -> first -> second/);
    return true;
  });
});

test('sync, async, function* and async function* providers all inject their value', async () => {
  const sync = () => 'sync';
  const asyncFn = async () => 'async';
  const gen = function* () {
    yield 'gen';
  };
  const asyncGen = async function* () {
    yield 'async-gen';
  };
  @Controller()
  class KindsController {
    @Get('/kinds')
    kinds(@Depends(sync) a: string, @Depends(asyncFn) b: string, @Depends(gen) c: string, @Depends(asyncGen) d: string) {
      return [a, b, c, d];
    }
  }
  @Module({ controllers: [KindsController] })
  class KindsModule {}
  const client = new TestClient(await bootstrap(KindsModule));
  assert.deepEqual((await client.get('/kinds')).json(), ['sync', 'async', 'gen', 'async-gen']);
});

test('teardowns of three nested generator dependencies run after the response, innermost last', async () => {
  const events: string[] = [];
  let done!: () => void;
  const finished = new Promise<void>((resolve) => (done = resolve));
  const engine = dependency([], function* () {
    events.push('engine up');
    yield 'engine';
    events.push('engine down');
    done();
  });
  let openGate!: () => void;
  const gate = new Promise<void>((resolve) => (openGate = resolve));
  const session = dependency([Depends(engine)], async function* (e: string) {
    events.push('session up');
    yield `${e}/session`;
    await gate;
    events.push('session down');
  });
  const unitOfWork = dependency([Depends(session)], function* (s: string) {
    events.push('uow up');
    yield `${s}/uow`;
    events.push('uow down');
  });

  @Controller()
  class WorkController {
    @Get('/work')
    work(@Depends(unitOfWork) uow: string) {
      events.push('handler');
      return { uow };
    }
  }
  @Module({ controllers: [WorkController] })
  class WorkModule {}
  const client = new TestClient(await bootstrap(WorkModule));
  const res = await client.get('/work');
  assert.deepEqual(res.json(), { uow: 'engine/session/uow' });
  // The answer arrived while the session's teardown is still waiting.
  assert.equal(events.includes('engine down'), false);
  openGate();
  await finished;
  assert.deepEqual(events.slice(0, 4), ['engine up', 'session up', 'uow up', 'handler']);
  assert.deepEqual(events.filter((e) => e.endsWith('down')), ['uow down', 'session down', 'engine down']);
});

test('a generator dependency sees the HttpException the handler threw, after the error response was sent', async () => {
  const seen: unknown[] = [];
  let done!: () => void;
  const finished = new Promise<void>((resolve) => (done = resolve));
  async function* transaction() {
    try {
      yield 'tx';
      seen.push('commit');
    } catch (err) {
      seen.push(err);
      throw err;
    } finally {
      done();
    }
  }
  @Controller()
  class TxController {
    @Get('/fail')
    fail(@Depends(transaction) tx: string) {
      throw new HttpException(409, `conflict in ${tx}`);
    }
  }
  @Module({ controllers: [TxController] })
  class TxModule {}
  const client = new TestClient(await bootstrap(TxModule));
  const res = await client.get('/fail');
  assert.equal(res.status, 409);
  assert.deepEqual(res.json(), { detail: 'conflict in tx' });
  await finished;
  assert.equal(seen.length, 1);
  assert.ok(seen[0] instanceof HttpException);
  assert.equal((seen[0] as HttpException).status, 409);
});

test('a generator dependency of a WebSocket route is torn down after the handler ends', async () => {
  const events: string[] = [];
  let done!: () => void;
  const finished = new Promise<void>((resolve) => (done = resolve));
  function* room() {
    events.push('join');
    yield 'lobby';
    events.push('leave');
    done();
  }
  @Controller()
  class RoomController {
    @WebSocket('/room')
    async chat(conn: Connection, @Depends(room) name: string) {
      await conn.sendText(`welcome to ${name}`);
      await conn.receive();
      events.push('handler done');
    }
  }
  @Module({ controllers: [RoomController] })
  class RoomModule {}
  const client = new TestClient(await bootstrap(RoomModule));
  const conn = await client.websocketConnect('/room');
  assert.equal((await conn.receive()).text(), 'welcome to lobby');
  assert.deepEqual(events, ['join']);
  await conn.sendText('bye');
  await finished;
  assert.deepEqual(events, ['join', 'handler done', 'leave']);
});

test('route and controller dependencies run for their effect, once per request, before the handler', async () => {
  const calls: string[] = [];
  const verifyToken = dependency([Header('x-token')], (token: string) => {
    calls.push('token');
    if (token !== 'secret') throw new HttpException(401, 'bad token');
  });
  const verifyKey = dependency([Query('key', { default: 'k' })], (key: string) => {
    calls.push(`key:${key}`);
  });
  @Controller('/items', { dependencies: [verifyToken] })
  class GuardedController {
    @Get('', { dependencies: [verifyKey] })
    list(@Depends(verifyToken) _again: unknown) {
      calls.push('handler');
      return ['a'];
    }
  }
  @Module({ controllers: [GuardedController] })
  class GuardedModule {}
  const client = new TestClient(await bootstrap(GuardedModule));
  const denied = await client.get('/items', { headers: { 'x-token': 'nope' } });
  assert.equal(denied.status, 401);
  assert.deepEqual(calls, ['token']);
  calls.length = 0;
  const ok = await client.get('/items', { headers: { 'x-token': 'secret' }, query: { key: 'z' } });
  assert.equal(ok.status, 200);
  assert.deepEqual(calls, ['token', 'key:z', 'handler']);
  const missing = await client.get('/items');
  assert.equal(missing.status, 422);
  assert.deepEqual(missing.json<{ detail: { loc: string[] }[] }>().detail[0].loc, ['header', 'x-token']);
});

test('a route with only sync dependencies calls its handler in the same tick, with no await in between', async () => {
  let microtaskRan = false;
  const first = dependency([Request], (req: Request) => {
    queueMicrotask(() => (microtaskRan = true));
    return req.path;
  });
  const second = dependency([Depends(first)], function* (path: string) {
    yield path.toUpperCase();
  });
  let sameTick: boolean | undefined;
  @Controller()
  class SyncController {
    @Get('/sync', { dependencies: [first] })
    sync(@Depends(second) upper: string) {
      sameTick = !microtaskRan;
      return upper;
    }
  }
  @Module({ controllers: [SyncController] })
  class SyncModule {}
  const res = await new TestClient(await bootstrap(SyncModule)).get('/sync');
  assert.equal(res.json(), '/SYNC');
  assert.equal(sameTick, true);
});

test('a function dependency whose parameters are not declared fails at bootstrap', async () => {
  const undeclared = (limit: number) => limit;
  @Controller()
  class UndeclaredController {
    @Get('/u')
    u(@Depends(undeclared) limit: number) {
      return limit;
    }
  }
  @Module({ controllers: [UndeclaredController] })
  class UndeclaredModule {}
  await assert.rejects(bootstrap(UndeclaredModule), /UndeclaredController\.u.*undeclared takes 1 parameter\(s\).*dependency\(\[\.\.\.\], fn\)/);
});
