import { test } from 'node:test';
import assert from 'node:assert/strict';
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
