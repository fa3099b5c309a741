import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TestClient } from 'zigmund/testing';
import { app } from '../../../samples/parity/tutorial/request-files.js';

const client = new TestClient(app);
const file = { filename: 'main.py', content: 'hello world', contentType: 'text/plain' };
const other = { filename: 'b.txt', content: 'abc' };
const missing = (field: string) => ({ detail: [{ type: 'missing', loc: ['body', field], msg: 'Field required', input: null }] });

test('tutorial/request-files: one file, read as bytes or described by its name', async () => {
  const bytes = await client.post('/file/', { files: { file } });
  assert.equal(bytes.status, 200);
  assert.deepEqual(bytes.json(), { file_size: 11 });
  assert.deepEqual((await client.post('/uploadfile/', { files: { file } })).json(), { filename: 'main.py' });
});

test('tutorial/request-files: a required file missing answers 422 missing', async () => {
  for (const path of ['/file/', '/uploadfile/']) {
    const res = await client.post(path);
    assert.equal(res.status, 422, path);
    assert.deepEqual(res.json(), missing('file'), path);
  }
});

test('tutorial/request-files: an optional file', async () => {
  assert.deepEqual((await client.post('/optional-file/')).json(), { message: 'No file sent' });
  assert.deepEqual((await client.post('/optional-file/', { files: { file } })).json(), { file_size: 11 });
});

test('tutorial/request-files: several files under one field', async () => {
  assert.deepEqual((await client.post('/files/', { files: { files: [file, other] } })).json(), { file_sizes: [11, 3] });
  assert.deepEqual((await client.post('/uploadfiles/', { files: { files: [file, other] } })).json(), { filenames: ['main.py', 'b.txt'] });
  const none = await client.post('/uploadfiles/');
  assert.equal(none.status, 422);
  assert.deepEqual(none.json(), missing('files'));
});

test('tutorial/request-files: the page with the upload forms is HTML', async () => {
  const res = await client.get('/');
  assert.equal(res.status, 200);
  assert.match(String(res.headers['content-type']), /^text\/html/);
  assert.match(res.text, /<form action="\/uploadfiles\/" enctype="multipart\/form-data" method="post">/);
});

test('tutorial/request-files: the OpenAPI document describes multipart bodies with binary files', () => {
  const body = (path: string) => app.openapi().paths[path]!.post!.requestBody;
  assert.deepEqual(body('/file/'), {
    required: true,
    content: {
      'multipart/form-data': {
        schema: { type: 'object', properties: { file: { type: 'string', format: 'binary', description: 'A file read as bytes' } }, required: ['file'] },
      },
    },
  });
  assert.deepEqual(body('/uploadfiles/')!.content['multipart/form-data']!.schema, {
    type: 'object',
    properties: { files: { type: 'array', items: { type: 'string', format: 'binary' }, description: 'Multiple files as UploadFile' } },
    required: ['files'],
  });
  assert.equal(body('/optional-file/')!.required, false);
});
