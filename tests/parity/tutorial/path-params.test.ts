import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BootstrapError, createApp, type OpenApiDocument } from 'zigmund';
import { TestClient } from 'zigmund/testing';
import { app } from '../../../samples/parity/tutorial/path-params.js';

const client = new TestClient(app);

test('tutorial/path-params: a typed path parameter arrives as a number', async () => {
  const res = await client.get('/items/1');
  assert.equal(res.status, 200);
  assert.deepEqual(res.json(), { item_id: 1 });
});

test('tutorial/path-params: a path parameter that is not an integer answers 422 int_parsing', async () => {
  const res = await client.get('/items/item1');
  assert.equal(res.status, 422);
  assert.deepEqual(res.json(), {
    detail: [
      {
        type: 'int_parsing',
        loc: ['path', 'item_id'],
        msg: 'Input should be a valid integer, unable to parse string as an integer',
        input: 'item1',
      },
    ],
  });
});

test('tutorial/path-params: /users/me is matched before /users/{user_id}', async () => {
  assert.deepEqual((await client.get('/users/me')).json(), { user_id: 'the current user' });
  assert.deepEqual((await client.get('/users/alice')).json(), { user_id: 'alice' });
});

test('tutorial/path-params: a second route on the same method and path is refused at bootstrap', () => {
  // FastAPI silently keeps the first (read_users); Zigmund says so instead of ignoring one.
  const twice = createApp();
  twice.get('/users', () => ['Rick', 'Morty']);
  assert.throws(() => twice.get('/users', () => ['Bean', 'Elfo']), BootstrapError);
});

test('tutorial/path-params: an enum path parameter accepts its values', async () => {
  assert.deepEqual((await client.get('/models/alexnet')).json(), { model_name: 'alexnet', message: 'Deep Learning FTW!' });
  assert.deepEqual((await client.get('/models/lenet')).json(), { model_name: 'lenet', message: 'LeCNN all the images' });
  assert.deepEqual((await client.get('/models/resnet')).json(), { model_name: 'resnet', message: 'Have some residuals' });
});

test('tutorial/path-params: any other value of an enum parameter answers 422 enum', async () => {
  const res = await client.get('/models/foo');
  assert.equal(res.status, 422);
  assert.deepEqual(res.json(), {
    detail: [
      {
        type: 'enum',
        loc: ['path', 'model_name'],
        msg: "Input should be 'alexnet', 'resnet' or 'lenet'",
        input: 'foo',
        ctx: { expected: "'alexnet', 'resnet' or 'lenet'" },
      },
    ],
  });
});

test('tutorial/path-params: a path parameter can hold a path, leading slash included', async () => {
  assert.deepEqual((await client.get('/files/home/johndoe/myfile.txt')).json(), { file_path: 'home/johndoe/myfile.txt' });
  assert.deepEqual((await client.get('/files//home/johndoe/myfile.txt')).json(), { file_path: '/home/johndoe/myfile.txt' });
});

test('tutorial/path-params: the OpenAPI document declares each path parameter with its type', async () => {
  const doc = (await client.get('/openapi.json')).json<OpenApiDocument>();
  const param = (path: string) => doc.paths[path]!.get!.parameters;
  assert.deepEqual(param('/items/{item_id}'), [{ name: 'item_id', in: 'path', required: true, schema: { type: 'integer' } }]);
  assert.deepEqual(param('/users/{user_id}'), [{ name: 'user_id', in: 'path', required: true, schema: { type: 'string' } }]);
  assert.deepEqual(param('/files/{file_path}'), [{ name: 'file_path', in: 'path', required: true, schema: { type: 'string' } }]);
  assert.deepEqual(param('/models/{model_name}'), [
    { name: 'model_name', in: 'path', required: true, schema: { type: 'string', enum: ['alexnet', 'resnet', 'lenet'] } },
  ]);
  assert.equal(doc.paths['/users/me']!.get!.parameters, undefined);
  assert.deepEqual(Object.keys(doc.paths['/items/{item_id}']!.get!.responses), ['200', '422']);
  assert.deepEqual(Object.keys(doc.paths['/users/me']!.get!.responses), ['200']);
});
