import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TestClient } from 'zigmund/testing';
import { app, defaultHtmlApp, files, htmlContent } from '../../../samples/parity/advanced/custom-response.js';

const client = new TestClient(app);

test('advanced/custom-response: HTML through the route content type, returned directly, or built by a function', async () => {
  for (const path of ['/items/', '/items-direct/', '/items-generated/']) {
    const res = await client.get(path);
    assert.equal(res.status, 200, res.text);
    assert.equal(res.text, htmlContent);
    assert.equal(res.headers['content-type'], 'text/html; charset=utf-8');
  }
});

test('advanced/custom-response: the docs say text/html only where the route declares it', () => {
  const doc = app.openapi();
  const content = (path: string) => doc.paths[path]!.get!.responses['200']!.content;
  assert.deepEqual(content('/items/'), { 'text/html': { schema: { type: 'string' } } });
  assert.deepEqual(content('/items-direct/'), { 'application/json': { schema: {} } });
  assert.deepEqual(content('/items-generated/'), { 'text/html': { schema: { type: 'string' } } });
  assert.deepEqual(content('/'), { 'text/plain': { schema: { type: 'string' } } });
});

test('advanced/custom-response: PlainTextResponse', async () => {
  const res = await client.get('/');
  assert.equal(res.status, 200);
  assert.equal(res.text, 'Hello World');
  assert.equal(res.headers['content-type'], 'text/plain; charset=utf-8');
});

test('advanced/custom-response: RedirectResponse, 307 by default and 302 when asked', async () => {
  let res = await client.get('/typer');
  assert.equal(res.status, 307);
  assert.equal(res.headers.location, 'https://typer.tiangolo.com');
  res = await client.get('/fastapi');
  assert.equal(res.status, 307);
  assert.equal(res.headers.location, 'https://fastapi.tiangolo.com');
  res = await client.get('/pydantic');
  assert.equal(res.status, 302);
  assert.equal(res.headers.location, 'https://docs.pydantic.dev/');
});

test('advanced/custom-response: StreamingResponse sends every chunk', async () => {
  const res = await client.get('/video-stream');
  assert.equal(res.status, 200);
  assert.deepEqual(res.body, Buffer.from('some fake video bytes'.repeat(10)));
});

test('advanced/custom-response: a file streamed and a FileResponse send the file', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'custom-response-'));
  try {
    files.someFilePath = join(dir, 'large-video-file.mp4');
    writeFileSync(files.someFilePath, 'Fake video bytes');
    for (const path of ['/video-file-stream', '/video']) {
      const res = await client.get(path);
      assert.equal(res.status, 200, path);
      assert.equal(res.text, 'Fake video bytes');
      assert.equal(res.headers['content-type'], 'video/mp4');
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('advanced/custom-response: a custom rendering of JSON, indented', async () => {
  const res = await client.get('/indented');
  assert.equal(res.text, '{\n  "message": "Hello World"\n}');
  assert.equal(res.headers['content-type'], 'application/json');
});

test('advanced/custom-response: the app\'s default response class', async () => {
  const res = await new TestClient(defaultHtmlApp).get('/items/');
  assert.equal(res.status, 200);
  assert.equal(res.text, '<h1>Items</h1><p>This is a list of items.</p>');
  assert.equal(res.headers['content-type'], 'text/html; charset=utf-8');
  assert.deepEqual(defaultHtmlApp.openapi().paths['/items/']!.get!.responses['200']!.content, { 'text/html': { schema: { type: 'string' } } });
});
