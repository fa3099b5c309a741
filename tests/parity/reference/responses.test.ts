import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { TestClient } from 'zigmund/testing';
import { app, thisFile } from '../../../samples/parity/reference/responses.js';

const client = new TestClient(app);

test('reference/responses: JSON, HTML and plain text', async () => {
  let res = await client.get('/json');
  assert.deepEqual(res.json(), { hello: 'world' });
  assert.match(String(res.headers['content-type']), /^application\/json/);
  assert.equal(res.headers['x-kind'], 'json');
  res = await client.get('/html');
  assert.equal(res.text, '<h1>Hi</h1>');
  assert.equal(res.headers['content-type'], 'text/html; charset=utf-8');
  res = await client.get('/text');
  assert.equal(res.text, 'Hello World');
  assert.equal(res.headers['content-type'], 'text/plain; charset=utf-8');
});

test('reference/responses: redirect, stream, file and raw bytes', async () => {
  let res = await client.get('/redirect');
  assert.equal(res.status, 307);
  assert.equal(res.headers.location, '/json');
  res = await client.get('/stream');
  assert.equal(res.text, 'ab');
  res = await client.get('/file');
  assert.equal(res.status, 200);
  assert.equal(res.text, readFileSync(thisFile, 'utf8'));
  assert.match(String(res.headers['content-disposition']), /attachment; filename="responses.js"/);
  res = await client.get('/raw');
  assert.deepEqual([...res.body], [1, 2, 3]);
  assert.equal(res.headers['content-type'], 'application/octet-stream');
});
