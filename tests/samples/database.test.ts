import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { TestClient, bootstrap, type App, type PoolStats } from 'zigmund';
import { AppModule } from '../../samples/database/app.js';
import { Database, connection } from '../../samples/database/database.js';

async function start(): Promise<{ app: App; client: TestClient; stats: () => Promise<PoolStats> }> {
  const app = await bootstrap(AppModule, { logStartup: false });
  await app.startup();
  const client = new TestClient(app);
  return { app, client, stats: async () => (await client.get('/notes/pool')).json<PoolStats>() };
}

/** Connections go back to the pool after the answer is sent; wait for that. */
async function allReturned(stats: () => Promise<PoolStats>): Promise<PoolStats> {
  const deadline = Date.now() + 5_000;
  for (;;) {
    const now = await stats();
    if (now.borrowed === 0) return now;
    if (Date.now() > deadline) throw new Error(`pooled connections still borrowed after 5 s: ${JSON.stringify(now)}`);
    await sleep(2);
  }
}

test('the database sample creates and reads notes through a pooled connection per request', async () => {
  const { app, client, stats } = await start();
  const created = await client.post('/notes', { json: { title: 'first', body: 'hello' } });
  assert.equal(created.status, 201);
  assert.deepEqual(created.json(), { id: 1, title: 'first', body: 'hello' });
  assert.deepEqual((await client.get('/notes/1')).json(), { id: 1, title: 'first', body: 'hello' });
  assert.deepEqual((await client.get('/notes')).json<{ title: string }[]>().map((n) => n.title), ['first']);
  assert.equal((await client.get('/notes/9')).status, 404);
  assert.equal((await client.post('/notes', { json: { title: '' } })).status, 422);
  const after = await allReturned(stats);
  assert.ok(after.size >= 1 && after.size <= 4);
  await app.close();
});

test('a failing batch is rolled back: the generator dependency sees the 409 and nothing is saved', async () => {
  const { app, client, stats } = await start();
  await client.post('/notes', { json: { title: 'taken', body: '' } });
  const batch = await client.post('/notes/batch', { json: [{ title: 'new one', body: '' }, { title: 'taken', body: '' }] });
  assert.equal(batch.status, 409);
  assert.deepEqual(batch.json(), { detail: 'a note titled "taken" already exists' });
  await allReturned(stats);
  assert.deepEqual((await client.get('/notes')).json<{ title: string }[]>().map((n) => n.title), ['taken']);
  await app.close();
});

test('concurrent requests never hold more connections than the pool size', async () => {
  const { app, client, stats } = await start();
  const answers = await Promise.all(Array.from({ length: 12 }, (_, i) => client.post('/notes', { json: { title: `n${i}`, body: '' } })));
  assert.deepEqual(answers.map((r) => r.status), Array(12).fill(201));
  const after = await allReturned(stats);
  assert.equal(after.max, 4);
  assert.ok(after.created <= 4, `created ${after.created} connections`);
  assert.equal((await client.get('/notes')).json<unknown[]>().length, 12);
  await app.close();
});

test('a WebSocket connection keeps one pooled connection for its lifetime and gives it back when it ends', async () => {
  const { app, client, stats } = await start();
  const ws = await client.websocketConnect('/notes/live');
  const hello = (await ws.receive()).json() as { connected: boolean };
  assert.equal(hello.connected, true);
  await ws.sendJson({ title: 'live', body: 'from a socket' });
  assert.deepEqual((await ws.receive()).json(), { id: 1, title: 'live', body: 'from a socket' });
  await ws.sendJson({ title: 'live', body: 'again' });
  assert.deepEqual((await ws.receive()).json(), { error: 'a note titled "live" already exists' });
  assert.equal((await stats()).borrowed, 1, 'the socket still holds its connection');
  await ws.close();
  await allReturned(stats);
  assert.deepEqual((await client.get('/notes')).json<{ title: string }[]>().map((n) => n.title), ['live']);
  await app.close();
});

test('closing the app drains the pool and closes every connection', async () => {
  const { app, client } = await start();
  await Promise.all([client.get('/notes'), client.get('/notes'), client.get('/notes')]);
  const db = app.container.get(Database);
  await app.close();
  assert.equal(db.pool.stats.size, 0);
  assert.equal(db.engine.closed, db.engine.opened);
});

test('tests can swap the connection dependency for a fake one, HTTP and WebSocket alike', async () => {
  const { app, client } = await start();
  const fake = {
    id: 99,
    all: async () => [{ id: 7, title: 'fake', body: '' }],
    begin: async () => undefined,
    commit: async () => undefined,
    rollback: async () => undefined,
    insert: async (title: string, body: string) => ({ id: 8, title, body }),
  };
  app.dependencyOverrides.set(connection, () => fake);
  assert.deepEqual((await client.get('/notes')).json(), [{ id: 7, title: 'fake', body: '' }]);
  const ws = await client.websocketConnect('/notes/live');
  assert.deepEqual((await ws.receive()).json(), { connected: true, connection: 99 });
  await ws.sendJson({ title: 't', body: 'b' });
  assert.deepEqual((await ws.receive()).json(), { id: 8, title: 't', body: 'b' });
  await ws.close();
  await app.close();
});
