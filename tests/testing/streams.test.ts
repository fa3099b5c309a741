import 'reflect-metadata';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createApp, Response, type Arena } from 'zigmund';
import { TestClient } from 'zigmund/testing';

async function until(check: () => boolean, what: string, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

test('TestClient.stream() reads a streamed body chunk by chunk', async () => {
  let released!: () => void;
  const held = new Promise<void>((resolve) => (released = resolve));
  let second = false;
  const app = createApp();
  app.get('/export', () =>
    Response.stream(
      (async function* () {
        yield 'a,b\n';
        await held;
        second = true;
        yield '1,2\n';
      })(),
      { contentType: 'text/csv' },
    ),
  );
  const res = await new TestClient(app).stream('GET', '/export');
  assert.equal(res.status, 200);
  assert.equal(res.headers['content-type'], 'text/csv');
  const chunks = res[Symbol.asyncIterator]();
  assert.equal(String((await chunks.next()).value), 'a,b\n');
  assert.equal(second, false, 'the producer waits for the test');
  released();
  assert.equal(String((await chunks.next()).value), '1,2\n');
  assert.equal((await chunks.next()).done, true);
});

test('TestClient.stream().text() reads the whole body', async () => {
  const app = createApp();
  app.get('/lines', () => Response.jsonLines([{ a: 1 }, { b: 2 }]));
  const res = await new TestClient(app).stream('GET', '/lines');
  assert.equal(res.headers['content-type'], 'application/jsonl');
  assert.equal(await res.text(), '{"a":1}\n{"b":2}\n');
});

test('TestClient.sse() iterates events; close() stops the producer and aborts the signal', async () => {
  const seen = { stopped: false, aborted: false };
  const app = createApp();
  app.get('/ticks', (req, _res, arena: Arena) => {
    arena.signal.addEventListener('abort', () => (seen.aborted = true));
    const start = Number(req.headers['last-event-id'] ?? 0);
    return Response.sse(
      (async function* () {
        try {
          for (let id = start + 1; ; id++) {
            yield { id, event: 'tick', data: { id } };
            await new Promise((resolve) => setTimeout(resolve, 2));
          }
        } finally {
          seen.stopped = true;
        }
      })(),
    );
  });
  const events = await new TestClient(app).sse('/ticks', { headers: { 'last-event-id': '10' } });
  assert.equal(events.status, 200);
  assert.equal(events.headers['content-type'], 'text/event-stream; charset=utf-8');
  const got = [];
  for await (const event of events) {
    got.push(event);
    if (got.length === 3) break;
  }
  assert.deepEqual(got.map((e) => [e.id, e.event, e.data]), [
    ['11', 'tick', '{"id":11}'],
    ['12', 'tick', '{"id":12}'],
    ['13', 'tick', '{"id":13}'],
  ]);
  events.close();
  await until(() => seen.stopped && seen.aborted, 'the producer to stop');
});
