import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TestClient } from 'zigmund/testing';
import { app, extendedApp, items, lifespanApp } from '../../../samples/parity/tutorial/testing.js';

test('tutorial/testing: test_read_main', async () => {
  const client = new TestClient(app);
  const res = await client.get('/');
  assert.equal(res.status, 200);
  assert.deepEqual(res.json(), { msg: 'Hello World' });
});

test('tutorial/testing: test_websocket receives the JSON message, then the close', async () => {
  const ws = await new TestClient(app).websocketConnect('/ws');
  assert.deepEqual(await ws.receiveJson(), { msg: 'Hello WebSocket' });
  await assert.rejects(ws.receive(), (err: { code?: number }) => err.code === 1000);
});

test('tutorial/testing: the lifespan runs between startup() and close(), as inside `with TestClient(app)`', async () => {
  assert.deepEqual(items, {});
  await lifespanApp.startup();
  try {
    assert.deepEqual(items, { foo: { name: 'Fighters' }, bar: { name: 'Tenders' } });
    const res = await new TestClient(lifespanApp).get('/items/foo');
    assert.equal(res.status, 200);
    assert.deepEqual(res.json(), { name: 'Fighters' });
    assert.deepEqual(items, { foo: { name: 'Fighters' }, bar: { name: 'Tenders' } });
  } finally {
    await lifespanApp.close();
  }
  assert.deepEqual(items, {});
});

// The extended test file, in the order FastAPI's test runs it.
const client = new TestClient(extendedApp);
const token = { 'x-token': 'coneofsilence' };

test('tutorial/testing: test_create_existing_item', async () => {
  const res = await client.post('/items/', {
    headers: token,
    json: { id: 'foo', title: 'The Foo ID Stealers', description: 'There goes my stealer' },
  });
  assert.equal(res.status, 409);
  assert.deepEqual(res.json(), { detail: 'Item already exists' });
});

test('tutorial/testing: test_create_item', async () => {
  const res = await client.post('/items/', { headers: token, json: { id: 'foobar', title: 'Foo Bar', description: 'The Foo Barters' } });
  assert.equal(res.status, 200);
  assert.deepEqual(res.json(), { id: 'foobar', title: 'Foo Bar', description: 'The Foo Barters' });
});

test('tutorial/testing: test_create_item_bad_token', async () => {
  const res = await client.post('/items/', { headers: { 'X-Token': 'hailhydra' }, json: { id: 'bazz', title: 'Bazz', description: 'Drop the bazz' } });
  assert.equal(res.status, 400);
  assert.deepEqual(res.json(), { detail: 'Invalid X-Token header' });
});

test('tutorial/testing: test_read_nonexistent_item', async () => {
  const res = await client.get('/items/baz', { headers: token });
  assert.equal(res.status, 404);
  assert.deepEqual(res.json(), { detail: 'Item not found' });
});

test('tutorial/testing: test_read_item', async () => {
  const res = await client.get('/items/foo', { headers: { 'X-Token': 'coneofsilence' } });
  assert.equal(res.status, 200);
  assert.deepEqual(res.json(), { id: 'foo', title: 'Foo', description: 'There goes my hero' });
});

test('tutorial/testing: test_read_item_bad_token', async () => {
  const res = await client.get('/items/foo', { headers: { 'X-Token': 'hailhydra' } });
  assert.equal(res.status, 400);
  assert.deepEqual(res.json(), { detail: 'Invalid X-Token header' });
});

test('tutorial/testing: a missing X-Token header is a 422', async () => {
  const res = await client.get('/items/foo');
  assert.equal(res.status, 422);
  assert.deepEqual(res.json(), { detail: [{ type: 'missing', loc: ['header', 'x-token'], msg: 'Field required', input: null }] });
});
