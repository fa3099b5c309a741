import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TestClient } from 'zigmund/testing';
import { app } from '../../../samples/parity/reference/response.js';

const client = new TestClient(app);

test('reference/response: a Response built with content, status, media type and headers', async () => {
  const res = await client.get('/built');
  assert.equal(res.status, 203);
  assert.equal(res.text, '<b>bold</b>');
  assert.equal(res.headers['content-type'], 'text/html; charset=utf-8');
  assert.equal(res.headers['x-built'], 'yes');
});

test('reference/response: an injected Response sets status, headers and cookies of a plain answer', async () => {
  const res = await client.get('/injected');
  assert.equal(res.status, 201);
  assert.deepEqual(res.json(), { ok: true });
  assert.equal(res.headers['x-injected'], 'yes');
  const cookies = ([] as string[]).concat(res.headers['set-cookie'] as string | string[]);
  assert.ok(cookies.some((c) => /^session=abc;.*HttpOnly/i.test(c)), String(cookies));
  assert.ok(cookies.some((c) => /^old=;.*Expires=Thu, 01 Jan 1970/i.test(c)), String(cookies));
});
