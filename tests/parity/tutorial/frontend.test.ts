import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createApp, frontend } from 'zigmund';
import { TestClient } from 'zigmund/testing';
import { apiApp, app, indexFallbackApp, noFallbackApp, notFoundPageApp, prefixedApp, uncheckedApp } from '../../../samples/parity/tutorial/frontend.js';

const file = (path: string) => readFileSync(fileURLToPath(new URL(`../../../../samples/parity/tutorial/files/frontend/${path}`, import.meta.url)), 'utf8');
const html = { accept: 'text/html' };

test('tutorial/frontend: a request for /assets/app.js serves dist/assets/app.js', async () => {
  for (const served of [app, uncheckedApp]) {
    const res = await new TestClient(served).get('/assets/app.js', { headers: html });
    assert.equal(res.status, 200);
    assert.equal(res.text, file('build/assets/app.js'));
    assert.match(String(res.headers['content-type']), /javascript/);
  }
  const index = await new TestClient(app).get('/', { headers: html });
  assert.equal(index.status, 200);
  assert.equal(index.text, file('build/index.html'));
});

test('tutorial/frontend: a path operation wins over the frontend; the frontend is not in OpenAPI', async () => {
  const client = new TestClient(apiApp);
  const res = await client.get('/api/users', { headers: html });
  assert.equal(res.status, 200);
  assert.deepEqual(res.json(), [{ name: 'Rick' }, { name: 'Morty' }]);
  assert.deepEqual(Object.keys((await client.get('/openapi.json')).json<{ paths: object }>().paths), ['/api/users']);
});

test('tutorial/frontend: client-side routes get index.html when the browser navigates to them', async () => {
  const client = new TestClient(indexFallbackApp);
  const res = await client.get('/dashboard/settings', { headers: html });
  assert.equal(res.status, 200);
  assert.equal(res.text, file('build/index.html'));
  assert.match(String(res.headers['content-type']), /^text\/html/);
});

test('tutorial/frontend: missing files, non-HTML requests and other methods still get 404', async () => {
  const client = new TestClient(indexFallbackApp);
  for (const [path, accept] of [
    ['/assets/missing.js', '*/*'],
    ['/assets/missing.css', 'text/css'],
    ['/dashboard/settings', 'application/json'],
  ] as const) {
    const res = await client.get(path, { headers: { accept } });
    assert.equal(res.status, 404, path);
    assert.deepEqual(res.json(), { detail: 'Not Found' });
  }
  const post = await client.post('/dashboard/settings', { headers: html });
  assert.equal(post.status, 404);
  assert.equal((await client.put('/dashboard', { headers: html })).status, 404);
});

test('tutorial/frontend: a custom 404.html page keeps the 404 status', async () => {
  const client = new TestClient(notFoundPageApp);
  for (const headers of [html, {}]) {
    const res = await client.get('/missing', { headers });
    assert.equal(res.status, 404);
    assert.equal(res.text, file('site/404.html'));
  }
  const about = await client.get('/about/', { headers: html });
  assert.equal(about.status, 200);
  assert.equal(about.text, file('site/about/index.html'));
});

test('tutorial/frontend: fallback auto uses 404.html when the folder has one, index.html otherwise', async () => {
  const site = fileURLToPath(new URL('../../../../samples/parity/tutorial/files/frontend/site', import.meta.url));
  const withPage = new TestClient(createApp().frontend('/', { directory: site }));
  const missing = await withPage.get('/dashboard', { headers: html });
  assert.equal(missing.status, 404);
  assert.equal(missing.text, file('site/404.html'));
  const spa = await new TestClient(app).get('/dashboard', { headers: html });
  assert.equal(spa.status, 200);
  assert.equal(spa.text, file('build/index.html'));
});

test('tutorial/frontend: under /app, as the page\'s router included with a prefix', async () => {
  const client = new TestClient(prefixedApp);
  const res = await client.get('/app/dashboard', { headers: html });
  assert.equal(res.status, 200);
  assert.equal(res.text, file('build/index.html'));
  assert.equal((await client.get('/app/assets/app.js')).text, file('build/assets/app.js'));
  assert.equal((await client.get('/dashboard', { headers: html })).status, 404);
});

test('tutorial/frontend: fallback null answers the normal 404', async () => {
  const res = await new TestClient(noFallbackApp).get('/dashboard', { headers: html });
  assert.equal(res.status, 404);
  assert.equal(res.text, '{"detail":"Not Found"}');
});

test('tutorial/frontend: a missing folder fails when the app is built, unless checkDir is false', () => {
  const missing = fileURLToPath(new URL('../../../../samples/parity/tutorial/files/frontend/not-built', import.meta.url));
  assert.throws(() => frontend({ directory: missing }), /does not exist/);
  assert.doesNotThrow(() => frontend({ directory: missing, checkDir: false }));
});
