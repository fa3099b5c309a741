import 'reflect-metadata';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { Arena, Controller, Get, Injectable, Module, Pool, PoolDrained, PoolTimeout, Query, TestClient, bootstrap } from 'zigmund';
import { nextTurn } from '../support/wait-for.js';

test('a pool of size 2 under 10 concurrent requests: never more than 2 live, all served, first come first served', async () => {
  let live = 0;
  let peak = 0;
  let made = 0;
  const served: number[] = [];

  @Injectable()
  class Connections {
    readonly pool = new Pool({ create: () => ({ id: ++made }), max: 2 });
  }
  @Controller()
  class WorkController {
    constructor(private readonly connections: Connections) {}

    @Get('/work')
    async work(@Query('n', { integer: true }) n: number, arena: Arena) {
      const conn = await arena.acquire(this.connections.pool);
      live++;
      peak = Math.max(peak, live);
      await sleep(10);
      served.push(n);
      live--;
      return { n, conn: conn.id };
    }
  }
  @Module({ controllers: [WorkController], providers: [Connections] })
  class WorkModule {}

  const app = await bootstrap(WorkModule);
  const client = new TestClient(app);
  const answers = await Promise.all(Array.from({ length: 10 }, (_, n) => client.get('/work', { query: { n } })));
  assert.deepEqual(answers.map((r) => r.status), Array(10).fill(200));
  assert.deepEqual(new Set(answers.map((r) => r.json<{ conn: number }>().conn)), new Set([1, 2]));
  assert.equal(peak, 2);
  assert.equal(made, 2);
  assert.deepEqual(served, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], 'waiters are served in arrival order');
  await app.close();
});

test('acquire() rejects with PoolTimeout (a 503) after acquireTimeoutMs, and stats count it', async () => {
  const pool = new Pool({ create: () => ({}), max: 1, acquireTimeoutMs: 20, name: 'db' });
  const held = await pool.acquire();
  await assert.rejects(pool.acquire(), (err: Error) => {
    assert.ok(err instanceof PoolTimeout);
    assert.equal(err.status, 503);
    assert.match(err.message, /pool "db": no resource came free within 20 ms/);
    return true;
  });
  assert.deepEqual(pool.stats, { max: 1, size: 1, idle: 0, borrowed: 1, pending: 0, created: 1, destroyed: 0, timedOut: 1, draining: false });
  pool.release(held);
});

test('an idle resource that fails validate() is destroyed and replaced', async () => {
  const destroyed: number[] = [];
  let made = 0;
  const pool = new Pool({
    create: () => ({ id: ++made, healthy: true }),
    validate: (conn) => conn.healthy,
    destroy: (conn) => destroyed.push(conn.id),
    max: 1,
  });
  const first = await pool.acquire();
  first.healthy = false;
  pool.release(first);
  const second = await pool.acquire();
  assert.equal(second.id, 2);
  assert.deepEqual(destroyed, [1]);
});

test('destroy() frees a place for the next caller in line', async () => {
  let made = 0;
  const pool = new Pool({ create: () => ({ id: ++made }), max: 1 });
  const broken = await pool.acquire();
  const waiting = pool.acquire();
  await pool.destroy(broken);
  assert.equal((await waiting).id, 2);
});

test('a failing create() rejects that acquire and leaves the place free', async () => {
  let fail = true;
  const pool = new Pool({
    create: () => {
      if (fail) throw new Error('connection refused');
      return {};
    },
    max: 1,
  });
  await assert.rejects(pool.acquire(), /connection refused/);
  assert.equal(pool.size, 0);
  fail = false;
  await pool.acquire();
  assert.equal(pool.size, 1);
});

test('drain() rejects waiters, waits for borrowed resources and destroys everything', async () => {
  const destroyed: number[] = [];
  let made = 0;
  const pool = new Pool({ create: () => ({ id: ++made }), destroy: (c) => destroyed.push(c.id), max: 2 });
  const a = await pool.acquire();
  const b = await pool.acquire();
  pool.release(b);
  const borrowedAgain = await pool.acquire();
  const waiter = pool.acquire();
  const draining = pool.drain();
  await assert.rejects(waiter, PoolDrained);
  await assert.rejects(pool.acquire(), PoolDrained);
  let drained = false;
  void draining.then(() => (drained = true));
  // drain() settles on release() calls, not on time: one turn is enough to see it if it could.
  await nextTurn();
  assert.equal(drained, false, 'two resources are still borrowed');
  pool.release(a);
  pool.release(borrowedAgain);
  await draining;
  assert.deepEqual(destroyed.sort(), [1, 2]);
  assert.equal(pool.stats.size, 0);
  assert.equal(pool.stats.draining, true);
});

test('releasing a resource twice throws instead of corrupting the pool', async () => {
  const pool = new Pool({ create: () => ({}), max: 1 });
  const item = await pool.acquire();
  pool.release(item);
  assert.throws(() => pool.release(item), /not borrowed/);
});
