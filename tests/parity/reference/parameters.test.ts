import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TestClient } from 'zigmund/testing';
import { app } from '../../../samples/parity/reference/parameters.js';

const client = new TestClient(app);

test('reference/parameters: path, query, header, cookie and body together', async () => {
  const res = await client.put('/items/5', {
    query: { q: 'fixedquery', size: 2.5 },
    headers: { 'user-agent': 'tests' },
    cookies: { ads_id: 'abc' },
    json: { name: 'Foo' },
  });
  assert.equal(res.status, 200, res.text);
  assert.deepEqual(res.json(), { item_id: 5, q: 'fixedquery', size: 2.5, user_agent: 'tests', ads_id: 'abc', item: { name: 'Foo' } });
});

test('reference/parameters: the constraints answer pydantic\'s error types, all at once', async () => {
  const res = await client.put('/items/0', { query: { q: 'fi', size: 11 }, json: {} });
  assert.equal(res.status, 422);
  const detail = (res.json() as { detail: { type: string; loc: unknown[] }[] }).detail;
  assert.deepEqual(
    detail.map((d) => [d.type, d.loc]),
    [
      ['greater_than_equal', ['path', 'item_id']],
      ['string_too_short', ['query', 'q']],
      ['less_than_equal', ['query', 'size']],
      ['missing', ['body', 'name']],
    ],
  );
});

test('reference/parameters: form and file', async () => {
  const res = await client.post('/files/', { form: { token: 't' }, files: { file: { filename: 'a.bin', content: Buffer.alloc(4) } } });
  assert.deepEqual(res.json(), { token: 't', file_size: 4 });
});

test('reference/parameters: documented with their constraints, descriptions and examples', () => {
  const op = app.openapi().paths['/items/{item_id}']!.put!;
  const byName = Object.fromEntries(op.parameters!.map((p) => [p.name, p]));
  assert.deepEqual(byName.item_id!.schema, { type: 'integer', minimum: 1 });
  assert.equal(byName.item_id!.description, 'The ID of the item');
  assert.equal(byName.q!.deprecated, true);
  assert.deepEqual(byName.q!.schema, { type: 'string', minLength: 3, maxLength: 50, pattern: '^fixed' });
  assert.deepEqual(byName.size!.schema, { type: 'number', exclusiveMinimum: 0, maximum: 10.5, default: 1 });
  assert.equal(byName['user-agent']!.in, 'header');
  assert.equal(byName.ads_id!.in, 'cookie');
  assert.deepEqual(op.requestBody!.content['application/json']!.schema, { $ref: '#/components/schemas/Item', examples: [{ name: 'Foo' }] });
});

// FastAPI's tests/test_tutorial/test_query_params_str_validations/test_tutorial010.py
test('reference/parameters: alias names the key on the wire, in errors and in the document', async () => {
  const items = { items: [{ item_id: 'Foo' }, { item_id: 'Bar' }] };
  let res = await client.get('/items/');
  assert.equal(res.status, 200);
  assert.deepEqual(res.json(), items);
  res = await client.get('/items/', { query: { 'item-query': 'fixedquery' } });
  assert.deepEqual(res.json(), { ...items, q: 'fixedquery' });
  res = await client.get('/items/', { query: { q: 'fixedquery' } });
  assert.deepEqual(res.json(), items);
  res = await client.get('/items/', { query: { 'item-query': 'nonregexquery' } });
  assert.equal(res.status, 422);
  assert.deepEqual(res.json(), {
    detail: [
      {
        type: 'string_pattern_mismatch',
        loc: ['query', 'item-query'],
        msg: "String should match pattern '^fixedquery$'",
        input: 'nonregexquery',
        ctx: { pattern: '^fixedquery$' },
      },
    ],
  });
});

test('reference/parameters: title goes into the schema, description and deprecated onto the parameter', () => {
  const op = app.openapi().paths['/items/']!.get!;
  assert.deepEqual(op.parameters, [
    {
      name: 'item-query',
      in: 'query',
      required: false,
      schema: { type: 'string', minLength: 3, maxLength: 50, pattern: '^fixedquery$', title: 'Query string' },
      description: 'Query string for the items to search in the database that have a good match',
      deprecated: true,
    },
  ]);
});

