import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TestClient } from 'zigmund/testing';
import { app } from '../../../samples/parity/tutorial/request-form-models.js';

const client = new TestClient(app);

for (const path of ['/login/', '/strict-login/']) {
  test(`tutorial/request-form-models: ${path} reads the form into the model`, async () => {
    const res = await client.post(path, { form: { username: 'Foo', password: 'secret' } });
    assert.equal(res.status, 200);
    assert.deepEqual(res.json(), { username: 'Foo', password: 'secret' });
  });

  test(`tutorial/request-form-models: ${path} answers 422 missing for each absent field`, async () => {
    const res = await client.post(path, { form: {} });
    assert.equal(res.status, 422);
    assert.deepEqual(res.json(), {
      detail: [
        { type: 'missing', loc: ['body', 'username'], msg: 'Field required', input: null },
        { type: 'missing', loc: ['body', 'password'], msg: 'Field required', input: null },
      ],
    });
  });
}

test('tutorial/request-form-models: extra fields are ignored by default, 422 extra_forbidden when forbidden', async () => {
  const form = { username: 'Foo', password: 'secret', extra: 'extra' };
  assert.deepEqual((await client.post('/login/', { form })).json(), { username: 'Foo', password: 'secret' });
  const res = await client.post('/strict-login/', { form });
  assert.equal(res.status, 422);
  assert.deepEqual(res.json(), { detail: [{ type: 'extra_forbidden', loc: ['body', 'extra'], msg: 'Extra inputs are not permitted', input: 'extra' }] });
});

test('tutorial/request-form-models: the OpenAPI document describes the model as an urlencoded body', () => {
  assert.deepEqual(app.openapi().paths['/login/']!.post!.requestBody!.content['application/x-www-form-urlencoded']!.schema, {
    type: 'object',
    properties: { username: { type: 'string' }, password: { type: 'string' } },
    required: ['username', 'password'],
  });
});
