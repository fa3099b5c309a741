import { test } from 'node:test';
import assert from 'node:assert/strict';
import { swaggerUiDefaultParameters } from 'zigmund';
import { TestClient } from 'zigmund/testing';
import { app } from '../../../../samples/parity/reference/openapi/docs.js';

const client = new TestClient(app);

test('reference/openapi/docs: Swagger UI with the default parameters, overridden, and its OAuth2 settings', async () => {
  const page = await client.get('/docs');
  assert.equal(page.status, 200);
  assert.match(page.text, /<title>Docs - Swagger UI<\/title>/);
  const init = (await client.get('/docs/swagger-init.js')).text;
  const parameters = JSON.parse(/\.\.\.(\{.*\}),/.exec(init)![1]!) as Record<string, unknown>;
  assert.deepEqual(parameters, {
    url: '/openapi.json',
    dom_id: '#swagger-ui',
    layout: 'BaseLayout',
    deepLinking: true,
    showExtensions: true,
    showCommonExtensions: true,
    docExpansion: 'none',
  });
  assert.match(init, /"clientId":"docs-client"/);
});

test('reference/openapi/docs: the OAuth2 redirect page and ReDoc', async () => {
  assert.equal((await client.get('/docs/oauth2-redirect')).status, 200);
  const redoc = await client.get('/redoc');
  assert.equal(redoc.status, 200);
  assert.match(redoc.text, /<title>Docs - ReDoc<\/title>/);
  assert.match(redoc.text, /redoc\.standalone\.js/);
});

test('reference/openapi/docs: swaggerUiDefaultParameters are FastAPI\'s swagger_ui_default_parameters', () => {
  assert.deepEqual(swaggerUiDefaultParameters, {
    dom_id: '#swagger-ui',
    layout: 'BaseLayout',
    deepLinking: true,
    showExtensions: true,
    showCommonExtensions: true,
  });
});

test('reference/openapi/docs: getSwaggerUiHtml() with other asset URLs, parameters and OAuth2 settings', async () => {
  const page = await client.get('/custom/docs');
  assert.equal(page.status, 200);
  assert.equal(page.headers['content-type'], 'text/html; charset=utf-8');
  assert.match(page.text, /<title>Docs - Swagger UI<\/title>/);
  assert.ok(page.text.includes('https://cdn.jsdelivr.net/npm/swagger-ui-dist@5/swagger-ui-bundle.js'));
  assert.ok(page.text.includes('https://cdn.jsdelivr.net/npm/swagger-ui-dist@5/swagger-ui.css'));
  const parameters = JSON.parse(/\.\.\.(\{.*\}),/.exec(page.text)![1]!) as Record<string, unknown>;
  assert.deepEqual(parameters, { url: '/openapi.json', ...swaggerUiDefaultParameters, docExpansion: 'none' });
  assert.ok(page.text.includes('oauth2RedirectUrl: window.location.origin + "/custom/oauth2-redirect"'));
  assert.ok(page.text.includes('ui.initOAuth({"clientId":"docs-client"})'));
});

test('reference/openapi/docs: getSwaggerUiOauth2RedirectHtml() and getRedocHtml()', async () => {
  const redirect = await client.get('/custom/oauth2-redirect');
  assert.equal(redirect.status, 200);
  assert.ok(redirect.text.includes('window.opener.swaggerUIRedirectOauth2'));
  const redoc = await client.get('/custom/redoc');
  assert.equal(redoc.status, 200);
  assert.match(redoc.text, /<title>Docs - ReDoc<\/title>/);
  assert.ok(redoc.text.includes('<redoc spec-url="/openapi.json"></redoc>'));
  assert.ok(redoc.text.includes('https://cdn.jsdelivr.net/npm/redoc@2/bundles/redoc.standalone.js'));
  assert.deepEqual(Object.keys(app.openapi().paths), ['/ping']);
});
