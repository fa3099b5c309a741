import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { OpenApiDocument } from 'zigmund';
import { TestClient } from 'zigmund/testing';
import { app } from '../../../samples/parity/tutorial/stream-json-lines.js';

const client = new TestClient(app);
const paths = ['/items/stream', '/items/stream-no-async', '/items/stream-no-annotation', '/items/stream-no-async-no-annotation'];
const expectedItems = [
  { name: 'Plumbus', description: 'A multi-purpose household device.' },
  { name: 'Portal Gun', description: 'A portal opening device.' },
  { name: 'Meeseeks Box', description: 'A box that summons a Meeseeks.' },
];

for (const path of paths) {
  test(`tutorial/stream-json-lines: ${path} answers one JSON object per line as application/jsonl`, async () => {
    const res = await client.get(path);
    assert.equal(res.status, 200);
    assert.equal(res.headers['content-type'], 'application/jsonl');
    assert.ok(res.text.endsWith('\n'));
    assert.deepEqual(res.text.trim().split('\n').map((line) => JSON.parse(line) as unknown), expectedItems);
  });
}

test('tutorial/stream-json-lines: each line is sent as it is produced, read while the stream runs', async () => {
  const stream = await client.stream('GET', '/items/stream');
  assert.equal(stream.status, 200);
  let text = '';
  for await (const chunk of stream) text += chunk.toString('utf8');
  assert.deepEqual(text.split('\n').filter(Boolean).map((line) => JSON.parse(line) as unknown), expectedItems);
});

test('tutorial/stream-json-lines: OpenAPI documents every route as application/jsonl', async () => {
  const doc = (await client.get('/openapi.json')).json<OpenApiDocument>();
  assert.deepEqual(Object.keys(doc.paths), paths);
  for (const path of paths) {
    const ok = doc.paths[path]!.get!.responses['200']!;
    assert.equal(ok.description, 'Successful Response');
    assert.deepEqual(Object.keys(ok.content!), ['application/jsonl']);
  }
  assert.equal(doc.paths['/items/stream']!.get!.summary, 'Stream Items');
});
