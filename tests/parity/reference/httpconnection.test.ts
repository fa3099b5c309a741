import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TestClient } from 'zigmund/testing';
import { app } from '../../../samples/parity/reference/httpconnection.js';

test('reference/httpconnection: one dependency for an HTTP route and a WebSocket', async () => {
  const client = new TestClient(app);
  const res = await client.get('/info', { headers: { 'user-agent': 'tests' } });
  assert.deepEqual(res.json(), { kind: 'http', path: '/info', user_agent: 'tests' });
  const conn = await client.websocketConnect('/ws', { headers: { 'user-agent': 'tests' } });
  assert.deepEqual((await conn.receive()).json(), { kind: 'websocket', path: '/ws', user_agent: 'tests' });
  await conn.close();
});
