import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TestClient } from 'zigmund/testing';
import { app } from '../../../samples/parity/advanced/using-request-directly.js';

test('advanced/using-request-directly: the client address and the path parameter', async () => {
  const res = await new TestClient(app).get('/items/foo');
  assert.equal(res.status, 200);
  // FastAPI's TestClient reports the client as "testclient"; light-my-request's is 127.0.0.1.
  assert.deepEqual(res.json(), { client_host: '127.0.0.1', item_id: 'foo' });
});

test('advanced/using-request-directly: only the path parameter is documented, not the Request', () => {
  const op = app.openapi().paths['/items/{item_id}']!.get!;
  assert.deepEqual(op.parameters, [{ name: 'item_id', in: 'path', required: true, schema: { type: 'string' } }]);
  assert.deepEqual(Object.keys(op.responses), ['200', '422']);
});
