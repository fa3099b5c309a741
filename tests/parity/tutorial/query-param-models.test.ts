import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TestClient } from 'zigmund/testing';
import { app } from '../../../samples/parity/tutorial/query-param-models.js';

const client = new TestClient(app);
const full = { limit: 10, offset: 5, order_by: 'updated_at', tags: ['tag1', 'tag2'] };

for (const path of ['/items/', '/strict-items/']) {
  test(`tutorial/query-param-models: ${path} reads the whole model, defaults filled in`, async () => {
    const res = await client.get(path, { query: full });
    assert.equal(res.status, 200);
    assert.deepEqual(res.json(), full);
    assert.deepEqual((await client.get(path)).json(), { limit: 100, offset: 0, order_by: 'created_at', tags: [] });
  });

  test(`tutorial/query-param-models: ${path} answers one 422 with every field's error`, async () => {
    const res = await client.get(path, { query: { limit: 150, offset: -1, order_by: 'invalid' } });
    assert.equal(res.status, 422);
    const detail = res.json<{ detail: { type: string; loc: unknown[]; input: unknown }[] }>().detail;
    // class-validator writes the messages; pydantic's `Literal` error is `literal_error`, IsIn's `enum`.
    assert.deepEqual(
      detail.map((d) => [d.type, d.loc, d.input]),
      [
        ['less_than_equal', ['query', 'limit'], 150],
        ['greater_than_equal', ['query', 'offset'], -1],
        ['enum', ['query', 'order_by'], 'invalid'],
      ],
    );
  });
}

test('tutorial/query-param-models: extra query keys are ignored by default', async () => {
  assert.deepEqual((await client.get('/items/', { query: { ...full, tool: 'plumbus' } })).json(), full);
});

test('tutorial/query-param-models: with extra keys forbidden, one answers 422 extra_forbidden', async () => {
  const res = await client.get('/strict-items/', { query: { ...full, tool: 'plumbus' } });
  assert.equal(res.status, 422);
  assert.deepEqual(res.json(), {
    detail: [{ type: 'extra_forbidden', loc: ['query', 'tool'], msg: 'Extra inputs are not permitted', input: 'plumbus' }],
  });
});

test('tutorial/query-param-models: the OpenAPI document lists each field as a query parameter with its default', () => {
  assert.deepEqual(app.openapi().paths['/items/']!.get!.parameters, [
    { name: 'limit', in: 'query', required: false, schema: { maximum: 100, minimum: 1, type: 'integer', default: 100 } },
    { name: 'offset', in: 'query', required: false, schema: { minimum: 0, type: 'integer', default: 0 } },
    { name: 'order_by', in: 'query', required: false, schema: { type: 'string', enum: ['created_at', 'updated_at'], default: 'created_at' } },
    { name: 'tags', in: 'query', required: false, schema: { items: { type: 'string' }, type: 'array', default: [] } },
  ]);
});
