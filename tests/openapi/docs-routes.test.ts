import 'reflect-metadata';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Connection, TestClient, createApp, type AppOptions } from 'zigmund';

const require = createRequire(import.meta.url);
const SWAGGER_DIR = dirname(require.resolve('swagger-ui-dist/package.json'));
const SWAGGER_VERSION = (require('swagger-ui-dist/package.json') as { version: string }).version;
const REDOC_DIR = dirname(require.resolve('redoc/package.json'));
const REDOC_VERSION = (require('redoc/package.json') as { version: string }).version;
const SWAGGER_ASSETS = `/docs/assets/swagger-ui@${SWAGGER_VERSION}`;
const REDOC_ASSETS = `/redoc/assets/redoc@${REDOC_VERSION}`;
const IMMUTABLE = 'public, max-age=31536000, immutable';

function client(options: AppOptions = {}): TestClient {
  const app = createApp({ title: 'Shop API', version: '1.2.3', logStartup: false, ...options });
  app.get('/products', () => [{ id: 1 }], { summary: 'List products' });
  app.websocket('/live', async (conn: Connection) => conn.close(), { summary: 'Live prices' });
  return new TestClient(app);
}

test('GET /openapi.json answers the OpenAPI document as JSON, revalidated on each use', async () => {
  const res = await client().get('/openapi.json');
  assert.equal(res.status, 200);
  assert.equal(res.headers['content-type'], 'application/json');
  assert.equal(res.headers['cache-control'], 'no-cache');
  const doc = res.json<{ openapi: string; info: { title: string }; paths: Record<string, unknown> }>();
  assert.equal(doc.openapi, '3.1.0');
  assert.equal(doc.info.title, 'Shop API');
  assert.deepEqual(Object.keys(doc.paths), ['/products', '/live']);
});

test('GET /asyncapi.json answers the AsyncAPI document of the WebSocket routes', async () => {
  const res = await client().get('/asyncapi.json');
  assert.equal(res.status, 200);
  assert.equal(res.headers['content-type'], 'application/json');
  const doc = res.json<{ asyncapi: string; channels: Record<string, { address: string }> }>();
  assert.equal(doc.asyncapi, '3.0.0');
  assert.equal(doc.channels.websocket_live.address, '/live');
});

test('edits to app.openapi() show in /openapi.json', async () => {
  const http = client();
  http.app.openapi().info['x-logo'] = 'logo.png';
  const res = await http.get('/openapi.json');
  assert.equal(res.json<{ info: Record<string, string> }>().info['x-logo'], 'logo.png');
});

