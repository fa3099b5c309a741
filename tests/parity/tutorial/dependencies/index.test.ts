import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TestClient } from 'zigmund/testing';
import { app } from '../../../../samples/parity/tutorial/dependencies/index.js';

const client = new TestClient(app);

test('tutorial/dependencies/index: the shared query parameters, on both routes', async () => {
  const cases: [string, unknown][] = [
    ['/items/', { q: null, skip: 0, limit: 100 }],
    ['/items/?q=foo', { q: 'foo', skip: 0, limit: 100 }],
    ['/items/?q=foo&skip=5', { q: 'foo', skip: 5, limit: 100 }],
    ['/items/?q=foo&skip=5&limit=30', { q: 'foo', skip: 5, limit: 30 }],
    ['/users/', { q: null, skip: 0, limit: 100 }],
  ];
  for (const [path, expected] of cases) {
    const res = await client.get(path);
    assert.equal(res.status, 200, path);
    assert.deepEqual(res.json(), expected, path);
  }
});

test('tutorial/dependencies/index: the dependency\'s parameters are validated and documented on each route', async () => {
  const bad = await client.get('/users/?skip=x');
  assert.equal(bad.status, 422);
  assert.deepEqual(bad.json<{ detail: { loc: unknown[] }[] }>().detail.map((d) => d.loc), [['query', 'skip']]);
  for (const path of ['/items/', '/users/']) {
    assert.deepEqual(app.openapi().paths[path]!.get!.parameters, [
      { name: 'q', in: 'query', required: false, schema: { type: 'string' } },
      { name: 'skip', in: 'query', required: false, schema: { type: 'integer', default: 0 } },
      { name: 'limit', in: 'query', required: false, schema: { type: 'integer', default: 100 } },
    ]);
  }
});
