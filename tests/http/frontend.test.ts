import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { HttpException, createApp, createRouter, dependency, frontend } from 'zigmund';
import { TestClient } from 'zigmund/testing';

const base = mkdtempSync(join(tmpdir(), 'zigmund-frontend-'));
after(() => rmSync(base, { recursive: true, force: true }));
let folders = 0;

/** A fresh build folder holding `files` (path → content). */
function dist(files: Record<string, string>): string {
  const root = join(base, `dist-${folders++}`);
  mkdirSync(root);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

const html = { accept: 'text/html' };

test('frontend: files are served, the API routes win, and an API 404 stays the API 404', async () => {
  const app = createApp();
  app.get('/api/users', () => ({ source: 'api' }));
  app.get('/api/missing', () => {
    throw new HttpException(404, 'api missing');
  });
  app.frontend('/', { directory: dist({ 'index.html': 'app shell', 'assets/app.js': 'run()', 'api/users': 'frontend' }) });
  const client = new TestClient(app);
  const asset = await client.get('/assets/app.js');
  assert.equal(asset.status, 200);
  assert.equal(asset.text, 'run()');
  assert.match(String(asset.headers['content-type']), /javascript/);
  assert.deepEqual((await client.get('/api/users', { headers: html })).json(), { source: 'api' });
  const apiMissing = await client.get('/api/missing', { headers: html });
  assert.equal(apiMissing.status, 404);
  assert.deepEqual(apiMissing.json(), { detail: 'api missing' });
  const root = await client.get('/', { headers: html });
  assert.equal(root.status, 200);
  assert.equal(root.text, 'app shell');
});

test('frontend: index.html answers browser navigations to client-side routes', async () => {
  const app = createApp().frontend('/', { directory: dist({ 'index.html': 'app shell' }), fallback: 'index.html' });
  const client = new TestClient(app);
  for (const [path, accept] of [
    ['/dashboard/settings', 'text/html'],
    ['/users/jane.doe', 'text/html'],
    ['/v/1.2.3', 'application/xhtml+xml'],
    ['/dashboard/settings', 'text/html; charset=utf-8; q=0.8'],
    ['/dashboard/settings', 'text/html;q=oops'],
  ] as const) {
    const res = await client.get(path, { headers: { accept } });
    assert.equal(res.status, 200, `${path} ${accept}`);
    assert.equal(res.text, 'app shell');
    assert.match(String(res.headers['content-type']), /^text\/html/);
  }
  const head = await client.head('/dashboard', { headers: html });
  assert.equal(head.status, 200);
  assert.equal(head.text, '');
});

test('frontend: the index fallback needs HTML accepted by name, with q above 0', async () => {
  const client = new TestClient(createApp().frontend('/', { directory: dist({ 'index.html': 'app shell' }), fallback: 'index.html' }));
  for (const [path, accept] of [
    ['/assets/missing.js', '*/*'],
    ['/assets/missing.css', 'text/css'],
    ['/assets/missing.png', 'image/png'],
    ['/api/missing', 'application/json'],
    ['/dashboard/settings', ''],
    ['/dashboard/settings', 'text/html; q=0.0'],
    ['/dashboard/settings', 'text/html; q=0, */*; q=1'],
    ['/dashboard/settings', 'application/xhtml+xml; q=0, */*; q=1'],
  ] as const) {
    const res = await client.get(path, { headers: { accept } });
    assert.equal(res.status, 404, `${path} ${accept}`);
    assert.deepEqual(res.json(), { detail: 'Not Found' });
  }
});

test('frontend: 404.html answers every missing path with status 404, and auto prefers it', async () => {
  const explicit = new TestClient(createApp().frontend('/', { directory: dist({ '404.html': 'missing' }), fallback: '404.html' }));
  const asset = await explicit.get('/assets/missing.js');
  assert.equal(asset.status, 404);
  assert.equal(asset.text, 'missing');
  const auto = new TestClient(createApp().frontend('/', { directory: dist({ 'index.html': 'app shell', '404.html': 'missing' }) }));
  const page = await auto.get('/dashboard', { headers: html });
  assert.equal(page.status, 404);
  assert.equal(page.text, 'missing');
});

test('frontend: auto falls back to index.html without a 404.html, to a plain 404 without either', async () => {
  const withIndex = await new TestClient(createApp().frontend('/', { directory: dist({ 'index.html': 'app shell' }) })).get('/dashboard', { headers: html });
  assert.equal(withIndex.status, 200);
  assert.equal(withIndex.text, 'app shell');
  const bare = await new TestClient(createApp().frontend('/', { directory: dist({}) })).get('/dashboard', { headers: html });
  assert.equal(bare.status, 404);
  assert.deepEqual(bare.json(), { detail: 'Not Found' });
  const none = await new TestClient(createApp().frontend('/', { directory: dist({ 'index.html': 'app shell' }), fallback: null })).get('/dashboard', { headers: html });
  assert.equal(none.status, 404);
  assert.deepEqual(none.json(), { detail: 'Not Found' });
});

test('frontend: a folder with an index.html is redirected to its trailing slash, then served', async () => {
  const client = new TestClient(createApp().frontend('/', { directory: dist({ 'about/index.html': 'about' }) }));
  const redirect = await client.get('/about');
  assert.equal(redirect.status, 307);
  assert.equal(redirect.headers.location, '/about/');
  const page = await client.get('/about/');
  assert.equal(page.status, 200);
  assert.equal(page.text, 'about');
});

test('frontend: a path spelled with leading slashes is redirected on this host, never to the host it names', async () => {
  const app = createApp().frontend('/', { directory: dist({ 'evil.example/index.html': 'folder', 'index.html': 'app' }) });
  const url = new URL(await app.serve({ port: 0 }));
  after(() => app.close());
  // Over a socket: a client library would read `//evil.example` as a host before sending it.
  const answer = await new Promise<{ status?: number; location?: string }>((resolve, reject) => {
    request({ host: url.hostname, port: url.port, path: '//evil.example', headers: html }, (res) => {
      res.resume();
      resolve({ status: res.statusCode, location: res.headers.location });
    })
      .on('error', reject)
      .end();
  });
  assert.deepEqual(answer, { status: 307, location: '/evil.example/' });
});

test('frontend: under a prefix, on segment boundaries, the longest prefix winning', async () => {
  const app = createApp();
  app.frontend('/', { directory: dist({ 'index.html': 'site' }), fallback: 'index.html' });
  app.frontend('/admin/', { directory: dist({ 'index.html': 'admin', 'asset.txt': 'ok' }), fallback: 'index.html' });
  const client = new TestClient(app);
  assert.equal((await client.get('/admin/settings', { headers: html })).text, 'admin');
  assert.equal((await client.get('/admin/asset.txt')).text, 'ok');
  assert.equal((await client.get('/administration', { headers: html })).text, 'site');
  const only = new TestClient(createApp().frontend('/app', { directory: dist({ 'index.html': 'app' }), fallback: 'index.html' }));
  assert.equal((await only.get('/application', { headers: html })).status, 404);
  const exact = await only.get('/app', { headers: html });
  assert.equal(exact.status, 200);
  assert.equal(exact.text, 'app');
});

test('frontend: other methods get 405 on a file, 404 where only the fallback would answer', async () => {
  const client = new TestClient(createApp().frontend('/', { directory: dist({ 'index.html': 'app shell', 'asset.txt': 'ok', 'docs/index.html': 'docs', 'empty/.keep': '' }) }));
  const onFile = await client.post('/asset.txt');
  assert.equal(onFile.status, 405);
  assert.equal(onFile.headers.allow, 'GET, HEAD');
  assert.equal((await client.put('/')).status, 405);
  assert.equal((await client.delete('/docs')).status, 405);
  for (const path of ['/dashboard', '/empty']) {
    const res = await client.post(path, { headers: html });
    assert.equal(res.status, 404, path);
    assert.deepEqual(res.json(), { detail: 'Not Found' });
  }
});

test('frontend: nothing outside the folder is served, symlinks and dot files included', async () => {
  const root = dist({ 'index.html': 'app shell', '.env': 'TOKEN=secret' });
  writeFileSync(join(base, 'secret.txt'), 'secret');
  symlinkSync(join(base, 'secret.txt'), join(root, 'link.txt'));
  const client = new TestClient(createApp().frontend('/', { directory: root, fallback: null }));
  for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/..%5csecret.txt', '/link.txt', '/.env']) {
    const res = await client.get(path);
    assert.equal(res.status, 404, path);
    assert.ok(!res.text.includes('secret'), path);
  }
});

