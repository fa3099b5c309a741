import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TestClient } from 'zigmund/testing';
import { app, cdnApp } from '../../../samples/parity/how-to/custom-docs-ui-assets.js';

// FastAPI's tests/test_tutorial/test_custom_docs_ui/test_tutorial001.py: another CDN.
const cdn = new TestClient(cdnApp);

test('how-to/custom-docs-ui-assets: Swagger UI from a custom CDN', async () => {
  const res = await cdn.get('/docs');
  assert.equal(res.status, 200, res.text);
  assert.ok(res.text.includes('https://unpkg.com/swagger-ui-dist@5/swagger-ui-bundle.js'));
  assert.ok(res.text.includes('https://unpkg.com/swagger-ui-dist@5/swagger-ui.css'));
});

test('how-to/custom-docs-ui-assets: the OAuth2 redirect page of the custom docs', async () => {
  for (const client of [cdn, new TestClient(app)]) {
    const res = await client.get('/docs/oauth2-redirect');
    assert.equal(res.status, 200, res.text);
    assert.ok(res.text.includes('window.opener.swaggerUIRedirectOauth2'));
  }
});

test('how-to/custom-docs-ui-assets: ReDoc from a custom CDN', async () => {
  const res = await cdn.get('/redoc');
  assert.equal(res.status, 200, res.text);
  assert.ok(res.text.includes('https://unpkg.com/redoc@2/bundles/redoc.standalone.js'));
});

test('how-to/custom-docs-ui-assets: the API', async () => {
  for (const client of [cdn, new TestClient(app)]) {
    const res = await client.get('/users/john');
    assert.equal(res.status, 200, res.text);
    assert.equal((res.json() as { message: string }).message, 'Hello john');
  }
});

// FastAPI's tests/test_tutorial/test_custom_docs_ui/test_tutorial002.py: the app serves the files.
const local = new TestClient(app);

test('how-to/custom-docs-ui-assets: self-hosted Swagger UI, its files served from /static', async () => {
  const res = await local.get('/docs');
  assert.equal(res.status, 200, res.text);
  assert.ok(res.text.includes('/static/swagger-ui/swagger-ui-bundle.js'));
  assert.ok(res.text.includes('/static/swagger-ui/swagger-ui.css'));
  assert.ok(!/unpkg|jsdelivr|cdn\./.test(res.text));
  const js = await local.get('/static/swagger-ui/swagger-ui-bundle.js');
  assert.equal(js.status, 200);
  assert.match(js.headers['content-type'] as string, /javascript/);
  assert.ok(js.text.includes('SwaggerUIBundle'));
  const css = await local.get('/static/swagger-ui/swagger-ui.css');
  assert.equal(css.status, 200);
  assert.match(css.headers['content-type'] as string, /^text\/css/);
});

test('how-to/custom-docs-ui-assets: self-hosted ReDoc, its bundle served from /static', async () => {
  const res = await local.get('/redoc');
  assert.equal(res.status, 200, res.text);
  assert.ok(res.text.includes('/static/redoc/redoc.standalone.js'));
  const js = await local.get('/static/redoc/redoc.standalone.js');
  assert.equal(js.status, 200);
  assert.ok(js.text.startsWith('/*! For license information please see redoc.standalone.js.LICENSE.txt */'));
});

test('how-to/custom-docs-ui-assets: the automatic pages are off and the custom ones stay out of the document', async () => {
  assert.deepEqual(Object.keys(app.openapi().paths), ['/users/{username}']);
  assert.deepEqual(Object.keys(cdnApp.openapi().paths), ['/users/{username}']);
  assert.equal((await local.get('/openapi.json')).status, 200);
});
