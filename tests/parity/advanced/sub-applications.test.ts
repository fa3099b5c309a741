import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TestClient } from 'zigmund/testing';
import { app } from '../../../samples/parity/advanced/sub-applications.js';

const client = new TestClient(app);

test('advanced/sub-applications: the main app and the mounted one answer their routes', async () => {
  let res = await client.get('/app');
  assert.equal(res.status, 200);
  assert.deepEqual(res.json(), { message: 'Hello World from main app' });
  res = await client.get('/subapi/sub');
  assert.equal(res.status, 200);
  assert.deepEqual(res.json(), { message: 'Hello World from sub API' });
});

test('advanced/sub-applications: each has its own document; the sub app lists its prefix as server', async () => {
  const main = (await client.get('/openapi.json')).json() as { paths: object; servers?: unknown };
  assert.deepEqual(Object.keys(main.paths), ['/app']);
  assert.equal(main.servers, undefined);
  const sub = (await client.get('/subapi/openapi.json')).json() as { paths: object; servers?: unknown };
  assert.deepEqual(Object.keys(sub.paths), ['/sub']);
  assert.deepEqual(sub.servers, [{ url: '/subapi' }]);
});

test('advanced/sub-applications: the sub app has its own docs page, loading its own document', async () => {
  const page = await client.get('/subapi/docs');
  assert.equal(page.status, 200);
  assert.match(page.text, /<script src="\/subapi\/docs\/swagger-init\.js"><\/script>/);
  const init = await client.get('/subapi/docs/swagger-init.js');
  assert.match(init.text, /"url":"\/subapi\/openapi\.json"/);
});
