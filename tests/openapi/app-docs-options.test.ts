import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TestClient, createApp } from 'zigmund';

test('openapiVersion replaces the document\'s openapi field, nothing else', async () => {
  const app = createApp({ openapiVersion: '3.0.2' });
  app.get('/a', () => ({}));
  const doc = (await new TestClient(app).get('/openapi.json')).json<{ openapi: string; paths: object }>();
  assert.equal(doc.openapi, '3.0.2');
  assert.deepEqual(Object.keys(doc.paths), ['/a']);
  assert.equal(createApp().openapi().openapi, '3.1.0');
});

test('swaggerUiOauth2RedirectUrl moves the OAuth2 redirect page, and Swagger UI is told of it', async () => {
  const client = new TestClient(createApp({ swaggerUiOauth2RedirectUrl: '/oauth/callback' }));
  const page = await client.get('/oauth/callback');
  assert.equal(page.status, 200);
  assert.match(page.text, /oauth2-redirect\.js/);
  assert.equal((await client.get('/docs/oauth2-redirect')).status, 404);
  assert.match((await client.get('/docs/swagger-init.js')).text, /oauth2RedirectUrl: window\.location\.origin \+ "\/oauth\/callback"/);
});

test('swaggerUiOauth2RedirectUrl: null serves no redirect page and gives Swagger UI none', async () => {
  const client = new TestClient(createApp({ swaggerUiOauth2RedirectUrl: null }));
  assert.equal((await client.get('/docs/oauth2-redirect')).status, 404);
  assert.doesNotMatch((await client.get('/docs/swagger-init.js')).text, /oauth2RedirectUrl/);
  assert.equal((await client.get('/docs')).status, 200);
});
