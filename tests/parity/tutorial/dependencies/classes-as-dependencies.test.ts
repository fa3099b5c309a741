import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TestClient } from 'zigmund/testing';
import { app } from '../../../../samples/parity/tutorial/dependencies/classes-as-dependencies.js';

const client = new TestClient(app);
const [foo, bar, baz] = [{ item_name: 'Foo' }, { item_name: 'Bar' }, { item_name: 'Baz' }];

for (const path of ['/items/', '/shortcut/']) {
  test(`tutorial/dependencies/classes-as-dependencies: ${path} gets an instance built from the query`, async () => {
    const cases: [string, unknown][] = [
      ['', { items: [foo, bar, baz] }],
      ['?q=foo', { q: 'foo', items: [foo, bar, baz] }],
      ['?q=foo&skip=1', { q: 'foo', items: [bar, baz] }],
      ['?q=bar&limit=2', { q: 'bar', items: [foo, bar] }],
      ['?q=bar&skip=1&limit=1', { q: 'bar', items: [bar] }],
      ['?limit=1&skip=1', { items: [bar] }],
    ];
    for (const [query, expected] of cases) {
      const res = await client.get(path + query);
      assert.equal(res.status, 200, query);
      assert.deepEqual(res.json(), expected, query);
    }
  });
}

test('tutorial/dependencies/classes-as-dependencies: the constructor\'s parameters are validated and documented', async () => {
  const bad = await client.get('/items/?skip=x');
  assert.equal(bad.status, 422);
  assert.deepEqual(bad.json(), {
    detail: [{ type: 'int_parsing', loc: ['query', 'skip'], msg: 'Input should be a valid integer, unable to parse string as an integer', input: 'x' }],
  });
  assert.deepEqual(app.openapi().paths['/shortcut/']!.get!.parameters, [
    { name: 'q', in: 'query', required: false, schema: { type: 'string' } },
    { name: 'skip', in: 'query', required: false, schema: { type: 'integer', default: 0 } },
    { name: 'limit', in: 'query', required: false, schema: { type: 'integer', default: 100 } },
  ]);
});
