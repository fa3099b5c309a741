import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TestClient } from 'zigmund/testing';
import { items, lifespanApp, startupApp } from '../../../samples/parity/advanced/testing-events.js';

test('advanced/testing-events: startup hooks run when the test starts the app', async () => {
  const app = startupApp;
  await app.startup();
  const res = await new TestClient(app).get('/items/foo');
  assert.equal(res.status, 200);
  assert.deepEqual(res.json(), { name: 'Fighters' });
  await app.close();
  for (const key of Object.keys(items)) delete items[key];
});

test('advanced/testing-events: the lifespan runs between startup() and close()', async () => {
  const app = lifespanApp;
  // Before the lifespan starts, the items are still empty.
  assert.deepEqual(items, {});
  await app.startup();
  assert.deepEqual(items, { foo: { name: 'Fighters' }, bar: { name: 'Tenders' } });
  const res = await new TestClient(app).get('/items/foo');
  assert.equal(res.status, 200);
  assert.deepEqual(res.json(), { name: 'Fighters' });
  assert.deepEqual(items, { foo: { name: 'Fighters' }, bar: { name: 'Tenders' } });
  // close() ends the lifespan: the items are cleaned up.
  await app.close();
  assert.deepEqual(items, {});
});
