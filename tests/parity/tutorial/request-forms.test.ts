import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TestClient } from 'zigmund/testing';
import { app } from '../../../samples/parity/tutorial/request-forms.js';

const client = new TestClient(app);
const missing = (...fields: string[]) => ({ detail: fields.map((f) => ({ type: 'missing', loc: ['body', f], msg: 'Field required', input: null })) });

test('tutorial/request-forms: the form fields are read', async () => {
  const res = await client.post('/login/', { form: { username: 'Foo', password: 'secret' } });
  assert.equal(res.status, 200);
  assert.deepEqual(res.json(), { username: 'Foo' });
});

test('tutorial/request-forms: missing fields answer 422 missing at ["body", field]', async () => {
  const noPassword = await client.post('/login/', { form: { username: 'Foo' } });
  assert.equal(noPassword.status, 422);
  assert.deepEqual(noPassword.json(), missing('password'));
  const noUsername = await client.post('/login/', { form: { password: 'secret' } });
  assert.deepEqual(noUsername.json(), missing('username'));
  const none = await client.post('/login/');
  assert.equal(none.status, 422);
  assert.deepEqual(none.json(), missing('username', 'password'));
});

test('tutorial/request-forms: JSON is not a form', async () => {
  const res = await client.post('/login/', { json: { username: 'Foo', password: 'secret' } });
  assert.equal(res.status, 422);
  assert.deepEqual(res.json(), missing('username', 'password'));
});

test('tutorial/request-forms: the OpenAPI document describes an urlencoded body', () => {
  assert.deepEqual(app.openapi().paths['/login/']!.post!.requestBody, {
    required: true,
    content: {
      'application/x-www-form-urlencoded': {
        schema: { type: 'object', properties: { username: { type: 'string' }, password: { type: 'string' } }, required: ['username', 'password'] },
      },
    },
  });
});
