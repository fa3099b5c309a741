import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TestClient } from 'zigmund/testing';
import { app } from '../../../samples/parity/reference/request.js';

const client = new TestClient(app);

test('reference/request: method, URL, parameters, headers, cookies, client, state, url_for', async () => {
  const res = await client.get('/items/foo?q=1&q=2&x=y', { headers: { 'user-agent': 'tests' }, cookies: { session: 'abc' } });
  assert.equal(res.status, 200, res.text);
  assert.deepEqual(res.json(), {
    method: 'GET',
    url: '/items/foo?q=1&q=2&x=y',
    path: '/items/foo',
    full_url: 'http://localhost:80/items/foo?q=1&q=2&x=y',
    base_url: 'http://localhost:80',
    path_params: { item_id: 'foo' },
    query_params: { q: ['1', '2'], x: 'y' },
    user_agent: 'tests',
    cookies: { session: 'abc' },
    client: '127.0.0.1',
    state: { seen: true },
    url_for: 'http://localhost:80/items/bar',
  });
});

test('reference/request: the body as JSON, bytes and text', async () => {
  assert.deepEqual((await client.post('/echo/json', { json: { a: [1, 2] } })).json(), { json: { a: [1, 2] } });
  assert.deepEqual((await client.post('/echo/text', { body: 'héllo', headers: { 'content-type': 'text/plain' } })).json(), { bytes: 6, text: 'héllo' });
});

test('reference/request: the body as a form, with files', async () => {
  const res = await client.post('/echo/form', { form: { a: ['1', '2'], b: 'x' }, files: { f: { filename: 'a.txt', content: 'hi' } } });
  assert.deepEqual(res.json(), { fields: { a: ['1', '2'], b: ['x'] }, files: { f: ['a.txt'] } });
});
