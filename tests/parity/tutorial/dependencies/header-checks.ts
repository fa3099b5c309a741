// The requests FastAPI's tests send to routes guarded by verify_token and verify_key.
import assert from 'node:assert/strict';
import type { TestClient } from 'zigmund/testing';

export async function replayHeaderChecks(client: TestClient, path: string, answer: unknown): Promise<void> {
  const none = await client.get(path);
  assert.equal(none.status, 422);
  assert.deepEqual(none.json(), {
    detail: [
      { type: 'missing', loc: ['header', 'x-token'], msg: 'Field required', input: null },
      { type: 'missing', loc: ['header', 'x-key'], msg: 'Field required', input: null },
    ],
  });
  const badToken = await client.get(path, { headers: { 'X-Token': 'invalid' } });
  assert.equal(badToken.status, 400);
  assert.deepEqual(badToken.json(), { detail: 'X-Token header invalid' });
  const badKey = await client.get(path, { headers: { 'X-Token': 'fake-super-secret-token', 'X-Key': 'invalid' } });
  assert.equal(badKey.status, 400);
  assert.deepEqual(badKey.json(), { detail: 'X-Key header invalid' });
  const ok = await client.get(path, { headers: { 'X-Token': 'fake-super-secret-token', 'X-Key': 'fake-super-secret-key' } });
  assert.equal(ok.status, 200);
  assert.deepEqual(ok.json(), answer);
}
