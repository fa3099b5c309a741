import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TestClient } from 'zigmund/testing';
import { app } from '../../../samples/parity/how-to/graphql.js';

const client = new TestClient(app);

test('how-to/graphql: a query', async () => {
  const res = await client.post('/graphql', { json: { query: '{ user { name, age } }' } });
  assert.equal(res.status, 200, res.text);
  assert.deepEqual(res.json(), { data: { user: { name: 'Patrick', age: 100 } } });
});

test('how-to/graphql: a query naming an unknown field answers GraphQL errors', async () => {
  const res = await client.post('/graphql', { json: { query: '{ user { email } }' } });
  assert.equal(res.status, 200);
  const { errors } = res.json() as { errors: { message: string }[] };
  assert.match(errors[0]!.message, /Cannot query field "email" on type "User"/);
});

test('how-to/graphql: a body without a query is a 422; the route is in the document', async () => {
  assert.equal((await client.post('/graphql', { json: {} })).status, 422);
  assert.equal(app.openapi().paths['/graphql']!.post!.summary, 'Execute a GraphQL query');
});