test('frontend: app middleware runs for frontend answers; they are not in OpenAPI', async () => {
  const app = createApp();
  app.use(async (req, next) => {
    const res = await next();
    res.setHeader('x-seen', 'yes');
    return res;
  });
  app.frontend('/', { directory: dist({ 'index.html': 'app shell' }) });
  const res = await new TestClient(app).get('/dashboard', { headers: html });
  assert.equal(res.status, 200);
  assert.equal(res.headers['x-seen'], 'yes');
  assert.deepEqual((app.openapi() as { paths: unknown }).paths, {});
});

test('frontend: a missing folder or fallback file fails at build time, unless checkDir is false', async (t) => {
  const missing = join(base, 'not-built');
  assert.throws(() => frontend({ directory: missing }), /the directory .*not-built.* does not exist/);
  assert.throws(() => frontend({ directory: dist({}), fallback: 'index.html' }), /fallback file index\.html does not exist/);
  assert.throws(() => frontend({ directory: dist({}), fallback: 'other.html' as never }), /fallback must be/);
  const logged = t.mock.method(console, 'error', () => {});
  const late = new TestClient(createApp().frontend('/', { directory: missing, checkDir: false }));
  assert.equal((await late.get('/')).status, 500);
  assert.match(String(logged.mock.calls[0]?.arguments[1]), /not-built.*does not exist/);
  mkdirSync(missing);
  writeFileSync(join(missing, 'index.html'), 'built later');
  const res = await late.get('/');
  assert.equal(res.status, 200);
  assert.equal(res.text, 'built later');
});

