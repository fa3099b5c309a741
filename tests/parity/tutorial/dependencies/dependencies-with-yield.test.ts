import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TestClient } from 'zigmund/testing';
import { waitFor } from '../../../support/wait-for.js';
import { app, events } from '../../../../samples/parity/tutorial/dependencies/dependencies-with-yield.js';

const client = new TestClient(app);

async function teardownsAfter(path: string) {
  events.length = 0;
  const res = await client.get(path);
  await waitFor(() => events.includes('username teardown') || events.includes('db closed'), `the teardown of ${path}`);
  return { res, events: [...events] };
}

test('tutorial/dependencies/dependencies-with-yield: the yielded value is injected and the teardown runs after the answer', async () => {
  const { res, events: seen } = await teardownsAfter('/db');
  assert.equal(res.status, 200);
  assert.deepEqual(res.json(), { session: true });
  assert.deepEqual(seen, ['db closed']);
});

test('tutorial/dependencies/dependencies-with-yield: HttpException from the handler still answers, the teardown runs', async () => {
  const { res, events: seen } = await teardownsAfter('/items/foo');
  assert.equal(res.status, 404);
  assert.deepEqual(res.json(), { detail: 'Item not found' });
  assert.deepEqual(seen, ['username teardown']);
  const ok = await client.get('/items/portal-gun');
  assert.equal(ok.status, 200);
  assert.deepEqual(ok.json(), { description: 'Gun to create portals', owner: 'Rick' });
});

test('tutorial/dependencies/dependencies-with-yield: an error the teardown converts to HttpException answers 500 (FastAPI: 400), the teardown sees it', async () => {
  const { res, events: seen } = await teardownsAfter('/items/plumbus');
  // Teardowns run once the response is sent, so the 400 "Owner error: Rick" cannot replace it.
  assert.equal(res.status, 500);
  assert.deepEqual(res.json(), { detail: 'Internal Server Error' });
  assert.deepEqual(seen, ['username teardown']);
});

test('tutorial/dependencies/dependencies-with-yield: an error re-raised by the teardown is a 500, seen by the teardown', async () => {
  assert.deepEqual((await client.get('/plumbus/plumbus')).json(), 'plumbus');
  const missing = await client.get('/plumbus/foo');
  assert.equal(missing.status, 404);
  assert.deepEqual(missing.json(), { detail: "Item not found, there's only a plumbus here" });
  const { res, events: seen } = await teardownsAfter('/plumbus/portal-gun');
  assert.equal(res.status, 500);
  assert.deepEqual(res.json(), { detail: 'Internal Server Error' });
  assert.deepEqual(seen, ["We don't swallow the internal error here, we raise again", 'username teardown']);
});
