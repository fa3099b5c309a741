import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TestClient } from 'zigmund/testing';
import { app } from '../../../samples/parity/reference/sse.js';

test('reference/sse: the wire format of strings and ServerSentEvent fields', async () => {
  const res = await new TestClient(app).get('/events');
  assert.equal(res.status, 200);
  assert.equal(res.headers['content-type'], 'text/event-stream; charset=utf-8');
  assert.equal(res.headers['cache-control'], 'no-cache');
  assert.equal(
    res.text,
    'data: plain data\n\n' + 'id: 7\nevent: price\nretry: 3000\ndata: {"price":42}\n\n' + ': just a comment\ndata: two\ndata: lines\n\n',
  );
});

test('reference/sse: read as a browser does', async () => {
  const events = await new TestClient(app).sse('/events');
  const got = [];
  for await (const e of events) got.push({ event: e.event, data: e.data, id: e.id });
  assert.deepEqual(got, [
    { event: 'message', data: 'plain data', id: '' },
    { event: 'price', data: '{"price":42}', id: '7' },
    { event: 'message', data: 'two\nlines', id: '7' },
  ]);
});
