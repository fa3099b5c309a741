import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createApp, type OpenApiDocument } from 'zigmund';
import { TestClient } from 'zigmund/testing';
import {
  app,
  Item,
  baseUserApp,
  echoUserApp,
  excludeUnsetApp,
  includeExcludeApp,
  portalApp,
  rickroll,
  userOutApp,
} from '../../../samples/parity/tutorial/response-model.js';

const user = { username: 'foo', password: 'fighter', email: 'foo@example.com', full_name: 'Grave Dohl' };
const withoutPassword = { username: 'foo', email: 'foo@example.com', full_name: 'Grave Dohl' };

test('tutorial/response-model: a list answer is filled with the model defaults', async () => {
  const res = await new TestClient(app).get('/items/');
  assert.equal(res.status, 200);
  assert.deepEqual(res.json(), [
    { name: 'Portal Gun', description: null, price: 42.0, tags: [], tax: null },
    { name: 'Plumbus', description: null, price: 32.0, tags: [], tax: null },
  ]);
});

test('tutorial/response-model: the created item comes back as sent, or with its defaults', async () => {
  const client = new TestClient(app);
  const full = { name: 'Test Item', description: 'A test item', price: 10.5, tax: 1.5, tags: ['test', 'item'] };
  const res = await client.post('/items/', { json: full });
  assert.equal(res.status, 200);
  assert.deepEqual(res.json(), full);
  const onlyRequired = await client.post('/items/', { json: { name: 'Test Item', price: 10.5 } });
  assert.equal(onlyRequired.status, 200);
  assert.deepEqual(onlyRequired.json(), { name: 'Test Item', price: 10.5, description: null, tax: null, tags: [] });
});

test('tutorial/response-model: the model documents the answer, a list of $refs for a list', async () => {
  const doc = (await new TestClient(app).get('/openapi.json')).json<OpenApiDocument>();
  const listSchema = doc.paths['/items/']!.get!.responses!['200']!.content!['application/json']!.schema;
  const createSchema = doc.paths['/items/']!.post!.responses!['200']!.content!['application/json']!.schema;
  // Initialised fields are always written, so the output view requires them (Item-Output).
  assert.deepEqual(listSchema, { type: 'array', items: { $ref: '#/components/schemas/Item-Output' } });
  assert.deepEqual(createSchema, { $ref: '#/components/schemas/Item-Output' });
  assert.deepEqual(doc.paths['/items/']!.post!.requestBody!.content['application/json']!.schema, { $ref: '#/components/schemas/Item-Input' });
  assert.deepEqual(doc.components!.schemas!['Item-Input']!.required, ['name', 'price']);
  assert.deepEqual(doc.components!.schemas!['Item-Output']!.required, ['name', 'price', 'description', 'tax', 'tags']);
});

test('tutorial/response-model: the same input model as output returns the password', async () => {
  const client = new TestClient(echoUserApp);
  const res = await client.post('/user/', { json: user });
  assert.equal(res.status, 200);
  assert.deepEqual(res.json(), user);
  const doc = (await client.get('/openapi.json')).json<OpenApiDocument>();
  assert.deepEqual(doc.paths['/user/']!.post!.responses!['200']!.content!['application/json']!.schema, { $ref: '#/components/schemas/UserIn-Output' });
  assert.deepEqual(doc.components!.schemas!['UserIn-Input']!.properties!.email, { type: 'string', format: 'email' });
});

test('tutorial/response-model: an output model filters the password out', async () => {
  const client = new TestClient(userOutApp);
  const res = await client.post('/user/', { json: user });
  assert.equal(res.status, 200);
  assert.deepEqual(res.json(), withoutPassword);
  const doc = (await client.get('/openapi.json')).json<OpenApiDocument>();
  assert.deepEqual(doc.paths['/user/']!.post!.responses!['200']!.content!['application/json']!.schema, { $ref: '#/components/schemas/UserOut' });
  assert.deepEqual(doc.paths['/user/']!.post!.requestBody!.content['application/json']!.schema, { $ref: '#/components/schemas/UserIn' });
  assert.deepEqual(Object.keys(doc.components!.schemas!.UserOut!.properties!).sort(), ['email', 'full_name', 'username']);
  assert.deepEqual(doc.components!.schemas!.UserIn!.required, ['username', 'password', 'email']);
});

