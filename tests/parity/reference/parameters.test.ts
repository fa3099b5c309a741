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
