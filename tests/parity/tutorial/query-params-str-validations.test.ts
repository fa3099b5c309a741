import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { OpenApiDocument } from 'zigmund';
import { TestClient } from 'zigmund/testing';
import { app } from '../../../samples/parity/tutorial/query-params-str-validations.js';

const client = new TestClient(app);
const items = { items: [{ item_id: 'Foo' }, { item_id: 'Bar' }] };

async function ok(path: string, body: unknown) {
  const res = await client.get(path);
  assert.equal(res.status, 200, path);
  assert.deepEqual(res.json(), body, path);
}

async function invalid(path: string, detail: unknown) {
  const res = await client.get(path);
  assert.equal(res.status, 422, path);
  assert.deepEqual(res.json(), { detail: [detail] }, path);
}

test('tutorial/query-params-str-validations: an optional query parameter, empty or absent, is left out', async () => {
  await ok('/max-length/', items);
  await ok('/max-length/?q=', items);
  await ok('/max-length/?q=query', { ...items, q: 'query' });
});

test('tutorial/query-params-str-validations: max_length and min_length answer string_too_long / string_too_short', async () => {
  const long = 'q'.repeat(51);
  await invalid(`/max-length/?q=${long}`, {
    type: 'string_too_long',
    loc: ['query', 'q'],
    msg: 'String should have at most 50 characters',
    input: long,
    ctx: { max_length: 50 },
  });
  await ok('/length/?q=query', { ...items, q: 'query' });
  await invalid('/length/?q=qu', {
    type: 'string_too_short',
    loc: ['query', 'q'],
    msg: 'String should have at least 3 characters',
    input: 'qu',
    ctx: { min_length: 3 },
  });
});

test('tutorial/query-params-str-validations: a pattern answers string_pattern_mismatch', async () => {
  await ok('/pattern/', items);
  await ok('/pattern/?q=fixedquery', { ...items, q: 'fixedquery' });
  await invalid('/pattern/?q=nonregexquery', {
    type: 'string_pattern_mismatch',
    loc: ['query', 'q'],
    msg: "String should match pattern '^fixedquery$'",
    input: 'nonregexquery',
    ctx: { pattern: '^fixedquery$' },
  });
});

test('tutorial/query-params-str-validations: a default value, and a required parameter', async () => {
  await ok('/default/', { ...items, q: 'fixedquery' });
  await ok('/default/?q=query', { ...items, q: 'query' });
  await invalid('/default/?q=fa', {
    type: 'string_too_short',
    loc: ['query', 'q'],
    msg: 'String should have at least 3 characters',
    input: 'fa',
    ctx: { min_length: 3 },
  });
  await invalid('/required/', { type: 'missing', loc: ['query', 'q'], msg: 'Field required', input: null });
  await ok('/required/?q=fixedquery', { ...items, q: 'fixedquery' });
});

test('tutorial/query-params-str-validations: a title (and a description) only documents: min_length still answers', async () => {
  await ok('/title/', items);
  await ok('/title/?q=fixedquery', { ...items, q: 'fixedquery' });
  await invalid('/title/?q=fa', {
    type: 'string_too_short',
    loc: ['query', 'q'],
    msg: 'String should have at least 3 characters',
    input: 'fa',
    ctx: { min_length: 3 },
  });
});

test('tutorial/query-params-str-validations: an alias is the name in the URL; the Python name is not accepted', async () => {
  await ok('/alias/', items);
  await ok('/alias/?item-query=fixedquery', { ...items, q: 'fixedquery' });
  await ok('/alias/?q=fixedquery', items);
  await ok('/items/', items);
  await ok('/items/?item-query=fixedquery', { ...items, q: 'fixedquery' });
  await ok('/items/?q=fixedquery', items);
  await invalid('/items/?item-query=nonregexquery', {
    type: 'string_pattern_mismatch',
    loc: ['query', 'item-query'],
    msg: "String should match pattern '^fixedquery$'",
    input: 'nonregexquery',
    ctx: { pattern: '^fixedquery$' },
  });
});

test('tutorial/query-params-str-validations: a list parameter collects repeated keys, with or without a default', async () => {
  await ok('/list/?q=foo&q=bar', { q: ['foo', 'bar'] });
  await ok('/list/', { q: null });
  await ok('/list-default/', { q: ['foo', 'bar'] });
  await ok('/list-default/?q=baz&q=foobar', { q: ['baz', 'foobar'] });
});

test('tutorial/query-params-str-validations: a parameter hidden from the docs is still read', async () => {
  await ok('/hidden?hidden_query=somevalue', { hidden_query: 'somevalue' });
  await ok('/hidden', { hidden_query: 'Not found' });
});

test('tutorial/query-params-str-validations: a custom validator answers 422 value_error', async () => {
  await ok('/books?id=isbn-9781529046137', { id: 'isbn-9781529046137', name: "The Hitchhiker's Guide to the Galaxy" });
  await ok('/books?id=isbn-nope', { id: 'isbn-nope', name: null });
  const random = (await client.get('/books')).json<{ id: string; name: string }>();
  assert.equal(typeof random.id, 'string');
  assert.equal(typeof random.name, 'string');
  await invalid('/books?id=wtf-yes', {
    type: 'value_error',
    loc: ['query', 'id'],
    msg: 'Value error, Invalid ID format, it must start with "isbn-" or "imdb-"',
    input: 'wtf-yes',
    ctx: { error: {} },
  });
});

test('tutorial/query-params-str-validations: the OpenAPI document carries the constraints, title, description, the alias as the name, deprecation, lists and hides what is hidden', async () => {
  const doc = (await client.get('/openapi.json')).json<OpenApiDocument>();
  const params = (path: string) => doc.paths[path]!.get!.parameters;
  assert.deepEqual(params('/items/'), [
    {
      name: 'item-query',
      in: 'query',
      required: false,
      schema: { type: 'string', pattern: '^fixedquery$', minLength: 3, maxLength: 50, title: 'Query string' },
      description: 'Query string for the items to search in the database that have a good match',
      deprecated: true,
    },
  ]);
  assert.deepEqual(params('/title/'), [
    {
      name: 'q',
      in: 'query',
      required: false,
      schema: { type: 'string', minLength: 3, title: 'Query string' },
      description: 'Query string for the items to search in the database that have a good match',
    },
  ]);
  assert.deepEqual(params('/alias/'), [{ name: 'item-query', in: 'query', required: false, schema: { type: 'string' } }]);
  assert.deepEqual(params('/required/'), [{ name: 'q', in: 'query', required: true, schema: { type: 'string', minLength: 3 } }]);
  assert.deepEqual(params('/default/'), [{ name: 'q', in: 'query', required: false, schema: { type: 'string', minLength: 3, default: 'fixedquery' } }]);
  assert.deepEqual(params('/list-default/'), [
    { name: 'q', in: 'query', required: false, schema: { type: 'array', items: { type: 'string' }, default: ['foo', 'bar'] } },
  ]);
  assert.equal(params('/hidden'), undefined);
  assert.deepEqual(params('/books'), [{ name: 'id', in: 'query', required: false, schema: { type: 'string' } }]);
});
