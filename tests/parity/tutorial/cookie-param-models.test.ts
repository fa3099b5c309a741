import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TestClient } from 'zigmund/testing';
import { app } from '../../../samples/parity/tutorial/cookie-param-models.js';

const client = new TestClient(app);

for (const path of ['/items/', '/strict-items/']) {
  test(`tutorial/cookie-param-models: ${path} reads every declared cookie, defaults for absent ones`, async () => {
    const res = await client.get(path, { cookies: { session_id: '123', fatebook_tracker: '456', googall_tracker: '789' } });
    assert.equal(res.status, 200);
    assert.deepEqual(res.json(), { session_id: '123', fatebook_tracker: '456', googall_tracker: '789' });
    assert.deepEqual((await client.get(path, { cookies: { session_id: '123' } })).json(), {
      session_id: '123',
      fatebook_tracker: null,
      googall_tracker: null,
    });
  });

  test(`tutorial/cookie-param-models: ${path} answers 422 missing without the required cookie`, async () => {
    const res = await client.get(path);
    assert.equal(res.status, 422);
    assert.deepEqual(res.json(), { detail: [{ type: 'missing', loc: ['cookie', 'session_id'], msg: 'Field required', input: null }] });
  });
}

test('tutorial/cookie-param-models: extra cookies are ignored by default, 422 extra_forbidden when forbidden', async () => {
  const cookies = { session_id: '123', extra: 'track-me-here-too' };
  assert.deepEqual((await client.get('/items/', { cookies })).json(), { session_id: '123', fatebook_tracker: null, googall_tracker: null });
  const res = await client.get('/strict-items/', { cookies });
  assert.equal(res.status, 422);
  assert.deepEqual(res.json(), {
    detail: [{ type: 'extra_forbidden', loc: ['cookie', 'extra'], msg: 'Extra inputs are not permitted', input: 'track-me-here-too' }],
  });
});

test('tutorial/cookie-param-models: the OpenAPI document lists each field as a cookie parameter', () => {
  assert.deepEqual(app.openapi().paths['/items/']!.get!.parameters, [
    { name: 'session_id', in: 'cookie', required: true, schema: { type: 'string' } },
    { name: 'fatebook_tracker', in: 'cookie', required: false, schema: { type: 'string', default: null } },
    { name: 'googall_tracker', in: 'cookie', required: false, schema: { type: 'string', default: null } },
  ]);
});