test('GET /docs answers the Swagger UI page with the app title and local assets', async () => {
  const res = await client().get('/docs');
  assert.equal(res.status, 200);
  assert.equal(res.headers['content-type'], 'text/html; charset=utf-8');
  assert.equal(res.headers['cache-control'], 'no-cache');
  assert.match(res.text, /<title>Shop API - Swagger UI<\/title>/);
  assert.ok(res.text.includes(`href="${SWAGGER_ASSETS}/swagger-ui.css"`));
  assert.ok(res.text.includes(`src="${SWAGGER_ASSETS}/swagger-ui-bundle.js"`));
  assert.ok(res.text.includes('<script src="/docs/swagger-init.js"></script>'));
  assert.doesNotMatch(res.text, /<script>/, 'no inline script, so a CSP of script-src \'self\' lets the page run');
  assert.doesNotMatch(res.text, /https?:\/\//, 'no asset comes from another host');
});

test('GET /docs/swagger-init.js starts Swagger UI on the app document, revalidated on each use', async () => {
  const res = await client().get('/docs/swagger-init.js');
  assert.equal(res.status, 200);
  assert.equal(res.headers['content-type'], 'text/javascript; charset=utf-8');
  assert.equal(res.headers['cache-control'], 'no-cache');
  assert.equal(res.headers['x-content-type-options'], 'nosniff');
  assert.ok(res.text.includes('"url":"/openapi.json"'));
  assert.ok(res.text.includes('window.location.origin + "/docs/oauth2-redirect"'));
  assert.ok(res.text.startsWith('const ui = SwaggerUIBundle({'));
});

test('swaggerUiParameters override the defaults and swaggerUiInitOAuth is passed to initOAuth', async () => {
  const res = await client({
    swaggerUiParameters: { docExpansion: 'none', deepLinking: false },
    swaggerUiInitOAuth: { clientId: 'docs-client' },
  }).get('/docs/swagger-init.js');
  assert.ok(res.text.includes('"deepLinking":false'));
  assert.ok(res.text.includes('"docExpansion":"none"'));
  assert.ok(res.text.includes('ui.initOAuth({"clientId":"docs-client"});'));
});

test('the title and parameters are escaped in the pages', async () => {
  const http = client({ title: '</title><script>alert(1)</script>', swaggerUiParameters: { filter: '</script><script>alert(2)' } });
  const docs = await http.get('/docs');
  assert.ok(docs.text.includes('<title>&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt; - Swagger UI</title>'));
  const init = await http.get('/docs/swagger-init.js');
  assert.ok(init.text.includes('"filter":"\\u003c/script>\\u003cscript>alert(2)"'));
  const redoc = await http.get('/redoc');
  assert.ok(redoc.text.includes('<title>&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt; - ReDoc</title>'));
});

test('Swagger UI assets are the installed package files with their content types, cached for good', async () => {
  const http = client();
  const files = {
    'swagger-ui.css': 'text/css; charset=utf-8',
    'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
    'oauth2-redirect.js': 'text/javascript; charset=utf-8',
    'favicon-32x32.png': 'image/png',
  };
  for (const [file, type] of Object.entries(files)) {
    const res = await http.get(`${SWAGGER_ASSETS}/${file}`);
    assert.equal(res.status, 200, file);
    assert.equal(res.headers['content-type'], type, file);
    assert.equal(res.headers['cache-control'], IMMUTABLE, file);
    assert.equal(res.headers['x-content-type-options'], 'nosniff', file);
    assert.deepEqual(res.body, await readFile(join(SWAGGER_DIR, file)), file);
  }
});

test('GET /docs/oauth2-redirect answers the page that hands the OAuth2 result back to Swagger UI', async () => {
  const res = await client().get('/docs/oauth2-redirect');
  assert.equal(res.status, 200);
  assert.equal(res.headers['content-type'], 'text/html; charset=utf-8');
  assert.ok(res.text.includes(`<script src="${SWAGGER_ASSETS}/oauth2-redirect.js"></script>`));
});

test('GET /redoc answers the ReDoc page, kept on this origin by its content security policy', async () => {
  const http = client();
  const res = await http.get('/redoc');
  assert.equal(res.status, 200);
  assert.equal(res.headers['content-type'], 'text/html; charset=utf-8');
  assert.equal(res.headers['cache-control'], 'no-cache');
  assert.match(res.text, /<title>Shop API - ReDoc<\/title>/);
  assert.ok(res.text.includes('<redoc spec-url="/openapi.json"></redoc>'));
  assert.ok(res.text.includes(`<script src="${REDOC_ASSETS}/redoc.standalone.js"></script>`));
  const policy = String(res.headers['content-security-policy']);
  assert.match(policy, /default-src 'self'/);
  assert.match(policy, /img-src 'self' data:/);

  const bundle = await http.get(`${REDOC_ASSETS}/redoc.standalone.js`);
  assert.equal(bundle.status, 200);
  assert.equal(bundle.headers['content-type'], 'text/javascript; charset=utf-8');
  assert.equal(bundle.headers['cache-control'], IMMUTABLE);
  assert.deepEqual(bundle.body, await readFile(join(REDOC_DIR, 'bundles', 'redoc.standalone.js')));
});

test('a file of the packages that the pages do not use is not served', async () => {
  const http = client();
  assert.equal((await http.get(`${SWAGGER_ASSETS}/package.json`)).status, 404);
  assert.equal((await http.get(`${SWAGGER_ASSETS}/..%2Fpackage.json`)).status, 404);
  assert.equal((await http.get(`${REDOC_ASSETS}/redoc.lib.js`)).status, 404);
});

test('HEAD on an asset answers its headers without a body', async () => {
  const res = await client().head(`${SWAGGER_ASSETS}/swagger-ui.css`);
  assert.equal(res.status, 200);
  assert.equal(res.headers['content-type'], 'text/css; charset=utf-8');
  assert.equal(res.text, '');
});

test('docsUrl, redocUrl, openapiUrl and asyncapiUrl move the routes, and the pages follow', async () => {
  const http = client({ openapiUrl: '/api/schema.json', asyncapiUrl: '/api/events.json', docsUrl: '/api/docs/', redocUrl: '/api/reference' });
  for (const path of ['/openapi.json', '/asyncapi.json', '/docs', '/redoc']) assert.equal((await http.get(path)).status, 404, path);
  assert.equal((await http.get('/api/schema.json')).status, 200);
  assert.equal((await http.get('/api/events.json')).status, 200);
  const moved = await http.get('/api/docs');
  assert.equal(moved.status, 307);
  assert.equal(moved.headers.location, '/api/docs/');
  const docs = await http.get('/api/docs/');
  assert.ok((await http.get('/api/docs/swagger-init.js')).text.includes('"url":"/api/schema.json"'));
  assert.ok(docs.text.includes(`/api/docs/assets/swagger-ui@${SWAGGER_VERSION}/swagger-ui-bundle.js`));
  assert.equal((await http.get(`/api/docs/assets/swagger-ui@${SWAGGER_VERSION}/swagger-ui-bundle.js`)).status, 200);
  assert.equal((await http.get('/api/docs/oauth2-redirect')).status, 200);
  const redoc = await http.get('/api/reference');
  assert.ok(redoc.text.includes('<redoc spec-url="/api/schema.json"></redoc>'));
  assert.equal((await http.get(`/api/reference/assets/redoc@${REDOC_VERSION}/redoc.standalone.js`)).status, 200);
});

test('null turns each documentation route off', async () => {
  const noDocs = client({ docsUrl: null });
  assert.equal((await noDocs.get('/docs')).status, 404);
  assert.equal((await noDocs.get('/docs/oauth2-redirect')).status, 404);
  assert.equal((await noDocs.get(`${SWAGGER_ASSETS}/swagger-ui-bundle.js`)).status, 404);
  assert.equal((await noDocs.get('/redoc')).status, 200);

  const noRedoc = client({ redocUrl: null });
  assert.equal((await noRedoc.get('/redoc')).status, 404);
  assert.equal((await noRedoc.get(`${REDOC_ASSETS}/redoc.standalone.js`)).status, 404);
  assert.equal((await noRedoc.get('/docs')).status, 200);

  const noAsyncapi = client({ asyncapiUrl: null });
  assert.equal((await noAsyncapi.get('/asyncapi.json')).status, 404);
  assert.equal((await noAsyncapi.get('/openapi.json')).status, 200);
});

test('openapiUrl: null turns off the document and both pages that read it, not /asyncapi.json', async () => {
  const http = client({ openapiUrl: null });
  for (const path of ['/openapi.json', '/docs', '/redoc']) assert.equal((await http.get(path)).status, 404, path);
  assert.equal((await http.get('/asyncapi.json')).status, 200);
  assert.deepEqual(Object.keys(http.app.openapi().paths), ['/products', '/live'], 'app.openapi() still works');
});
