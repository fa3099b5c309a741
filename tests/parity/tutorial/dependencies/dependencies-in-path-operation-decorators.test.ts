import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TestClient } from 'zigmund/testing';
import { app } from '../../../../samples/parity/tutorial/dependencies/dependencies-in-path-operation-decorators.js';
import { replayHeaderChecks } from './header-checks.js';

test('tutorial/dependencies/dependencies-in-path-operation-decorators: the route\'s dependencies check both headers first', async () => {
  await replayHeaderChecks(new TestClient(app), '/items/', [{ item: 'Foo' }, { item: 'Bar' }]);
});

test('tutorial/dependencies/dependencies-in-path-operation-decorators: their headers are documented on the route', () => {
  assert.deepEqual(app.openapi().paths['/items/']!.get!.parameters, [
    { name: 'x-token', in: 'header', required: true, schema: { type: 'string' } },
    { name: 'x-key', in: 'header', required: true, schema: { type: 'string' } },
  ]);
});
