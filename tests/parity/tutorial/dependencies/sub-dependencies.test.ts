import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TestClient } from 'zigmund/testing';
import { app } from '../../../../samples/parity/tutorial/dependencies/sub-dependencies.js';

test('tutorial/dependencies/sub-dependencies: the query wins, else the cookie, else nothing', async () => {
  const cases: [string, Record<string, string> | undefined, unknown][] = [
    ['/items/', { last_query: 'from_cookie' }, { q_or_cookie: 'from_cookie' }],
    ['/items/?q=foo', { last_query: 'from_cookie' }, { q_or_cookie: 'foo' }],
    ['/items/', undefined, { q_or_cookie: null }],
  ];
  for (const [path, cookies, expected] of cases) {
    const res = await new TestClient(app).get(path, { cookies });
    assert.equal(res.status, 200);
    assert.deepEqual(res.json(), expected, `${path} ${JSON.stringify(cookies)}`);
  }
});

test('tutorial/dependencies/sub-dependencies: the parameters of the whole chain are documented', () => {
  assert.deepEqual(app.openapi().paths['/items/']!.get!.parameters, [
    { name: 'q', in: 'query', required: false, schema: { type: 'string' } },
    { name: 'last_query', in: 'cookie', required: false, schema: { type: 'string' } },
  ]);
});
