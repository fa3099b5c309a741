import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TestClient } from 'zigmund/testing';
import { app } from '../../../samples/parity/advanced/response-change-status-code.js';

test('advanced/response-change-status-code: 200 for an existing task, 201 when the injected Response says so', async () => {
  const client = new TestClient(app);
  let res = await client.put('/get-or-create-task/foo');
  assert.equal(res.status, 200, res.text);
  assert.equal(res.json(), 'Listen to the Bar Fighters');
  res = await client.put('/get-or-create-task/bar');
  assert.equal(res.status, 201, res.text);
  assert.equal(res.json(), "This didn't exist before");
});
