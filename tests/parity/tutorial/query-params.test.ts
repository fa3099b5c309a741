import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { OpenApiDocument } from 'zigmund';
import { TestClient } from 'zigmund/testing';
import { app, needyApp } from '../../../samples/parity/tutorial/query-params.js';

const client = new TestClient(app);
const needy = new TestClient(needyApp);
const long = 'This is an amazing item that has a long description';

test('tutorial/query-params: skip and limit default to 0 and 10', async () => {
  assert.deepEqual((await client.get('/items/')).json(), [{ item_name: 'Foo' }, { item_name: 'Bar' }, { item_name: 'Baz' }]);
  assert.deepEqual((await client.get('/items/?skip=1')).json(), [{ item_name: 'Bar' }, { item_name: 'Baz' }]);
  assert.deepEqual((await client.get('/items/?skip=1&limit=1')).json(), [{ item_name: 'Bar' }]);
});

test('tutorial/query-params: an optional query parameter is used only when given', async () => {
  assert.deepEqual((await client.get('/items/foo?short=1')).json(), { item_id: 'foo' });
  assert.deepEqual((await client.get('/items/bar?q=somequery&short=yes')).json(), { item_id: 'bar', q: 'somequery' });
});

test('tutorial/query-params: a boolean query parameter accepts true, 1, on, yes', async () => {
  assert.deepEqual((await client.get('/items/foo')).json(), { item_id: 'foo', description: long });
  assert.deepEqual((await client.get('/items/bar?q=somequery')).json(), { item_id: 'bar', q: 'somequery', description: long });
  for (const value of ['true', 'True', '1', 'on', 'yes']) {
    assert.deepEqual((await client.get(`/items/baz?short=${value}`)).json(), { item_id: 'baz' }, value);
  }
  assert.deepEqual((await client.get('/items/baz?short=false')).json(), { item_id: 'baz', description: long });
});

test('tutorial/query-params: several path and query parameters together', async () => {
  assert.deepEqual((await client.get('/users/123/items/foo')).json(), { item_id: 'foo', owner_id: 123, description: long });
  assert.deepEqual((await client.get('/users/1/items/bar?q=somequery')).json(), {
    item_id: 'bar',
    owner_id: 1,
    q: 'somequery',
    description: long,
  });
  assert.deepEqual((await client.get('/users/42/items/baz?short=true')).json(), { item_id: 'baz', owner_id: 42 });
});

test('tutorial/query-params: a required query parameter', async () => {
  const res = await needy.get('/items/foo?needy=very');
  assert.equal(res.status, 200);
  assert.deepEqual(res.json(), { item_id: 'foo', needy: 'very', skip: 0, limit: null });
});

test('tutorial/query-params: a missing required parameter and bad integers answer one 422 with every error', async () => {
  const res = await needy.get('/items/foo?skip=a&limit=b');
  assert.equal(res.status, 422);
  assert.deepEqual(res.json(), {
    detail: [
      { type: 'missing', loc: ['query', 'needy'], msg: 'Field required', input: null },
      {
        type: 'int_parsing',
        loc: ['query', 'skip'],
        msg: 'Input should be a valid integer, unable to parse string as an integer',
        input: 'a',
      },
      {
        type: 'int_parsing',
        loc: ['query', 'limit'],
        msg: 'Input should be a valid integer, unable to parse string as an integer',
        input: 'b',
      },
    ],
  });
});

test('tutorial/query-params: the OpenAPI document marks defaults and required query parameters', async () => {
  const list = app.openapi().paths['/items/']!.get!.parameters;
  assert.deepEqual(list, [
    { name: 'skip', in: 'query', required: false, schema: { type: 'integer', default: 0 } },
    { name: 'limit', in: 'query', required: false, schema: { type: 'integer', default: 10 } },
  ]);
  const doc = (await needy.get('/openapi.json')).json<OpenApiDocument>();
  assert.deepEqual(doc.paths['/items/{item_id}']!.get!.parameters, [
    { name: 'item_id', in: 'path', required: true, schema: { type: 'string' } },
    { name: 'needy', in: 'query', required: true, schema: { type: 'string' } },
    { name: 'skip', in: 'query', required: false, schema: { type: 'integer', default: 0 } },
    { name: 'limit', in: 'query', required: false, schema: { type: 'integer' } },
  ]);
});
