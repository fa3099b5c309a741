import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { App, OpenApiDocument } from 'zigmund';
import { TestClient } from 'zigmund/testing';
import {
  app,
  bar,
  baz,
  bodyExampleApp,
  bodyExamplesApp,
  fieldExamplesApp,
  foo,
  openapiExamples,
  openapiExamplesApp,
} from '../../../samples/parity/tutorial/schema-extra-example.js';

const apps: [string, App][] = [
  ['model examples', app],
  ['field examples', fieldExamplesApp],
  ['one body example', bodyExampleApp],
  ['several body examples', bodyExamplesApp],
  ['openapi examples', openapiExamplesApp],
];

const requestBodyOf = async (target: App) => (await new TestClient(target).get('/openapi.json')).json<OpenApiDocument>().paths['/items/{item_id}']!.put!.requestBody!;

test('tutorial/schema-extra-example: every variant accepts the example item', async () => {
  for (const [name, target] of apps) {
    const res = await new TestClient(target).put('/items/5', { json: foo });
    assert.equal(res.status, 200, name);
    assert.deepEqual(res.json(), { item_id: 5, item: foo }, name);
  }
});

test('tutorial/schema-extra-example: the converted example is accepted, the invalid one rejected', async () => {
  const client = new TestClient(openapiExamplesApp);
  const converted = await client.put('/items/5', { json: bar });
  assert.equal(converted.status, 200);
  assert.deepEqual(converted.json(), { item_id: 5, item: { name: 'Bar', description: null, price: 35.4, tax: null } });
  const invalid = await client.put('/items/5', { json: baz });
  assert.equal(invalid.status, 422);
  const [error] = invalid.json<{ detail: { loc: unknown[] }[] }>().detail;
  assert.deepEqual(error!.loc, ['body', 'price']);
});

test('tutorial/schema-extra-example: the model’s examples are in its JSON Schema', async () => {
  const doc = (await new TestClient(app).get('/openapi.json')).json<OpenApiDocument>();
  assert.deepEqual(doc.components!.schemas!.Item!.examples, [foo]);
  assert.deepEqual(doc.components!.schemas!.Item!.required, ['name', 'price']);
});

test('tutorial/schema-extra-example: each field’s examples are in its property', async () => {
  const doc = (await new TestClient(fieldExamplesApp).get('/openapi.json')).json<OpenApiDocument>();
  const properties = doc.components!.schemas!.FieldExamplesItem!.properties!;
  assert.deepEqual(properties.name, { type: 'string', examples: ['Foo'] });
  assert.deepEqual(properties.description, { type: 'string', examples: ['A very nice Item'] });
  assert.deepEqual(properties.price, { type: 'number', examples: [35.4] });
  assert.deepEqual(properties.tax, { type: 'number', examples: [3.2] });
});

test('tutorial/schema-extra-example: body examples sit beside the body schema’s $ref', async () => {
  assert.deepEqual(await requestBodyOf(bodyExampleApp), {
    required: true,
    content: { 'application/json': { schema: { $ref: '#/components/schemas/PlainItem', examples: [foo] } } },
  });
  assert.deepEqual(await requestBodyOf(bodyExamplesApp), {
    required: true,
    content: { 'application/json': { schema: { $ref: '#/components/schemas/PlainItem', examples: [foo, bar, baz] } } },
  });
});

test('tutorial/schema-extra-example: OpenAPI-specific examples are on the media type, by name', async () => {
  assert.deepEqual(await requestBodyOf(openapiExamplesApp), {
    required: true,
    content: { 'application/json': { schema: { $ref: '#/components/schemas/PlainItem' }, examples: openapiExamples } },
  });
});