test('frontend: with ZIGMUND_ENV=development a missing folder only warns', (t) => {
  const warn = t.mock.method(console, 'warn', () => {});
  process.env.ZIGMUND_ENV = 'development';
  try {
    assert.doesNotThrow(() => frontend({ directory: join(base, 'dev-missing') }));
    assert.match(String(warn.mock.calls[0]?.arguments[0]), /dev-missing.*does not exist/);
    assert.throws(() => frontend({ directory: join(base, 'dev-missing'), checkDir: true }), /does not exist/);
  } finally {
    delete process.env.ZIGMUND_ENV;
  }
});

test('router.frontend: served under the router\'s and the inclusion\'s prefixes, after the routes, also when added after the inclusion', async () => {
  const ui = createRouter({ prefix: '/ui' });
  ui.get('/api/me', () => ({ source: 'api' }));
  ui.frontend('/', { directory: dist({ 'index.html': 'ui index', 'assets/app.js': 'ui app' }) });
  const app = createApp();
  app.includeRouter(ui, { prefix: '/app' });
  const later = createRouter();
  app.includeRouter(later, { prefix: '/later' });
  later.frontend('/', { directory: dist({ 'index.html': 'later index' }) });
  const client = new TestClient(app);
  assert.equal((await client.get('/app/ui/assets/app.js')).text, 'ui app');
  const nav = await client.get('/app/ui/settings', { headers: html });
  assert.equal(nav.status, 200);
  assert.equal(nav.text, 'ui index');
  assert.deepEqual((await client.get('/app/ui/api/me')).json(), { source: 'api' });
  assert.equal((await client.get('/later/')).text, 'later index');
  assert.equal((await client.get('/assets/app.js')).status, 404);
});

test('router.frontend: refused under a router or inclusion with dependencies or middleware, which frontend answers would not run', () => {
  const guarded = createRouter({ dependencies: [dependency([], () => undefined)] });
  guarded.frontend('/', { directory: dist({ 'index.html': 'x' }) });
  assert.throws(() => createApp().includeRouter(guarded), /run no dependencies or router middleware/);
  const plain = createRouter();
  plain.frontend('/', { directory: dist({ 'index.html': 'x' }) });
  assert.throws(() => createApp().includeRouter(plain, { middleware: [async (_req, next) => next()] }), /run no dependencies or router middleware/);
});
