import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { OpenApiDocument } from 'zigmund';
import { TestClient } from 'zigmund/testing';
import { app } from '../../../samples/parity/tutorial/path-params-numeric-validations.js';

const client = new TestClient(app);

async function invalid(path: string, detail: unknown) {
  const res = await client.get(path);
  assert.equal(res.status, 422, path);
  assert.deepEqual(res.json(), { detail: [detail] }, path);
}

const notAnInteger = {
  type: 'int_parsing',
  loc: ['path', 'item_id'],
  msg: 'Input should be a valid integer, unable to parse string as an integer',
  input: 'invalid_id',
};
const qMissing = { type: 'missing', loc: ['query', 'q'], msg: 'Field required', input: null };

test('tutorial/path-params-numeric-validations: a described integer path parameter and an aliased query', async () => {
  assert.deepEqual((await client.get('/aliased/42')).json(), { item_id: 42 });
  assert.deepEqual((await client.get('/aliased/42?item-query=foo')).json(), { item_id: 42, q: 'foo' });
  await invalid('/aliased/invalid_id', notAnInteger);
});

test('tutorial/path-params-numeric-validations: parameters in any order; a required query missing is 422', async () => {
  assert.deepEqual((await client.get('/at-least-one/42?q=foo')).json(), { item_id: 42, q: 'foo' });
  await invalid('/at-least-one/invalid_id?q=somequery', notAnInteger);
  await invalid('/at-least-one/42', qMissing);
});

test('tutorial/path-params-numeric-validations: ge=1 answers greater_than_equal', async () => {
  await invalid('/at-least-one/0?q=somequery', {
    type: 'greater_than_equal',
    loc: ['path', 'item_id'],
    msg: 'Input should be greater than or equal to 1',
    input: '0',
    ctx: { ge: 1 },
  });
});

test('tutorial/path-params-numeric-validations: gt=0 and le=1000 answer greater_than and less_than_equal', async () => {
  assert.deepEqual((await client.get('/up-to-a-thousand/1000?q=foo')).json(), { item_id: 1000, q: 'foo' });
  await invalid('/up-to-a-thousand/invalid_id?q=somequery', notAnInteger);
  await invalid('/up-to-a-thousand/0?q=somequery', {
    type: 'greater_than',
    loc: ['path', 'item_id'],
    msg: 'Input should be greater than 0',
    input: '0',
    ctx: { gt: 0 },
  });
  await invalid('/up-to-a-thousand/1001?q=somequery', {
    type: 'less_than_equal',
    loc: ['path', 'item_id'],
    msg: 'Input should be less than or equal to 1000',
    input: '1001',
    ctx: { le: 1000 },
  });
  await invalid('/up-to-a-thousand/42', qMissing);
});

test('tutorial/path-params-numeric-validations: float query constraints gt and lt', async () => {
  assert.deepEqual((await client.get('/items/42?q=foo&size=5')).json(), { item_id: 42, q: 'foo', size: 5 });
  assert.deepEqual((await client.get('/items/0?q=foo&size=10.4')).json(), { item_id: 0, q: 'foo', size: 10.4 });
  await invalid('/items/-1?q=somequery&size=5', {
    type: 'greater_than_equal',
    loc: ['path', 'item_id'],
    msg: 'Input should be greater than or equal to 0',
    input: '-1',
    ctx: { ge: 0 },
  });
  await invalid('/items/1001?q=somequery&size=5', {
    type: 'less_than_equal',
    loc: ['path', 'item_id'],
    msg: 'Input should be less than or equal to 1000',
    input: '1001',
    ctx: { le: 1000 },
  });
  await invalid('/items/1?q=somequery&size=0.0', {
    type: 'greater_than',
    loc: ['query', 'size'],
    msg: 'Input should be greater than 0',
    input: '0.0',
    ctx: { gt: 0 },
  });
  await invalid('/items/1?q=somequery&size=10.5', {
    type: 'less_than',
    loc: ['query', 'size'],
    msg: 'Input should be less than 10.5',
    input: '10.5',
    ctx: { lt: 10.5 },
  });
});

test('tutorial/path-params-numeric-validations: the OpenAPI document carries the title, the alias as the name, and the bounds', async () => {
  const doc = (await client.get('/openapi.json')).json<OpenApiDocument>();
  assert.deepEqual(doc.paths['/aliased/{item_id}']!.get!.parameters, [
    { name: 'item_id', in: 'path', required: true, schema: { type: 'integer', title: 'The ID of the item to get' } },
    { name: 'item-query', in: 'query', required: false, schema: { type: 'string' } },
  ]);
  assert.deepEqual(doc.paths['/items/{item_id}']!.get!.parameters, [
    { name: 'item_id', in: 'path', required: true, schema: { type: 'integer', minimum: 0, maximum: 1000, title: 'The ID of the item to get' } },
    { name: 'q', in: 'query', required: true, schema: { type: 'string' } },
    { name: 'size', in: 'query', required: true, schema: { type: 'number', exclusiveMinimum: 0, exclusiveMaximum: 10.5 } },
  ]);
});
