import { test } from 'node:test';
import assert from 'node:assert/strict';
import { status } from 'zigmund';
import { TestClient } from 'zigmund/testing';
import { app } from '../../../samples/parity/reference/status.js';

test('reference/status: the page\'s example answers 418', async () => {
  const res = await new TestClient(app).get('/items/');
  assert.equal(res.status, 418);
  assert.deepEqual(res.json(), [{ name: 'Plumbus' }, { name: 'Portal Gun' }]);
  assert.ok(app.openapi().paths['/items/']!.get!.responses['418']);
});

test('reference/status: the named HTTP and WebSocket codes', () => {
  assert.equal(status.HTTP_200_OK, 200);
  assert.equal(status.HTTP_403_FORBIDDEN, 403);
  assert.equal(status.HTTP_422_UNPROCESSABLE_ENTITY, 422);
  assert.equal(status.HTTP_422_UNPROCESSABLE_CONTENT, 422);
  assert.equal(status.HTTP_418_IM_A_TEAPOT, 418);
  assert.equal(status.WS_1000_NORMAL_CLOSURE, 1000);
  assert.equal(status.WS_1008_POLICY_VIOLATION, 1008);
});
