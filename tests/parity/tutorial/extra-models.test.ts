import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { OpenApiDocument } from 'zigmund';
import { TestClient } from 'zigmund/testing';
import { app, listsApp, savedUsers, unionApp, withBaseApp } from '../../../samples/parity/tutorial/extra-models.js';

const johndoe = { username: 'johndoe', password: 'secret', email: 'johndoe@example.com', full_name: 'John Doe' };

test('tutorial/extra-models: the input, stored and output models each see their own fields', async () => {
  const client = new TestClient(app);
  const res = await client.post('/user/', { json: johndoe });
  assert.equal(res.status, 200);
  assert.deepEqual(res.json(), { username: 'johndoe', email: 'johndoe@example.com', full_name: 'John Doe' });
  assert.deepEqual({ ...savedUsers.at(-1) }, {
    username: 'johndoe',
    email: 'johndoe@example.com',
    full_name: 'John Doe',
    hashed_password: 'supersecretsecret',
  });
  const doc = (await client.get('/openapi.json')).json<OpenApiDocument>();
  const post = doc.paths['/user/']!.post!;
  assert.deepEqual(post.requestBody!.content['application/json']!.schema, { $ref: '#/components/schemas/UserIn' });
  assert.deepEqual(post.responses!['200']!.content!['application/json']!.schema, { $ref: '#/components/schemas/UserOut' });
  assert.deepEqual([...doc.components!.schemas!.UserIn!.required!].sort(), ['email', 'password', 'username']);
  assert.deepEqual(doc.components!.schemas!.UserIn!.properties!.email, { type: 'string', format: 'email' });
  assert.deepEqual(doc.components!.schemas!.UserOut!.properties!.email, { type: 'string', format: 'email' });
  assert.equal(doc.components!.schemas!.UserInDB, undefined);
});

test('tutorial/extra-models: models sharing a base class answer the same', async () => {
  const client = new TestClient(withBaseApp);
  const res = await client.post('/user/', { json: johndoe });
  assert.equal(res.status, 200);
  assert.deepEqual(res.json(), { username: 'johndoe', email: 'johndoe@example.com', full_name: 'John Doe' });
  const doc = (await client.get('/openapi.json')).json<OpenApiDocument>();
  assert.deepEqual([...doc.components!.schemas!.BaseUserIn!.required!].sort(), ['email', 'password', 'username']);
  assert.deepEqual(Object.keys(doc.components!.schemas!.BaseUserOut!.properties!).sort(), ['email', 'full_name', 'username']);
});

test('tutorial/extra-models: either item of the union is answered with its own fields', async () => {
  const client = new TestClient(unionApp);
  const car = await client.get('/items/item1');
  assert.equal(car.status, 200);
  assert.deepEqual(car.json(), { description: 'All my friends drive a low rider', type: 'car' });
  const plane = await client.get('/items/item2');
  assert.equal(plane.status, 200);
  assert.deepEqual(plane.json(), { description: "Music is my aeroplane, it's my aeroplane", type: 'plane', size: 5 });
});

test('tutorial/extra-models: the union is documented as anyOf its models, the most specific first', async () => {
  const doc = (await new TestClient(unionApp).get('/openapi.json')).json<OpenApiDocument>();
  assert.deepEqual(doc.paths['/items/{item_id}']!.get!.responses!['200']!.content!['application/json']!.schema, {
    anyOf: [{ $ref: '#/components/schemas/PlaneItem' }, { $ref: '#/components/schemas/CarItem' }],
  });
  const { PlaneItem, CarItem } = doc.components!.schemas!;
  assert.deepEqual(Object.keys(PlaneItem!.properties!).sort(), ['description', 'size', 'type']);
  assert.deepEqual(Object.keys(CarItem!.properties!).sort(), ['description', 'type']);
  // The output view: `type` is always written (each class initialises it), so it is required.
  assert.deepEqual([...CarItem!.required!].sort(), ['description', 'type']);
  assert.deepEqual([...PlaneItem!.required!].sort(), ['description', 'size', 'type']);
});

test('tutorial/extra-models: a list of models, documented as an array of $refs', async () => {
  const client = new TestClient(listsApp);
  const res = await client.get('/items/');
  assert.equal(res.status, 200);
  assert.deepEqual(res.json(), [
    { name: 'Foo', description: 'There comes my hero' },
    { name: 'Red', description: "It's my aeroplane" },
  ]);
  const doc = (await client.get('/openapi.json')).json<OpenApiDocument>();
  assert.deepEqual(doc.paths['/items/']!.get!.responses, {
    200: { description: 'Successful Response', content: { 'application/json': { schema: { type: 'array', items: { $ref: '#/components/schemas/Item' } } } } },
  });
  assert.deepEqual(doc.components!.schemas!.Item!.required, ['name', 'description']);
});

test('tutorial/extra-models: an arbitrary dict answer, documented with additionalProperties', async () => {
  const client = new TestClient(listsApp);
  const res = await client.get('/keyword-weights/');
  assert.equal(res.status, 200);
  assert.deepEqual(res.json(), { foo: 2.3, bar: 3.4 });
  const doc = (await client.get('/openapi.json')).json<OpenApiDocument>();
  assert.deepEqual(doc.paths['/keyword-weights/']!.get!.responses, {
    200: { description: 'Successful Response', content: { 'application/json': { schema: { type: 'object', additionalProperties: { type: 'number' } } } } },
  });
});
