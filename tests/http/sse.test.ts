import 'reflect-metadata';
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { createApp, Response, type Request } from 'zigmund';
import { parseEventStream, type ReceivedEvent } from 'zigmund/testing';

function gate(): { opened: Promise<void>; open: () => void } {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

const quiet = gate();
const app = createApp({ logStartup: false, handleSignals: false });

app.get('/fields', () =>
  Response.sse(
    (async function* () {
      yield { id: 1, event: 'greeting', data: 'hello' };
      yield { id: 'two', data: 'line one\nline two\r\nline three' };
      yield { data: { json: true, list: [1, 2] } };
      yield { retry: 2500, data: 'slower please' };
      yield { comment: 'just a comment' };
      yield 'a bare string';
      yield { event: 'empty', data: '' };
    })(),
  ),
);

app.get('/raw', () =>
  Response.sse(
    (async function* () {
      yield { id: 7, event: 'e', data: 'a\nb', retry: 10 };
      yield { data: 42 };
    })(),
  ),
);

app.get('/quiet', () =>
  Response.sse(
    (async function* () {
      yield { data: 'first' };
      await quiet.opened;
      yield { data: 'after the pings' };
    })(),
    { pingIntervalMs: 20 },
  ),
);

// Resumes after the id the browser last saw, as an EventSource reconnects.
app.get('/resume', (req: Request) => {
  const last = Number(req.headers['last-event-id'] ?? 0);
  return Response.sse(
    (async function* () {
      for (let id = last + 1; id <= last + 2; id++) yield { id, data: `event ${id}` };
    })(),
  );
});

app.get('/bad-id', () => Response.sse([{ id: 'a\nb', data: 'x' }]));

const url = await app.serve({ port: 0 });
after(() => app.close());

async function events(path: string, headers: Record<string, string> = {}): Promise<ReceivedEvent[]> {
  const res = await fetch(url + path, { headers });
  const out: ReceivedEvent[] = [];
  for await (const event of parseEventStream(res.body as unknown as AsyncIterable<Uint8Array>)) out.push(event);
  return out;
}

test('SSE answers text/event-stream, uncached and unbuffered', async () => {
  const res = await fetch(`${url}/raw`);
  assert.equal(res.headers.get('content-type'), 'text/event-stream; charset=utf-8');
  assert.equal(res.headers.get('cache-control'), 'no-cache');
  assert.equal(res.headers.get('x-accel-buffering'), 'no');
  assert.equal(await res.text(), 'id: 7\nevent: e\nretry: 10\ndata: a\ndata: b\n\ndata: 42\n\n');
});

test('SSE fields: ids, event names, multi-line and JSON data, retry, comments, bare strings', async () => {
  assert.deepEqual(await events('/fields'), [
    { event: 'greeting', data: 'hello', id: '1' },
    { event: 'message', data: 'line one\nline two\nline three', id: 'two' },
    { event: 'message', data: '{"json":true,"list":[1,2]}', id: 'two' },
    { event: 'message', data: 'slower please', id: 'two', retry: 2500 },
    { event: 'message', data: 'a bare string', id: 'two' },
    { event: 'empty', data: '', id: 'two' },
  ]);
});

test('SSE sends the headers before the first event and keep-alive comments while quiet', async () => {
  const res = await fetch(`${url}/quiet`);
  assert.equal(res.status, 200);
  const reader = res.body!.getReader();
  let text = '';
  while (!text.includes(': ping\n\n: ping\n\n')) {
    const chunk = await reader.read();
    assert.equal(chunk.done, false, `the stream ended early: ${JSON.stringify(text)}`);
    text += Buffer.from(chunk.value!).toString();
  }
  assert.ok(text.startsWith('data: first\n\n'), text);
  quiet.open();
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) text += Buffer.from(chunk.value).toString();
  assert.ok(text.endsWith('data: after the pings\n\n'), text);
});

test('SSE reconnect: Last-Event-ID reaches the handler, which resumes after it', async () => {
  const first = await events('/resume');
  assert.deepEqual(first.map((e) => e.id), ['1', '2']);
  const resumed = await events('/resume', { 'last-event-id': first.at(-1)!.id });
  assert.deepEqual(resumed.map((e) => [e.id, e.data]), [
    ['3', 'event 3'],
    ['4', 'event 4'],
  ]);
});

test('an event id with a line break is refused rather than sent as two fields', async () => {
  const res = await fetch(`${url}/bad-id`);
  assert.equal(res.status, 200);
  await assert.rejects(res.text());
});
