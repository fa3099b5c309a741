import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TestClient } from 'zigmund/testing';
import { app } from '../../../samples/parity/reference/testclient.js';

test('reference/testclient: every method, with query, headers and a body', async () => {
  const client = new TestClient(app);
  for (const method of ['get', 'post', 'put', 'patch', 'delete', 'options'] as const) {
    const res = await client[method]('/echo', { query: { a: 1 }, headers: { 'x-test': 'yes' } });
    assert.equal(res.status, 200, method);
    assert.deepEqual(res.json(), { method: method.toUpperCase(), query: { a: '1' }, header: 'yes', cookie: null, body: null });
  }
  const head = await client.head('/echo');
  assert.equal(head.headers['x-head'], 'yes');
  assert.equal(head.text, '');
  const raw = await client.post('/echo', { body: 'raw text', headers: { 'content-type': 'text/plain' } });
  assert.equal((raw.json() as { body: string }).body, 'raw text');
  const json = await client.post('/echo', { json: { a: 1 } });
  assert.equal((json.json() as { body: string }).body, '{"a":1}');
});

test('reference/testclient: cookies set by answers are kept; per-request cookies added', async () => {
  const client = new TestClient(app);
  await client.post('/login');
  assert.equal(client.cookies.get('session'), 'logged-in');
  assert.equal(((await client.get('/echo')).json() as { cookie: string }).cookie, 'logged-in');
  assert.equal(((await new TestClient(app).get('/echo', { cookies: { session: 'given' } })).json() as { cookie: string }).cookie, 'given');
});

test('reference/testclient: forms and files', async () => {
  const res = await new TestClient(app).post('/form', { form: { name: 'x' }, files: { doc: { filename: 'a.txt', content: 'hello' } } });
  assert.deepEqual(res.json(), { fields: { name: ['x'] }, files: [['a.txt', 'hello']] });
});

test('reference/testclient: a stream read as it arrives, and server-sent events', async () => {
  const client = new TestClient(app);
  const stream = await client.stream('GET', '/stream');
  let text = '';
  for await (const chunk of stream) text += chunk.toString();
  assert.equal(text, 'chunk 0\nchunk 1\nchunk 2\n');
  const events = await client.sse('/events');
  // The last event id carries over to the next event, as in a browser.
  const got = [];
  for await (const event of events) got.push([event.event, event.id, event.data]);
  assert.deepEqual(got, [['tick', '1', '{"n":1}'], ['message', '1', 'plain']]);
});

test('reference/testclient: a WebSocket in process', async () => {
  const conn = await new TestClient(app).websocketConnect('/ws');
  assert.deepEqual((await conn.receive()).json(), { msg: 'Hello WebSocket' });
  await conn.sendText('ping');
  assert.equal((await conn.receive()).text(), 'echo: ping');
  await conn.close();
});