test('tutorial/response-model: a base class as the model filters a subclass instance to its fields', async () => {
  const client = new TestClient(baseUserApp);
  const res = await client.post('/user/', { json: user });
  assert.equal(res.status, 200);
  assert.deepEqual(res.json(), withoutPassword);
  const doc = (await client.get('/openapi.json')).json<OpenApiDocument>();
  assert.deepEqual(doc.paths['/user/']!.post!.responses!['200']!.content!['application/json']!.schema, { $ref: '#/components/schemas/BaseUser' });
  assert.deepEqual(doc.paths['/user/']!.post!.requestBody!.content['application/json']!.schema, { $ref: '#/components/schemas/UserWithPassword' });
  // An output-only model: the initialised full_name is always written, so it is required.
  assert.deepEqual(doc.components!.schemas!.BaseUser!.required, ['username', 'email', 'full_name']);
  assert.deepEqual(Object.keys(doc.components!.schemas!.UserWithPassword!.properties!).sort(), ['email', 'full_name', 'password', 'username']);
});

test('tutorial/response-model: a returned Response is the answer, a redirect or JSON', async () => {
  const client = new TestClient(portalApp);
  const portal = await client.get('/portal');
  assert.equal(portal.status, 200);
  assert.deepEqual(portal.json(), { message: "Here's your interdimensional portal." });
  const teleported = await client.get('/portal?teleport=true');
  assert.equal(teleported.status, 307);
  assert.equal(teleported.headers.location, rickroll);
  const teleport = await client.get('/teleport');
  assert.equal(teleport.status, 307);
  assert.equal(teleport.headers.location, rickroll);
  const doc = (await client.get('/openapi.json')).json<OpenApiDocument>();
  const portalOp = doc.paths['/portal']!.get!;
  assert.deepEqual(portalOp.responses!['200'], { description: 'Successful Response', content: { 'application/json': { schema: {} } } });
  assert.deepEqual(portalOp.parameters, [{ name: 'teleport', in: 'query', required: false, schema: { type: 'boolean', default: false } }]);
  assert.deepEqual(doc.paths['/teleport']!.get!.responses, { 200: { description: 'Successful Response', content: { 'application/json': { schema: {} } } } });
});

test('tutorial/response-model: responseModelExcludeUnset writes only the values the data sets', async () => {
  const client = new TestClient(excludeUnsetApp);
  const expected: [string, object][] = [
    ['/items/foo', { name: 'Foo', price: 50.2 }],
    ['/items/bar', { name: 'Bar', description: 'The bartenders', price: 62, tax: 20.2 }],
    ['/items/baz', { name: 'Baz', description: null, price: 50.2, tax: 10.5, tags: [] }],
  ];
  for (const [url, data] of expected) {
    const res = await client.get(url);
    assert.equal(res.status, 200, url);
    assert.deepEqual(res.json(), data, url);
  }
});

test('tutorial/response-model: responseModelInclude and responseModelExclude pick the fields, the schema stays whole', async () => {
  const client = new TestClient(includeExcludeApp);
  const name = await client.get('/items/bar/name');
  assert.equal(name.status, 200);
  assert.deepEqual(name.json(), { name: 'Bar', description: 'The Bar fighters' });
  const pub = await client.get('/items/bar/public');
  assert.equal(pub.status, 200);
  assert.deepEqual(pub.json(), { name: 'Bar', description: 'The Bar fighters', price: 62 });
  const doc = (await client.get('/openapi.json')).json<OpenApiDocument>();
  for (const path of ['/items/{item_id}/name', '/items/{item_id}/public']) {
    assert.deepEqual(doc.paths[path]!.get!.responses!['200']!.content!['application/json']!.schema, { $ref: '#/components/schemas/PublicItem' });
    assert.deepEqual(doc.paths[path]!.get!.parameters, [{ name: 'item_id', in: 'path', required: true, schema: { type: 'string' } }]);
  }
  assert.deepEqual(Object.keys(doc.components!.schemas!.PublicItem!.properties!), ['name', 'description', 'price', 'tax']);
});

test('tutorial/response-model: returned data the model rejects is a server error, never sent', async () => {
  const broken = createApp();
  broken.get('/items/', () => [{ name: 'Portal Gun', price: 'forty-two' }], { responseModel: [Item] });
  const res = await new TestClient(broken).get('/items/');
  assert.equal(res.status, 500);
  assert.deepEqual(res.json(), { detail: 'Internal Server Error' });
});
