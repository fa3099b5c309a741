import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { JsonSchema, OpenApiDocument } from 'zigmund';
import { TestClient } from 'zigmund/testing';
import { app } from '../../../samples/parity/tutorial/body-fields.js';

const client = new TestClient(app);

test('tutorial/body-fields: a valid embedded item, numbers sent as strings converted', async () => {
  const res = await client.put('/items/5', { json: { item: { name: 'Foo', price: 3.0 } } });
  assert.equal(res.status, 200);
  assert.deepEqual(res.json(), { item_id: 5, item: { name: 'Foo', price: 3, description: null, tax: null } });
  const bar = await client.put('/items/6', { json: { item: { name: 'Bar', price: 0.2, description: 'Some bar', tax: '5.4' } } });
  assert.deepEqual(bar.json(), { item_id: 6, item: { name: 'Bar', price: 0.2, description: 'Some bar', tax: 5.4 } });
});

test('tutorial/body-fields: a field constraint answers 422 at the field inside the key', async () => {
  const res = await client.put('/items/5', { json: { item: { name: 'Foo', price: -3.0 } } });
  assert.equal(res.status, 422);
  const [detail] = res.json<{ detail: { loc: unknown[]; input: unknown }[] }>().detail;
  assert.deepEqual([detail!.loc, detail!.input], [['body', 'item', 'price'], -3]);
  const long = await client.put('/items/5', { json: { item: { name: 'Foo', price: 1, description: 'x'.repeat(301) } } });
  assert.equal(long.status, 422);
  const [tooLong] = long.json<{ detail: { type: string; loc: unknown[] }[] }>().detail;
  assert.deepEqual([tooLong!.type, tooLong!.loc], ['string_too_long', ['body', 'item', 'description']]);
});

test('tutorial/body-fields: the field metadata is in the model schema', async () => {
  const doc = (await client.get('/openapi.json')).json<OpenApiDocument>();
  const item = doc.components!.schemas!.Item as { properties: Record<string, JsonSchema>; required: string[] };
  assert.deepEqual(item.properties.description, { type: 'string', maxLength: 300, description: 'The description of the item' });
  assert.deepEqual(item.properties.price, { type: 'number', exclusiveMinimum: 0, description: 'The price must be greater than zero' });
  assert.deepEqual(item.required, ['name', 'price']);
});
