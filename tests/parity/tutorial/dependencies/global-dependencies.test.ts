import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TestClient } from 'zigmund/testing';
import { app } from '../../../../samples/parity/tutorial/dependencies/global-dependencies.js';
import { replayHeaderChecks } from './header-checks.js';

const client = new TestClient(app);

test('tutorial/dependencies/global-dependencies: every route of the app checks both headers', async () => {
  await replayHeaderChecks(client, '/items/', [{ item: 'Portal Gun' }, { item: 'Plumbus' }]);
  await replayHeaderChecks(client, '/users/', [{ username: 'Rick' }, { username: 'Morty' }]);
});

test('tutorial/dependencies/global-dependencies: the documentation stays open, and documents the headers on each route', async () => {
  assert.equal((await client.get('/openapi.json')).status, 200);
  for (const path of ['/items/', '/users/']) {
    assert.deepEqual(app.openapi().paths[path]!.get!.parameters, [
      { name: 'x-token', in: 'header', required: true, schema: { type: 'string' } },
      { name: 'x-key', in: 'header', required: true, schema: { type: 'string' } },
    ]);
  }
});
