import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TestClient } from 'zigmund/testing';
import {
  describedApp,
  extraApp,
  generatedIdApp,
  hiddenApp,
  operationIdApp,
  rawBodyApp,
  yamlApp,
} from '../../../samples/parity/advanced/path-operation-advanced-configuration.js';

const topic = 'advanced/path-operation-advanced-configuration';

test(`${topic}: operationId given on the route`, async () => {
  assert.deepEqual((await new TestClient(operationIdApp).get('/items/')).json(), [{ item_id: 'Foo' }]);
  assert.equal(operationIdApp.openapi().paths['/items/']!.get!.operationId, 'some_specific_id_you_define');
});

test(`${topic}: operationId generated from the handler's name`, async () => {
  assert.deepEqual((await new TestClient(generatedIdApp).get('/items/')).json(), [{ item_id: 'Foo' }]);
  assert.equal(generatedIdApp.openapi().paths['/items/']!.get!.operationId, 'read_items');
});

test(`${topic}: a route left out of the schema still answers`, async () => {
  assert.deepEqual((await new TestClient(hiddenApp).get('/items/')).json(), [{ item_id: 'Foo' }]);
  assert.deepEqual(hiddenApp.openapi().paths, {});
});

test(`${topic}: summary and description`, async () => {
  const res = await new TestClient(describedApp).post('/items/', { json: { name: 'Foo', price: 3, tags: ['a', 'a', 'b'] } });
  assert.equal(res.status, 200, res.text);
  assert.deepEqual(res.json(), { name: 'Foo', description: null, price: 3, tax: null, tags: ['a', 'b'] });
  const op = describedApp.openapi().paths['/items/']!.post!;
  assert.equal(op.summary, 'Create an item');
  assert.equal(op.description!.split('\n')[0], 'Create an item with all the information:');
  assert.ok(!op.description!.includes(':param item:'));
});

test(`${topic}: openapiExtra adds an extension to the operation`, async () => {
  assert.deepEqual((await new TestClient(extraApp).get('/items/')).json(), [{ item_id: 'portal-gun' }]);
  const op = extraApp.openapi().paths['/items/']!.get! as unknown as Record<string, unknown>;
  assert.equal(op['x-aperture-labs-portal'], 'blue');
});

test(`${topic}: a raw body read by hand, its schema from openapiExtra`, async () => {
  const res = await new TestClient(rawBodyApp).post('/items/', { body: 'this is actually not validated', headers: { 'content-type': 'application/json' } });
  assert.equal(res.status, 200, res.text);
  assert.deepEqual(res.json(), { size: 30, content: { name: 'Maaaagic', price: 42, description: "Just kiddin', no magic here. ✨" } });
  const op = rawBodyApp.openapi().paths['/items/']!.post!;
  assert.deepEqual(op.requestBody, {
    content: {
      'application/json': {
        schema: { required: ['name', 'price'], type: 'object', properties: { name: { type: 'string' }, price: { type: 'number' }, description: { type: 'string' } } },
      },
    },
    required: true,
  });
});

test(`${topic}: a YAML body`, async () => {
  const client = new TestClient(yamlApp);
  let res = await client.post('/items/', { body: '\nname: Deadpoolio\ntags:\n- x-force\n- x-men\n- x-avengers\n' });
  assert.equal(res.status, 200, res.text);
  assert.deepEqual(res.json(), { name: 'Deadpoolio', tags: ['x-force', 'x-men', 'x-avengers'] });
  res = await client.post('/items/', { body: '\nname: Deadpoolio\ntags:\nx - x-force\nx - x-men\nx - x-avengers\n' });
  assert.equal(res.status, 422, res.text);
  assert.deepEqual(res.json(), { detail: 'Invalid YAML' });
  res = await client.post('/items/', { body: '\nname: Deadpoolio\ntags:\n- x-force\n- x-men\n- x-avengers\n- sneaky: object\n' });
  assert.equal(res.status, 422, res.text);
  assert.deepEqual(res.json(), { detail: [{ type: 'string_type', loc: ['tags', 3], msg: 'Input should be a valid string', input: { sneaky: 'object' } }] });
  const body = yamlApp.openapi().paths['/items/']!.post!.requestBody as unknown as { content: Record<string, unknown> };
  assert.deepEqual(Object.keys(body.content), ['application/x-yaml']);
});
