import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TestClient } from 'zigmund/testing';
import { waitFor } from '../../support/wait-for.js';
import { app, log } from '../../../samples/parity/reference/background.js';

test('reference/background: tasks added by the dependency and the handler run after the answer', async () => {
  const res = await new TestClient(app).post('/send-notification/foo@example.com', { query: { q: 'some-query' } });
  assert.equal(res.status, 200);
  assert.deepEqual(res.json(), { message: 'Message sent' });
  await waitFor(() => log.length === 2, 'both background tasks');
  assert.deepEqual(log, ['found query: some-query', 'message to foo@example.com']);
});
