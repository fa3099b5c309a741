import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TestClient } from 'zigmund/testing';
import { app, binaryImage, message } from '../../../samples/parity/advanced/stream-data.js';

const client = new TestClient(app);
const expectedText = message.split('\n').join('');

for (const path of ['/story/stream', '/story/stream-no-async', '/story/stream-bytes', '/story/stream-no-async-bytes']) {
  test(`advanced/stream-data: ${path} streams every line`, async () => {
    const res = await client.get(path);
    assert.equal(res.status, 200, res.text);
    assert.equal(res.text, expectedText);
    assert.equal(res.headers['transfer-encoding'], 'chunked');
  });
}

for (const path of ['/image/stream', '/image/stream-readable']) {
  test(`advanced/stream-data: ${path} streams the PNG`, async () => {
    const res = await client.get(path);
    assert.equal(res.status, 200);
    assert.equal(res.headers['content-type'], 'image/png');
    assert.deepEqual(res.body, binaryImage);
  });
}

test('advanced/stream-data: the image routes document image/png', () => {
  const doc = app.openapi();
  assert.deepEqual(doc.paths['/image/stream']!.get!.responses['200'], {
    description: 'Successful Response',
    content: { 'image/png': { schema: { type: 'string' } } },
  });
});
