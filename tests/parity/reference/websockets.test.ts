import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ConnectionClosed } from 'zigmund';
import { TestClient } from 'zigmund/testing';
import { app } from '../../../samples/parity/reference/websockets.js';

test('reference/websockets: the handshake\'s request, then text, bytes, JSON, iteration and close', async () => {
  const conn = await new TestClient(app).websocketConnect('/ws/lobby?x=1', { headers: { 'x-client': 'tests', cookie: 'session=abc' } });
  assert.deepEqual((await conn.receive()).json(), {
    url: '/ws/lobby?x=1',
    path_params: { room: 'lobby' },
    query_params: { x: '1' },
    cookie: 'abc',
    header: 'tests',
    client: '127.0.0.1',
  });
  await conn.sendText('hi');
  assert.equal((await conn.receive()).text(), 'text: hi');
  await conn.sendBinary(Buffer.from([1, 2, 3]));
  const bytes = await conn.receive();
  assert.equal(bytes.opcode, 'binary');
  assert.deepEqual([...bytes.data], [3, 2, 1]);
  await conn.sendJson({ a: 1 });
  assert.deepEqual((await conn.receive()).json(), { got: { a: 1 } });
  await conn.sendText('one');
  assert.equal((await conn.receive()).text(), 'iter: one');
  await conn.sendText('bye');
  await assert.rejects(conn.receive(), (err: unknown) => err instanceof ConnectionClosed && err.code === 4000 && err.reason === 'see you');
});