// FastAPI's tests/test_openapi_examples.py
test('reference/parameters: routes declaring examples answer as usual', async () => {
  const res = await client.post('/examples/', { json: { data: 'example1' } });
  assert.equal(res.status, 200, res.text);
  assert.deepEqual(res.json(), { data: 'example1' });
  for (const path of ['/path_examples/foo', '/query_examples/', '/header_examples/', '/cookie_examples/']) {
    assert.equal((await client.get(path)).status, 200, path);
  }
  assert.deepEqual((await client.get('/path_examples/foo')).json(), 'foo');
});

test('reference/parameters: examples go into the schema, openapiExamples into the parameter or the body', () => {
  const doc = app.openapi();
  assert.deepEqual(doc.paths['/examples/']!.post!.requestBody, {
    required: true,
    content: {
      'application/json': {
        schema: { $ref: '#/components/schemas/ExampleItem', examples: [{ data: 'Data in Body examples, example1' }] },
        examples: {
          'Example One': {
            summary: 'Example One Summary',
            description: 'Example One Description',
            value: { data: 'Data in Body examples, example1' },
          },
          'Example Two': { value: { data: 'Data in Body examples, example2' } },
        },
      },
    },
  });
  assert.deepEqual(doc.paths['/path_examples/{item_id}']!.get!.parameters, [
    {
      name: 'item_id',
      in: 'path',
      required: true,
      schema: { type: 'string', examples: ['json_schema_item_1', 'json_schema_item_2'] },
      examples: {
        'Path One': { summary: 'Path One Summary', description: 'Path One Description', value: 'item_1' },
        'Path Two': { value: 'item_2' },
      },
    },
  ]);
  for (const [path, where, One] of [
    ['/query_examples/', 'query', 'Query'],
    ['/header_examples/', 'header', 'Header'],
    ['/cookie_examples/', 'cookie', 'Cookie'],
  ] as const) {
    const lower = where;
    assert.deepEqual(doc.paths[path]!.get!.parameters, [
      {
        name: 'data',
        in: where,
        required: false,
        schema: { type: 'string', examples: [`json_schema_${lower}1`, `json_schema_${lower}2`] },
        examples: {
          [`${One} One`]: { summary: `${One} One Summary`, description: `${One} One Description`, value: `${lower}1` },
          [`${One} Two`]: { value: `${lower}2` },
        },
      },
    ], path);
  }
});

// FastAPI's tests/test_param_include_in_schema.py
test('reference/parameters: a parameter left out of the document is still read', async () => {
  assert.deepEqual((await client.get('/hidden_cookie')).json(), { hidden_cookie: null });
  assert.deepEqual((await client.get('/hidden_cookie', { cookies: { hidden_cookie: 'somevalue' } })).json(), { hidden_cookie: 'somevalue' });
  assert.deepEqual((await client.get('/hidden_header')).json(), { hidden_header: null });
  assert.deepEqual((await client.get('/hidden_header', { headers: { 'Hidden-Header': 'somevalue' } })).json(), { hidden_header: 'somevalue' });
  assert.deepEqual((await client.get('/hidden_path/hidden_path')).json(), { hidden_path: 'hidden_path' });
  assert.deepEqual((await client.get('/hidden_query')).json(), { hidden_query: null });
  assert.deepEqual((await client.get('/hidden_query', { query: { hidden_query: 'somevalue' } })).json(), { hidden_query: 'somevalue' });
});

test('reference/parameters: includeInSchema: false leaves query, header and cookie parameters out of the document', () => {
  const paths = app.openapi().paths;
  for (const path of ['/hidden_cookie', '/hidden_header', '/hidden_query']) {
    assert.equal(paths[path]!.get!.parameters, undefined, path);
    assert.ok(paths[path]!.get!.responses['422'], path);
  }
  // OpenAPI requires every templated segment to be declared, so the path parameter stays (FastAPI drops it).
  assert.deepEqual(paths['/hidden_path/{hidden_path}']!.get!.parameters, [{ name: 'hidden_path', in: 'path', required: true, schema: { type: 'string' } }]);
});
