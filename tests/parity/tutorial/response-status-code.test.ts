import { test } from 'node:test';
import assert from 'node:assert/strict';
import { status } from 'zigmund';
import { TestClient } from 'zigmund/testing';
import { app } from '../../../samples/parity/tutorial/response-status-code.js';

const client = new TestClient(app);

test('tutorial/response-status-code: the route answers with its declared status, a number or a named constant', async () => {
  assert.equal(status.HTTP_201_CREATED, 201);
  for (const path of ['/items/', '/named/']) {
    const res = await client.post(`${path}?name=foo`);
    assert.equal(res.status, 201, path);
    assert.deepEqual(res.json(), { name: 'foo' });
  }
});

test('tutorial/response-status-code: the OpenAPI document names the declared status as the success', () => {
  for (const path of ['/items/', '/named/']) {
    const responses = app.openapi().paths[path]!.post!.responses;
    assert.deepEqual(Object.keys(responses), ['201', '422']);
    assert.deepEqual(responses['201'], { description: 'Successful Response', content: { 'application/json': { schema: {} } } });
  }
});
