import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TestClient } from 'zigmund/testing';
import { app, strictApp } from '../../../samples/parity/tutorial/header-param-models.js';

// FastAPI's tests clear the client's default headers; `user-agent: undefined` does the same here.
const only = (headers: Record<string, string | string[]>) => ({ headers: { host: 'testserver', 'user-agent': undefined, ...headers } });
const all = { 'save-data': 'true', 'if-modified-since': 'yesterday', traceparent: '123', 'x-tag': ['one', 'two'] };

for (const [name, sample] of [['app', app], ['strictApp', strictApp]] as const) {
  const client = new TestClient(sample);

  test(`tutorial/header-param-models: ${name} reads every declared header, a repeated one as a list`, async () => {
    const res = await client.get('/items/', only(all));
    assert.equal(res.status, 200);
    assert.deepEqual(res.json(), { host: 'testserver', save_data: true, if_modified_since: 'yesterday', traceparent: '123', x_tag: ['one', 'two'] });
  });

  test(`tutorial/header-param-models: ${name} fills the defaults of absent headers`, async () => {
    const res = await client.get('/items/', only({ 'save-data': 'true' }));
    assert.equal(res.status, 200);
    assert.deepEqual(res.json(), { host: 'testserver', save_data: true, if_modified_since: null, traceparent: null, x_tag: [] });
  });

  test(`tutorial/header-param-models: ${name} answers 422 missing for a required header`, async () => {
    const res = await client.get('/items/', only({}));
    assert.equal(res.status, 422);
    assert.deepEqual(res.json(), { detail: [{ type: 'missing', loc: ['header', 'save_data'], msg: 'Field required', input: null }] });
  });
}

test('tutorial/header-param-models: extra headers are ignored by default', async () => {
  const res = await new TestClient(app).get('/items/', only({ 'save-data': 'true', tool: 'plumbus' }));
  assert.equal(res.status, 200);
  assert.deepEqual(res.json(), { host: 'testserver', save_data: true, if_modified_since: null, traceparent: null, x_tag: [] });
});

test('tutorial/header-param-models: with extra headers forbidden, one answers 422 extra_forbidden', async () => {
  const res = await new TestClient(strictApp).get('/items/', only({ 'save-data': 'true', tool: 'plumbus' }));
  assert.equal(res.status, 422);
  assert.deepEqual(res.json(), {
    detail: [{ type: 'extra_forbidden', loc: ['header', 'tool'], msg: 'Extra inputs are not permitted', input: 'plumbus' }],
  });
});

test('tutorial/header-param-models: the OpenAPI document lists each field as a dashed header', () => {
  assert.deepEqual(app.openapi().paths['/items/']!.get!.parameters, [
    { name: 'host', in: 'header', required: true, schema: { type: 'string' } },
    { name: 'save-data', in: 'header', required: true, schema: { type: 'boolean' } },
    { name: 'if-modified-since', in: 'header', required: false, schema: { type: 'string', default: null } },
    { name: 'traceparent', in: 'header', required: false, schema: { type: 'string', default: null } },
    { name: 'x-tag', in: 'header', required: false, schema: { items: { type: 'string' }, type: 'array', default: [] } },
  ]);
});
