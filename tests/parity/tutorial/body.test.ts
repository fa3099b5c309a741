import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { OpenApiDocument } from 'zigmund';
import { TestClient } from 'zigmund/testing';
import { app, withTaxApp } from '../../../samples/parity/tutorial/body.js';

const client = new TestClient(app);
const jsonText = '{"name": "Foo", "price": 50.5}';
const notAnObject = (input: unknown) => ({
  detail: [{ type: 'model_attributes_type', loc: ['body'], msg: 'Input should be a valid dictionary or object to extract fields from', input }],
});

test('tutorial/body: a JSON body becomes the model, unset optional fields null', async () => {
  const res = await client.post('/items/', { json: { name: 'Foo', price: 50.5 } });
  assert.equal(res.status, 200);
  assert.deepEqual(res.json(), { name: 'Foo', price: 50.5, description: null, tax: null });
});

test('tutorial/body: a number sent as a string is converted, as pydantic does', async () => {
  assert.deepEqual((await client.post('/items/', { json: { name: 'Foo', price: '50.5' } })).json(), {
    name: 'Foo',
    price: 50.5,
    description: null,
    tax: null,
  });
  assert.deepEqual((await client.post('/items/', { json: { name: 'Foo', price: '50.5', description: 'Some Foo', tax: 0.3 } })).json(), {
    name: 'Foo',
    price: 50.5,
    description: 'Some Foo',
    tax: 0.3,
  });
});

test('tutorial/body: missing fields answer 422 missing, all at once', async () => {
  const onlyName = await client.post('/items/', { json: { name: 'Foo' } });
  assert.equal(onlyName.status, 422);
  assert.deepEqual(onlyName.json(), { detail: [{ type: 'missing', loc: ['body', 'price'], msg: 'Field required', input: null }] });
  const empty = await client.post('/items/', { json: {} });
  assert.equal(empty.status, 422);
  assert.deepEqual(empty.json(), {
    detail: [
      { type: 'missing', loc: ['body', 'name'], msg: 'Field required', input: null },
      { type: 'missing', loc: ['body', 'price'], msg: 'Field required', input: null },
    ],
  });
});

test('tutorial/body: a field of the wrong type answers 422 at its location', async () => {
  const res = await client.post('/items/', { json: { name: 'Foo', price: 'twenty' } });
  assert.equal(res.status, 422);
  const [detail] = res.json<{ detail: { type: string; loc: unknown[] }[] }>().detail;
  assert.deepEqual([detail!.type, detail!.loc], ['float_type', ['body', 'price']]);
});

test('tutorial/body: no body, null, broken JSON and a form all answer 422', async () => {
  const json = { 'content-type': 'application/json' };
  const none = await client.post('/items/', { headers: json });
  assert.equal(none.status, 422);
  assert.deepEqual(none.json(), { detail: [{ type: 'missing', loc: ['body'], msg: 'Field required', input: null }] });
  const nullBody = await client.post('/items/', { headers: json, body: 'null' });
  assert.equal(nullBody.status, 422);
  assert.deepEqual(nullBody.json(), notAnObject(null));
  const broken = await client.post('/items/', { headers: json, body: '{some broken json}' });
  assert.equal(broken.status, 422);
  const [error] = broken.json<{ detail: { type: string; loc: unknown[]; msg: string; input: unknown }[] }>().detail;
  assert.deepEqual([error!.type, error!.loc, error!.msg, error!.input], ['json_invalid', ['body', 1], 'JSON decode error', {}]);
  const form = await client.post('/items/', { form: { name: 'Foo', price: '50.5' } });
  assert.equal(form.status, 422);
  assert.deepEqual(form.json(), notAnObject('name=Foo&price=50.5'));
});

test('tutorial/body: the body is JSON only when the content type says so (+json suffixes too)', async () => {
  assert.equal((await client.post('/items/', { body: jsonText, headers: { 'content-type': 'application/json' } })).status, 200);
  assert.equal((await client.post('/items/', { body: jsonText, headers: { 'content-type': 'application/geo+json' } })).status, 200);
  const noType = await client.post('/items/', { body: jsonText });
  assert.equal(noType.status, 422);
  assert.deepEqual(noType.json(), notAnObject(jsonText));
  for (const type of ['text/plain', 'application/geo+json-seq', 'application/not-really-json']) {
    const res = await client.post('/items/', { body: jsonText, headers: { 'content-type': type } });
    assert.equal(res.status, 422, type);
    assert.deepEqual(res.json(), notAnObject(jsonText), type);
  }
});

test('tutorial/body: the handler uses the model, adding a computed field', async () => {
  const withTax = new TestClient(withTaxApp);
  assert.deepEqual((await withTax.post('/items/', { json: { name: 'Foo', price: 50.5, tax: 0.5 } })).json(), {
    name: 'Foo',
    description: null,
    price: 50.5,
    tax: 0.5,
    price_with_tax: 51,
  });
  assert.deepEqual((await withTax.post('/items/', { json: { name: 'Foo', price: 50.5 } })).json(), {
    name: 'Foo',
    description: null,
    price: 50.5,
    tax: null,
  });
});

test('tutorial/body: body, path and query parameters together', async () => {
  const res = await client.put('/items/5', { json: { name: 'Foo', price: 50.5 } });
  assert.equal(res.status, 200);
  assert.deepEqual(res.json(), { item_id: 5, name: 'Foo', description: null, price: 50.5, tax: null });
  assert.deepEqual((await client.put('/items/5?q=somequery', { json: { name: 'Foo', price: 50.5 } })).json(), {
    item_id: 5,
    name: 'Foo',
    description: null,
    price: 50.5,
    tax: null,
    q: 'somequery',
  });
  const bad = await client.put('/items/foo', { json: { name: 'Foo' } });
  assert.equal(bad.status, 422);
  assert.deepEqual(
    bad.json<{ detail: { loc: unknown[] }[] }>().detail.map((d) => d.loc),
    [['path', 'item_id'], ['body', 'price']],
  );
});

test('tutorial/body: the OpenAPI document has the model as a component and the body as its $ref', async () => {
  const doc = (await client.get('/openapi.json')).json<OpenApiDocument>();
  assert.deepEqual(doc.paths['/items/']!.post!.requestBody, {
    required: true,
    content: { 'application/json': { schema: { $ref: '#/components/schemas/Item' } } },
  });
  assert.deepEqual(doc.components!.schemas!.Item, {
    type: 'object',
    properties: { name: { type: 'string' }, description: { type: 'string' }, price: { type: 'number' }, tax: { type: 'number' } },
    required: ['name', 'price'],
  });
});
