import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TestClient } from 'zigmund/testing';
import { app } from '../../../samples/parity/tutorial/cookie-params.js';

test('tutorial/cookie-params: an optional cookie is read by name, others ignored', async () => {
  const cases: [Record<string, string> | undefined, unknown][] = [
    [undefined, { ads_id: null }],
    [{ ads_id: 'ads_track' }, { ads_id: 'ads_track' }],
    [{ ads_id: 'ads_track', session: 'cookiesession' }, { ads_id: 'ads_track' }],
    [{ session: 'cookiesession' }, { ads_id: null }],
  ];
  for (const [cookies, expected] of cases) {
    const res = await new TestClient(app).get('/items', { cookies });
    assert.equal(res.status, 200);
    assert.deepEqual(res.json(), expected, JSON.stringify(cookies));
  }
});

test('tutorial/cookie-params: the OpenAPI document lists the cookie parameter', () => {
  const operation = app.openapi().paths['/items']!.get!;
  assert.deepEqual(operation.parameters, [{ name: 'ads_id', in: 'cookie', required: false, schema: { type: 'string' } }]);
  assert.deepEqual(Object.keys(operation.responses), ['200', '422']);
});
