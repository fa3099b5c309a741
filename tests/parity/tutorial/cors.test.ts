import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TestClient } from 'zigmund/testing';
import { app } from '../../../samples/parity/tutorial/cors.js';

const client = new TestClient(app);
const origin = 'https://localhost.tiangolo.com';

test('tutorial/cors: a preflight from an allowed origin is answered 200 OK with the requested header allowed', async () => {
  const res = await client.options('/', {
    headers: { Origin: origin, 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'X-Example' },
  });
  assert.equal(res.status, 200);
  assert.equal(res.text, 'OK');
  assert.equal(res.headers['access-control-allow-origin'], origin);
  // Starlette echoes the header names as sent; cors() lowercases them (header names are case-insensitive).
  assert.equal(String(res.headers['access-control-allow-headers']).toLowerCase(), 'x-example');
  assert.equal(res.headers['access-control-allow-credentials'], 'true');
});

test('tutorial/cors: a simple request from an allowed origin gets Access-Control-Allow-Origin', async () => {
  const res = await client.get('/', { headers: { Origin: origin } });
  assert.equal(res.status, 200);
  assert.deepEqual(res.json(), { message: 'Hello World' });
  assert.equal(res.headers['access-control-allow-origin'], origin);
});

test('tutorial/cors: a request without Origin gets no CORS headers', async () => {
  const res = await client.get('/');
  assert.equal(res.status, 200);
  assert.deepEqual(res.json(), { message: 'Hello World' });
  assert.equal(res.headers['access-control-allow-origin'], undefined);
});

test('tutorial/cors: another origin is not allowed', async () => {
  const res = await client.get('/', { headers: { Origin: 'https://evil.example' } });
  assert.equal(res.status, 200);
  assert.equal(res.headers['access-control-allow-origin'], undefined);
});
