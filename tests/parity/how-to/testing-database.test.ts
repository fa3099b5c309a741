import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TestClient } from 'zigmund/testing';
import { Database, app } from '../../../samples/parity/how-to/testing-database.js';

test('how-to/testing-database: each test gets its own database through an override', async () => {
  for (const run of [1, 2]) {
    const testDb = new Database();
    app.dependencyOverrides.set(Database, testDb);
    try {
      const client = new TestClient(app);
      const res = await client.post('/heroes/', { json: { name: 'Deadpond', secret_name: 'Dive Wilson' } });
      assert.equal(res.status, 200, res.text);
      assert.deepEqual(res.json(), { id: 1, name: 'Deadpond', secret_name: 'Dive Wilson', age: null }, `run ${run}`);
      assert.deepEqual((await client.get('/heroes/1')).json(), { id: 1, name: 'Deadpond', secret_name: 'Dive Wilson', age: null });
      assert.equal(testDb.all().length, 1);
    } finally {
      app.dependencyOverrides.clear();
    }
  }
});

test('how-to/testing-database: invalid input and a missing hero', async () => {
  app.dependencyOverrides.set(Database, new Database());
  try {
    const client = new TestClient(app);
    const bad = await client.post('/heroes/', { json: { name: 'Deadpond' } });
    assert.equal(bad.status, 422);
    const missing = await client.get('/heroes/9');
    assert.equal(missing.status, 404);
    assert.deepEqual(missing.json(), { detail: 'Hero not found' });
  } finally {
    app.dependencyOverrides.clear();
  }
});
