import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TestClient } from 'zigmund/testing';
import { app } from '../../../samples/parity/tutorial/header-params.js';

const client = new TestClient(app);

test('tutorial/header-params: the User-Agent header, case-insensitive, other headers ignored', async () => {
  // light-my-request sends its own user agent, as Starlette's TestClient sends "testclient".
  const own = (await client.get('/items')).json<{ 'User-Agent': string }>()['User-Agent'];
  assert.match(own, /lightMyRequest/);
  assert.deepEqual((await client.get('/items', { headers: { 'X-Header': 'notvalid' } })).json(), { 'User-Agent': own });
  assert.deepEqual((await client.get('/items', { headers: { 'User-Agent': 'FastAPI test' } })).json(), { 'User-Agent': 'FastAPI test' });
});

test('tutorial/header-params: a header named with an underscore is read as named, the dashed one is not', async () => {
  assert.deepEqual((await client.get('/strange')).json(), { strange_header: null });
  assert.deepEqual((await client.get('/strange', { headers: { 'X-Header': 'notvalid' } })).json(), { strange_header: null });
  assert.deepEqual((await client.get('/strange', { headers: { strange_header: 'FastAPI test' } })).json(), { strange_header: 'FastAPI test' });
  assert.deepEqual((await client.get('/strange', { headers: { 'strange-header': 'Not really underscore' } })).json(), { strange_header: null });
});

test('tutorial/header-params: a repeated header is a list', async () => {
  assert.deepEqual((await client.get('/tokens')).json(), { 'X-Token values': null });
  assert.deepEqual((await client.get('/tokens', { headers: { 'x-token': 'foo' } })).json(), { 'X-Token values': ['foo'] });
  const res = await client.get('/tokens', { headers: { 'x-token': ['foo', 'bar'] } });
  assert.deepEqual(res.json(), { 'X-Token values': ['foo', 'bar'] });
});

test('tutorial/header-params: the OpenAPI document lists each header parameter by its lowercase name', () => {
  const params = (path: string) => app.openapi().paths[path]!.get!.parameters;
  assert.deepEqual(params('/items'), [{ name: 'user-agent', in: 'header', required: false, schema: { type: 'string' } }]);
  assert.deepEqual(params('/strange'), [{ name: 'strange_header', in: 'header', required: false, schema: { type: 'string' } }]);
  assert.deepEqual(params('/tokens'), [{ name: 'x-token', in: 'header', required: false, schema: { type: 'array', items: { type: 'string' } } }]);
});
