import 'reflect-metadata';
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { Arena, ArenaReleased, ClientDisconnected, Pool, createApp } from 'zigmund';
import { waitFor } from '../support/wait-for.js';

test('an Arena releases newest first, exactly once, and survives a throwing release', async (t) => {
  const logged = t.mock.method(console, 'error', () => undefined);
  const arena = new Arena();
  const events: string[] = [];
  arena.defer(() => events.push('defer'));
  arena.use({ close: () => events.push('close') });
  arena.use({ [Symbol.asyncDispose]: async () => events.push('asyncDispose') });
  arena.defer(() => {
    throw new Error('broken release');
  });
  arena.adopt('handle', (value) => events.push(`adopt ${value}`));
  await Promise.all([arena.release(), arena.release()]);
  await arena.release();
  assert.deepEqual(events, ['adopt handle', 'asyncDispose', 'close', 'defer']);
  assert.equal(logged.mock.callCount(), 1);
  assert.equal(arena.isReleased, true);
  assert.throws(() => arena.defer(() => undefined), ArenaReleased);
});

test('deferred functions receive the error the work ended with', async () => {
  const arena = new Arena();
  const seen: unknown[] = [];
  arena.defer((error) => seen.push(error));
  const failure = new Error('handler failed');
  await arena.release(failure);
  assert.deepEqual(seen, [failure]);
});

test('alloc() hands out zeroed buffers from a size-classed pool and takes them back on release', async () => {
  const first = new Arena();
  const a = first.alloc(1000);
  assert.equal(a.length, 1000);
  a.fill(7);
  const backing = a.buffer;
  await first.release();

  const second = new Arena();
  const b = second.alloc(900);
  assert.equal(b.length, 900);
  assert.equal(b.buffer, backing, 'the same 1 KiB buffer is reused');
  assert.equal(b.every((byte) => byte === 0), true, 'and it was wiped');
  const c = second.alloc(900);
  assert.notEqual(c.buffer, backing, 'a buffer in use is not handed out twice');
  await second.release();
});

test('acquire() borrows from a pool and gives the resource back on release', async () => {
  let made = 0;
  const pool = new Pool({ create: () => ({ id: ++made }), max: 1 });
  const arena = new Arena();
  const conn = await arena.acquire(pool);
  assert.deepEqual(pool.stats.borrowed, 1);
  await arena.release();
  assert.equal(pool.stats.borrowed, 0);
  assert.equal(pool.stats.idle, 1);
  assert.equal(await pool.acquire(), conn);
});

test('the Arena signal aborts when the HTTP client drops mid-request', async () => {
  const events: string[] = [];
  let reachedHandler!: () => void;
  const handlerStarted = new Promise<void>((resolve) => (reachedHandler = resolve));
  let settle!: (value: unknown) => void;
  const aborted = new Promise((resolve) => (settle = resolve));
  const app = createApp({ logStartup: false, handleSignals: false });
  app.get('/slow', async (_req, _res, arena) => {
    arena.defer(() => events.push('released'));
    arena.signal.addEventListener('abort', () => settle(arena.signal.reason));
    reachedHandler();
    await new Promise((resolve) => arena.signal.addEventListener('abort', resolve));
    events.push('handler saw abort');
    return 'too late';
  });
  const url = await app.serve({ port: 0 });
  after(() => app.close());

  const req = http.get(`${url}/slow`);
  req.on('error', () => undefined);
  await handlerStarted;
  req.destroy();
  const reason = await aborted;
  assert.ok(reason instanceof ClientDisconnected);
  await waitFor(() => events.includes('released'), 'the Arena released');
  assert.deepEqual(events, ['handler saw abort', 'released']);
});

test('a waiting acquire() gives up when the client drops', async () => {
  const pool = new Pool({ create: () => ({}), max: 1 });
  const held = await pool.acquire();
  const arena = new Arena();
  const waiting = arena.acquire(pool);
  arena.abort();
  await assert.rejects(waiting, ClientDisconnected);
  assert.equal(pool.stats.pending, 0);
  pool.release(held);
});

test('the Arena signal aborts when the server times the request out', async () => {
  let settle!: (value: unknown) => void;
  const aborted = new Promise((resolve) => (settle = resolve));
  const app = createApp({ logStartup: false, handleSignals: false });
  app.get('/hang', async (_req, _res, arena) => {
    await new Promise((resolve) => arena.signal.addEventListener('abort', resolve));
    settle(arena.signal.reason);
  });
  // Node's socket timeout: an answer not written within 50 ms ends the connection.
  app.server.setTimeout(50);
  const url = await app.serve({ port: 0 });
  after(() => app.close());
  const req = http.get(`${url}/hang`);
  req.on('error', () => undefined);
  assert.ok((await aborted) instanceof ClientDisconnected);
});
