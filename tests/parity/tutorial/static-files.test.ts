import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TestClient } from 'zigmund/testing';
import { app } from '../../../samples/parity/tutorial/static-files.js';

const client = new TestClient(app);

test('tutorial/static-files: a file of the mounted folder is served', async () => {
  const res = await client.get('/static/sample.txt');
  assert.equal(res.status, 200);
  assert.equal(res.text, 'This is a sample static file.');
  assert.match(String(res.headers['content-type']), /^text\/plain/);
});

test('tutorial/static-files: a missing file is a 404', async () => {
  const res = await client.get('/static/non_existent_file.txt');
  assert.equal(res.status, 404);
  assert.deepEqual(res.json(), { detail: 'Not Found' });
});

test('tutorial/static-files: the mount is not in the OpenAPI document', async () => {
  const res = await client.get('/openapi.json');
  assert.equal(res.status, 200);
  assert.deepEqual(res.json<{ paths: unknown }>().paths, {});
});
