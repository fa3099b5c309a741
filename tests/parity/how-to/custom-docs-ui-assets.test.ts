import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TestClient } from 'zigmund/testing';
import { app } from '../../../samples/parity/how-to/custom-docs-ui-assets.js';

const client = new TestClient(app);

test('how-to/custom-docs-ui-assets: Swagger UI loads its files from the app, not a CDN', async () => {
  const page = await client.get('/docs');
  assert.equal(page.status, 200);
  assert.ok(!/unpkg|jsdelivr|cdn\./.test(page.text));
  const scripts = [...page.text.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
  assert.ok(scripts.some((s) => s.endsWith('/swagger-ui-bundle.js')));
  assert.ok(scripts.some((s) => s.endsWith('/swagger-ui.css')));
  for (const url of scripts) {
    const res = await client.get(url);
    assert.equal(res.status, 200, url);
    assert.ok(res.body.length > 0, url);
  }
});

test('how-to/custom-docs-ui-assets: the OAuth2 redirect page', async () => {
  const page = await client.get('/docs/oauth2-redirect');
  assert.equal(page.status, 200);
  const src = /src="([^"]+oauth2-redirect\.js)"/.exec(page.text)![1]!;
  const script = await client.get(src);
  assert.equal(script.status, 200);
  assert.ok(script.text.includes('swaggerUIRedirectOauth2'));
});

test('how-to/custom-docs-ui-assets: ReDoc loads its bundle from the app', async () => {
  const page = await client.get('/redoc');
  assert.equal(page.status, 200);
  const src = /src="([^"]+redoc\.standalone\.js)"/.exec(page.text)![1]!;
  assert.ok(src.startsWith('/redoc/assets/'));
  assert.equal((await client.get(src)).status, 200);
});

test('how-to/custom-docs-ui-assets: the API', async () => {
  const res = await client.get('/users/john');
  assert.equal(res.status, 200);
  assert.equal((res.json() as { message: string }).message, 'Hello john');
});
