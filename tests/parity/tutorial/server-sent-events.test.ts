import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { OpenApiDocument } from 'zigmund';
import { TestClient } from 'zigmund/testing';
import { app, chatApp, eventsApp, logsApp, resumeApp } from '../../../samples/parity/tutorial/server-sent-events.js';

const lines = (text: string) => text.trim().split('\n');
const starting = (text: string, field: string) => lines(text).filter((line) => line.startsWith(`${field}: `));

for (const path of ['/items/stream', '/items/stream-no-async', '/items/stream-no-annotation', '/items/stream-no-async-no-annotation']) {
  test(`tutorial/server-sent-events: ${path} sends each item as a JSON data event`, async () => {
    const res = await new TestClient(app).get(path);
    assert.equal(res.status, 200);
    assert.equal(res.headers['content-type'], 'text/event-stream; charset=utf-8');
    assert.equal(res.headers['cache-control'], 'no-cache');
    assert.equal(res.headers['x-accel-buffering'], 'no');
    assert.deepEqual(starting(res.text, 'data'), [
      'data: {"name":"Plumbus","description":"A multi-purpose household device."}',
      'data: {"name":"Portal Gun","description":"A portal opening device."}',
      'data: {"name":"Meeseeks Box","description":"A box that summons a Meeseeks."}',
    ]);
  });
}

test('tutorial/server-sent-events: ServerSentEvent fields comment, event, id and retry', async () => {
  const res = await new TestClient(eventsApp).get('/items/stream');
  assert.equal(res.status, 200);
  assert.equal(res.headers['content-type'], 'text/event-stream; charset=utf-8');
  assert.equal(lines(res.text)[0], ': stream of item updates');
  assert.deepEqual(starting(res.text, 'event'), ['event: item_update', 'event: item_update', 'event: item_update']);
  assert.equal(starting(res.text, 'data').length, 3);
  assert.deepEqual(starting(res.text, 'id'), ['id: 1', 'id: 2', 'id: 3']);
  assert.deepEqual(starting(res.text, 'retry'), ['retry: 5000', 'retry: 5000', 'retry: 5000']);
});

test('tutorial/server-sent-events: ServerSentEvent fields as a browser reads them', async () => {
  const got = [];
  for await (const e of await new TestClient(eventsApp).sse('/items/stream')) got.push([e.event, e.id, JSON.parse(e.data) as unknown]);
  assert.deepEqual(got, [
    ['item_update', '1', { name: 'Plumbus', price: 32.99 }],
    ['item_update', '2', { name: 'Portal Gun', price: 999.99 }],
    ['item_update', '3', { name: 'Meeseeks Box', price: 49.99 }],
  ]);
});

test('tutorial/server-sent-events: raw data is sent without JSON encoding', async () => {
  const res = await new TestClient(logsApp).get('/logs/stream');
  assert.equal(res.status, 200);
  assert.equal(res.headers['content-type'], 'text/event-stream; charset=utf-8');
  assert.deepEqual(starting(res.text, 'data'), [
    'data: 2025-01-01 INFO  Application started',
    'data: 2025-01-01 DEBUG Connected to database',
    'data: 2025-01-01 WARN  High memory usage detected',
  ]);
});

test('tutorial/server-sent-events: without Last-Event-ID every item is sent', async () => {
  const res = await new TestClient(resumeApp).get('/items/stream');
  assert.equal(res.status, 200);
  assert.equal(starting(res.text, 'data').length, 3);
  assert.deepEqual(starting(res.text, 'id'), ['id: 0', 'id: 1', 'id: 2']);
});

test('tutorial/server-sent-events: Last-Event-ID resumes after the last event received', async () => {
  const client = new TestClient(resumeApp);
  const afterFirst = await client.get('/items/stream', { headers: { 'last-event-id': '0' } });
  assert.equal(afterFirst.status, 200);
  assert.equal(starting(afterFirst.text, 'data').length, 2);
  assert.deepEqual(starting(afterFirst.text, 'id'), ['id: 1', 'id: 2']);
  const afterSecond = await client.get('/items/stream', { headers: { 'last-event-id': '1' } });
  assert.equal(afterSecond.status, 200);
  assert.equal(starting(afterSecond.text, 'data').length, 1);
  assert.deepEqual(starting(afterSecond.text, 'id'), ['id: 2']);
});

test('tutorial/server-sent-events: SSE over POST, tokens then a raw [DONE]', async () => {
  const res = await new TestClient(chatApp).post('/chat/stream', { json: { text: 'hello world' } });
  assert.equal(res.status, 200);
  assert.equal(res.headers['content-type'], 'text/event-stream; charset=utf-8');
  assert.deepEqual(starting(res.text, 'event'), ['event: token', 'event: token', 'event: done']);
  assert.deepEqual(starting(res.text, 'data'), ['data: "hello"', 'data: "world"', 'data: [DONE]']);
});

test('tutorial/server-sent-events: OpenAPI documents text/event-stream, the header parameter and the body', async () => {
  const doc = app.openapi() as OpenApiDocument;
  assert.deepEqual(Object.keys(doc.paths['/items/stream']!.get!.responses['200']!.content!), ['text/event-stream']);
  const resume = (resumeApp.openapi() as OpenApiDocument).paths['/items/stream']!.get!;
  assert.deepEqual(resume.parameters!.map((p) => [p.name, p.in, p.required]), [['last-event-id', 'header', false]]);
  assert.ok(resume.responses['422']);
  const chat = (chatApp.openapi() as OpenApiDocument).paths['/chat/stream']!.post!;
  assert.deepEqual(chat.requestBody, { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/Prompt' } } } });
  assert.deepEqual(Object.keys(chat.responses['200']!.content!), ['text/event-stream']);
});
