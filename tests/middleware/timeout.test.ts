import 'reflect-metadata';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Arena, createApp, TestClient, timeout } from 'zigmund';

test("timeout(ms) answers 503 when the handler is too slow, and aborts the Arena's signal so it can stop", async () => {
  const app = createApp({ logStartup: false });
  let stopped: unknown;
  const handlerSawAbort = new Promise<void>((resolve) => {
    app.get('/slow', (_req, _res, arena: Arena) => {
      return new Promise((_resolve, reject) => {
        arena.signal.addEventListener('abort', () => {
          stopped = arena.signal.reason;
          resolve();
          reject(arena.signal.reason);
        });
      });
    });
  });
  app.get('/fast', () => ({ fast: true }));
  app.use(timeout(50));
  const client = new TestClient(app);
  const slow = await client.get('/slow');
  assert.equal(slow.status, 503);
  assert.deepEqual(slow.json(), { detail: 'The request took longer than 50 ms' });
  await handlerSawAbort;
  assert.equal((stopped as Error).name, 'RequestTimeout');
  const fast = await client.get('/fast');
  assert.equal(fast.status, 200);
  assert.deepEqual(fast.json(), { fast: true });
});

test('timeout() refuses a duration that is not a positive number', () => {
  assert.throws(() => timeout(0), /positive number of milliseconds/);
  assert.throws(() => timeout(Number.NaN), /positive number/);
});
