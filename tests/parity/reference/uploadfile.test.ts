import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TestClient } from 'zigmund/testing';
import { app } from '../../../samples/parity/reference/uploadfile.js';

const client = new TestClient(app);

test('reference/uploadfile: name, type, size and content of an uploaded file', async () => {
  const res = await client.post('/uploadfile/', { files: { file: { filename: 'notes.txt', content: 'hello file', contentType: 'text/plain' } } });
  assert.equal(res.status, 200, res.text);
  assert.deepEqual(res.json(), { filename: 'notes.txt', content_type: 'text/plain', size: 10, text: 'hello file', first_byte: 104, streamed: 10 });
});

test('reference/uploadfile: several files under one field; none is a 422', async () => {
  const res = await client.post('/uploadfiles/', { files: { files: [{ filename: 'a.txt', content: 'a' }, { filename: 'b.txt', content: 'b' }] } });
  assert.deepEqual(res.json(), { filenames: ['a.txt', 'b.txt'] });
  const none = await client.post('/uploadfile/', { form: { other: 'x' } });
  assert.equal(none.status, 422);
});

test('reference/uploadfile: documented as a binary string in a multipart body', () => {
  const body = app.openapi().paths['/uploadfile/']!.post!.requestBody!;
  const schema = JSON.stringify(body.content['multipart/form-data']);
  assert.match(schema, /"format":"binary"/);
});
