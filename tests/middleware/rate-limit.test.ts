import 'reflect-metadata';
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { createApp, rateLimit, rateLimitMemoryStore, rateLimitRedisStore, TestClient, type RateLimitStore } from 'zigmund';
import { RedisServer } from '../support/redis.js';

function limited(options: Parameters<typeof rateLimit>[0], problemDetails = false) {
  const app = createApp({ logStartup: false, problemDetails });
  app.get('/items', () => ({ ok: true }));
  app.use(rateLimit(options));
  return new TestClient(app);
}

test('the max+1-th request of a window is 429 with Retry-After and the RateLimit headers', async () => {
  const client = limited({ windowMs: 60_000, max: 3, key: (req) => req.headers['x-user'] as string });
  const as = (user: string) => ({ headers: { 'x-user': user } });
  for (let i = 1; i <= 3; i++) {
    const res = await client.get('/items', as('ann'));
    assert.equal(res.status, 200);
    assert.equal(res.headers['ratelimit-policy'], '3;w=60');
    assert.equal(res.headers.ratelimit, `limit=3, remaining=${3 - i}, reset=60`);
  }
  const refused = await client.get('/items', as('ann'));
  assert.equal(refused.status, 429);
  assert.deepEqual(refused.json(), { detail: 'Too Many Requests' });
  assert.equal(refused.headers['retry-after'], '60');
  assert.equal(refused.headers.ratelimit, 'limit=3, remaining=0, reset=60');
  assert.equal(refused.headers['ratelimit-policy'], '3;w=60');
  // Another key has its own count.
  assert.equal((await client.get('/items', as('bob'))).status, 200);
});

test('a new window starts the count again', async () => {
  const client = limited({ windowMs: 1000, max: 1 });
  assert.equal((await client.get('/items')).status, 200);
  assert.equal((await client.get('/items')).status, 429);
  const deadline = Date.now() + 3000;
  let status = 429;
  while (status === 429 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    status = (await client.get('/items')).status;
  }
  assert.equal(status, 200);
});

test('the 429 is a problem+json with problemDetails, and the default key is the client address', async () => {
  const client = limited({ max: 1 }, true);
  await client.get('/items');
  const refused = await client.get('/items');
  assert.equal(refused.status, 429);
  assert.equal(refused.headers['content-type'], 'application/problem+json');
  assert.equal(refused.json<{ title: string }>().title, 'Too Many Requests');
});

test('a failing store lets requests through, logged once', async (t) => {
  const logged = t.mock.method(console, 'error', () => undefined);
  const broken: RateLimitStore = {
    hit() {
      throw new Error('store down');
    },
  };
  const client = limited({ max: 1, store: broken });
  for (let i = 0; i < 3; i++) assert.equal((await client.get('/items')).status, 200);
  assert.equal(logged.mock.callCount(), 1);
  assert.match(String(logged.mock.calls[0].arguments[0]), /rateLimit\(\): the store failed/);
});

test('bad options are refused when the middleware is made', () => {
  assert.throws(() => rateLimit({ windowMs: 10 }), /windowMs must be a whole number of milliseconds, at least 1000/);
  assert.throws(() => rateLimit({ max: 0 }), /max must be a whole number of at least 1/);
  assert.throws(() => rateLimit({ key: 'ip' as unknown as () => string }), /key must be a function/);
  assert.throws(() => rateLimit({ store: {} as RateLimitStore }), /store must have a hit/);
});

test('the memory store counts per key and forgets ended windows', async () => {
  const store = rateLimitMemoryStore();
  assert.deepEqual(await store.hit('a', 5000), { count: 1, resetMs: 5000 });
  assert.equal((await store.hit('a', 5000)).count, 2);
  assert.equal((await store.hit('b', 5000)).count, 1);
  await store.close?.();
});

test('the Redis store shares the count between two apps, against a real redis-server', async () => {
  const redis = await RedisServer.start();
  const storeA = rateLimitRedisStore({ url: redis.url, prefix: 'test:' });
  const storeB = rateLimitRedisStore({ url: redis.url, prefix: 'test:' });
  after(async () => {
    await storeA.close?.();
    await storeB.close?.();
    await redis.kill();
  });
  const a = limited({ max: 3, windowMs: 10_000, key: () => 'shared', store: storeA });
  const b = limited({ max: 3, windowMs: 10_000, key: () => 'shared', store: storeB });
  assert.equal((await a.get('/items')).headers.ratelimit, 'limit=3, remaining=2, reset=10');
  assert.equal((await b.get('/items')).headers.ratelimit, 'limit=3, remaining=1, reset=10');
  assert.equal((await a.get('/items')).status, 200);
  const refused = await b.get('/items');
  assert.equal(refused.status, 429);
  assert.ok(Number(refused.headers['retry-after']) >= 1 && Number(refused.headers['retry-after']) <= 10);

  // Redis gone: requests go through (logged), and the limit is back once it is.
  const logged: unknown[] = [];
  const original = console.error;
  console.error = (...args: unknown[]) => void logged.push(args[0]);
  try {
    await redis.kill();
    assert.equal((await a.get('/items')).status, 200);
    assert.match(String(logged[0]), /the store failed/);
    await redis.restart();
    let answer = await a.get('/items');
    const deadline = Date.now() + 10_000;
    while (answer.headers.ratelimit === undefined && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      answer = await a.get('/items');
    }
    assert.equal(answer.headers.ratelimit, 'limit=3, remaining=2, reset=10', 'counting again, from an empty Redis');
  } finally {
    console.error = original;
  }
});
