import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TestClient } from 'zigmund/testing';
import { app, commonParameters, overrideDependency } from '../../../samples/parity/advanced/testing-dependencies.js';

const client = new TestClient(app);

const cases = [
  ['', { q: null, skip: 5, limit: 10 }],
  ['?q=foo', { q: 'foo', skip: 5, limit: 10 }],
  ['?q=foo&skip=100&limit=200', { q: 'foo', skip: 5, limit: 10 }],
] as const;

test('advanced/testing-dependencies: the override replaces the dependency on every route', async () => {
  app.dependencyOverrides.set(commonParameters, overrideDependency);
  try {
    for (const [path, message] of [['/items/', 'Hello Items!'], ['/users/', 'Hello Users!']] as const) {
      for (const [query, params] of cases) {
        const res = await client.get(path + query);
        assert.equal(res.status, 200, res.text);
        assert.deepEqual(res.json(), { message, params });
      }
    }
  } finally {
    app.dependencyOverrides.clear();
  }
});

test('advanced/testing-dependencies: without the override, the real dependency', async () => {
  const res = await client.get('/items/?q=foo&skip=100&limit=200');
  assert.equal(res.status, 200, res.text);
  assert.deepEqual(res.json(), { message: 'Hello Items!', params: { q: 'foo', skip: 100, limit: 200 } });
});
