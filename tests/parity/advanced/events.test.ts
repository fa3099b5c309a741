import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TestClient } from 'zigmund/testing';
import { items, lifespanApp, logFile, mlModels, shutdownApp, startupApp } from '../../../samples/parity/advanced/events.js';

test('advanced/events: the lifespan loads the model before requests and clears it at shutdown', async () => {
  assert.equal(mlModels.size, 0);
  await lifespanApp.startup();
  const res = await new TestClient(lifespanApp).get('/predict', { query: { x: 2 } });
  assert.equal(res.status, 200);
  assert.deepEqual(res.json(), { result: 84 });
  await lifespanApp.close();
  assert.equal(mlModels.size, 0);
});

test('advanced/events: a startup hook fills the items', async () => {
  await startupApp.startup();
  const res = await new TestClient(startupApp).get('/items/foo');
  assert.equal(res.status, 200);
  assert.deepEqual(res.json(), { name: 'Fighters' });
  assert.deepEqual(items.bar, { name: 'Tenders' });
  await startupApp.close();
});

test('advanced/events: a shutdown hook writes the log', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'events-'));
  try {
    logFile.path = join(dir, 'log.txt');
    await shutdownApp.startup();
    const res = await new TestClient(shutdownApp).get('/items/');
    assert.equal(res.status, 200);
    assert.deepEqual(res.json(), [{ name: 'Foo' }]);
    await shutdownApp.close();
    assert.equal(readFileSync(logFile.path, 'utf8'), 'Application shutdown');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
