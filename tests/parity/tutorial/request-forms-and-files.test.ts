import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TestClient } from 'zigmund/testing';
import { app } from '../../../samples/parity/tutorial/request-forms-and-files.js';

const client = new TestClient(app);
const file = { filename: 'main.py', content: 'hello world', contentType: 'text/plain' };
const fileb = { filename: 'b.csv', content: '<file b content>', contentType: 'text/csv' };
const missing = (...fields: string[]) => ({ detail: fields.map((f) => ({ type: 'missing', loc: ['body', f], msg: 'Field required', input: null })) });

test('tutorial/request-forms-and-files: files and a form field in one multipart body', async () => {
  const res = await client.post('/files/', { form: { token: 'foo' }, files: { file, fileb } });
  assert.equal(res.status, 200);
  assert.deepEqual(res.json(), { file_size: 11, token: 'foo', fileb_content_type: 'text/csv' });
});

test('tutorial/request-forms-and-files: every missing part answers 422 missing', async () => {
  const none = await client.post('/files/');
  assert.equal(none.status, 422);
  assert.deepEqual(none.json(), missing('file', 'fileb', 'token'));
  assert.deepEqual((await client.post('/files/', { form: { token: 'foo' } })).json(), missing('file', 'fileb'));
  assert.deepEqual((await client.post('/files/', { files: { file } })).json(), missing('fileb', 'token'));
});

test('tutorial/request-forms-and-files: the OpenAPI document describes one multipart body', () => {
  assert.deepEqual(app.openapi().paths['/files/']!.post!.requestBody, {
    required: true,
    content: {
      'multipart/form-data': {
        schema: {
          type: 'object',
          properties: { file: { type: 'string', format: 'binary' }, fileb: { type: 'string', format: 'binary' }, token: { type: 'string' } },
          required: ['file', 'fileb', 'token'],
        },
      },
    },
  });
});
