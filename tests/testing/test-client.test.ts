import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createApp, TestClient } from 'zigmund';

test('the TestClient keeps cookies between calls and sends query objects', async () => {
  const app = createApp();
  app.post('/login', (_req, res) => {
    res.setCookie('session', 's1');
    return { ok: true };
  });
  app.get('/me', (req) => ({ session: req.cookies.session ?? null, query: req.query }));
  const client = new TestClient(app);
  assert.deepEqual((await client.get('/me')).json(), { session: null, query: {} });
  await client.post('/login');
  assert.deepEqual((await client.get('/me', { query: { a: 1, b: [true, 'x'] } })).json(), { session: 's1', query: { a: '1', b: ['true', 'x'] } });
});

test('the TestClient sends JSON, urlencoded and raw bodies with their content types', async () => {
  const app = createApp();
  app.post('/raw', async (req) => ({ type: req.headers['content-type'] ?? null, text: await req.text() }));
  const client = new TestClient(app);
  assert.deepEqual((await client.post('/raw', { json: { a: 1 } })).json(), { type: 'application/json', text: '{"a":1}' });
  assert.deepEqual((await client.post('/raw', { form: { a: '1', b: ['2', '3'] } })).json(), { type: 'application/x-www-form-urlencoded', text: 'a=1&b=2&b=3' });
  assert.deepEqual((await client.post('/raw', { body: 'hi', headers: { 'content-type': 'text/plain' } })).json(), { type: 'text/plain', text: 'hi' });
});
