import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TestClient } from 'zigmund/testing';
import { app } from '../../../samples/parity/how-to/custom-request-and-route.js';

const client = new TestClient(app);

test('how-to/custom-request-and-route: a list body summed', async () => {
  const res = await client.post('/sum', { json: [1, 2, 3] });
  assert.equal(res.status, 200, res.text);
  assert.equal(res.json(), 6);
});

test('how-to/custom-request-and-route: a validation error answered with the body that caused it', async () => {
  const res = await client.post('/sum', { json: { numbers: [1, 2, 3] } });
  assert.equal(res.status, 422, res.text);
  const { detail } = res.json() as { detail: { errors: { type: string; loc: unknown[]; input: unknown }[]; body: string } };
  assert.equal(detail.body, '{"numbers":[1,2,3]}');
  assert.deepEqual(detail.errors.map((e) => [e.type, e.loc, e.input]), [['list_type', ['body'], { numbers: [1, 2, 3] }]]);
});

test('how-to/custom-request-and-route: only the timed route carries X-Response-Time', async () => {
  let res = await client.get('/');
  assert.deepEqual(res.json(), { message: 'Not timed' });
  assert.equal(res.headers['x-response-time'], undefined);
  res = await client.get('/timed');
  assert.deepEqual(res.json(), { message: "It's the time of my life" });
  assert.ok(Number(res.headers['x-response-time']) >= 0);
});
