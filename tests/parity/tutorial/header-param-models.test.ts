import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TestClient } from 'zigmund/testing';
import { app, strictApp, underscoreApp } from '../../../samples/parity/tutorial/header-param-models.js';

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

test('tutorial/header-param-models: without underscore conversion the headers are read as the fields are named', async () => {
  const client = new TestClient(underscoreApp);
  const res = await client.get('/items/', only({ save_data: 'true', if_modified_since: 'yesterday', traceparent: '123', x_tag: ['one', 'two'] }));
  assert.equal(res.status, 200);
  assert.deepEqual(res.json(), { host: 'testserver', save_data: true, if_modified_since: 'yesterday', traceparent: '123', x_tag: ['one', 'two'] });
  const defaults = await client.get('/items/', only({ save_data: 'true' }));
  assert.equal(defaults.status, 200);
  assert.deepEqual(defaults.json(), { host: 'testserver', save_data: true, if_modified_since: null, traceparent: null, x_tag: [] });
  const extra = await client.get('/items/', only({ save_data: 'true', tool: 'plumbus' }));
  assert.equal(extra.status, 200);
  assert.deepEqual(extra.json(), { host: 'testserver', save_data: true, if_modified_since: null, traceparent: null, x_tag: [] });
});

test('tutorial/header-param-models: without underscore conversion the dashed headers are not read', async () => {
  const client = new TestClient(underscoreApp);
  const missing = { detail: [{ type: 'missing', loc: ['header', 'save_data'], msg: 'Field required', input: null }] };
  const dashed = await client.get('/items/', only(all));
  assert.equal(dashed.status, 422);
  assert.deepEqual(dashed.json(), missing);
  const none = await client.get('/items/', only({}));
  assert.equal(none.status, 422);
  assert.deepEqual(none.json(), missing);
});

test('tutorial/header-param-models: without underscore conversion the OpenAPI document lists the fields’ own names', () => {
  assert.deepEqual(
    underscoreApp.openapi().paths['/items/']!.get!.parameters!.map((p) => [p.name, p.in, p.required]),
    [
      ['host', 'header', true],
      ['save_data', 'header', true],
      ['if_modified_since', 'header', false],
      ['traceparent', 'header', false],
      ['x_tag', 'header', false],
    ],
  );
});
