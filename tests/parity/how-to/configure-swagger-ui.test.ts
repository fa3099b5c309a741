import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TestClient } from 'zigmund/testing';
import type { App } from 'zigmund';
import { noDeepLinkingApp, noHighlightApp, themeApp } from '../../../samples/parity/how-to/configure-swagger-ui.js';

/** The parameters Swagger UI starts with: the object in /docs/swagger-init.js. */
async function parameters(app: App): Promise<Record<string, unknown>> {
  const client = new TestClient(app);
  assert.equal((await client.get('/docs')).status, 200);
  const init = (await client.get('/docs/swagger-init.js')).text;
  assert.ok(init.includes('presets: [SwaggerUIBundle.presets.apis, SwaggerUIBundle.SwaggerUIStandalonePreset]'));
  return JSON.parse(/\.\.\.(\{.*\}),/.exec(init)![1]!) as Record<string, unknown>;
}

const defaults = { dom_id: '#swagger-ui', layout: 'BaseLayout', deepLinking: true, showExtensions: true, showCommonExtensions: true };

test('how-to/configure-swagger-ui: syntax highlighting off, defaults kept', async () => {
  const p = await parameters(noHighlightApp);
  assert.equal(p.syntaxHighlight, false);
  for (const [key, value] of Object.entries(defaults)) assert.deepEqual(p[key], value, key);
});

test('how-to/configure-swagger-ui: a theme, passed as an object', async () => {
  const p = await parameters(themeApp);
  assert.deepEqual(p.syntaxHighlight, { theme: 'obsidian' });
  for (const [key, value] of Object.entries(defaults)) assert.deepEqual(p[key], value, key);
});

test('how-to/configure-swagger-ui: a default overridden', async () => {
  const p = await parameters(noDeepLinkingApp);
  assert.equal(p.deepLinking, false);
  assert.equal('syntaxHighlight' in p, false);
});

test('how-to/configure-swagger-ui: the route answers', async () => {
  const res = await new TestClient(noHighlightApp).get('/users/foo');
  assert.deepEqual(res.json(), { message: 'Hello foo' });
});
