import 'reflect-metadata';
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp, staticFiles } from 'zigmund';

const SECRET = 'TOP-SECRET-4f1c';
const base = mkdtempSync(join(tmpdir(), 'zigmund-static-'));
const outside = join(base, 'outside');
const pub = join(base, 'public');
mkdirSync(outside);
mkdirSync(join(pub, 'docs'), { recursive: true });
mkdirSync(join(pub, 'empty'));
writeFileSync(join(outside, 'secret.txt'), SECRET);
writeFileSync(join(base, 'secret.txt'), SECRET);
writeFileSync(join(pub, 'index.html'), '<h1>home</h1>');
writeFileSync(join(pub, 'app.js'), 'console.log(1);');
writeFileSync(join(pub, 'docs', 'index.html'), '<h1>docs</h1>');
writeFileSync(join(pub, '404.html'), '<h1>lost</h1>');
writeFileSync(join(pub, '.env'), `TOKEN=${SECRET}`);
symlinkSync(outside, join(pub, 'link-out'));
symlinkSync(join(outside, 'secret.txt'), join(pub, 'link-file.txt'));
symlinkSync(join(pub, 'app.js'), join(pub, 'link-in.js'));

const app = createApp({ logStartup: false, handleSignals: false });
app.get('/static/override', () => ({ route: 'wins' }));
app.mount('/static', staticFiles({ directory: pub }));
app.mount('/site', staticFiles({ directory: pub, html: true }));
const url = await app.serve({ port: 0 });
after(async () => {
  await app.close();
  rmSync(base, { recursive: true, force: true });
});

/** A GET with the path sent exactly as written (fetch would resolve `..` and `\` first). */
function rawGet(path: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: app.port, path, headers, method: 'GET' }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

test('serves a file with its type, ETag and Last-Modified; a Range gives 206', async () => {
  const res = await rawGet('/static/app.js');
  assert.equal(res.status, 200);
  assert.equal(res.body, 'console.log(1);');
  assert.match(String(res.headers['content-type']), /^(application|text)\/javascript/);
  assert.ok(res.headers.etag);
  assert.ok(res.headers['last-modified']);
  const partial = await rawGet('/static/app.js', { range: 'bytes=0-6' });
  assert.equal(partial.status, 206);
  assert.equal(partial.body, 'console');
  const cached = await rawGet('/static/app.js', { 'if-none-match': String(res.headers.etag) });
  assert.equal(cached.status, 304);
});

test('a symlink that stays inside the folder is served', async () => {
  const res = await rawGet('/static/link-in.js');
  assert.equal(res.status, 200);
  assert.equal(res.body, 'console.log(1);');
});

test('missing files are a JSON 404; folders are not listed', async () => {
  for (const path of ['/static/nope.txt', '/static/docs', '/static/docs/', '/static/', '/static']) {
    const res = await rawGet(path);
    assert.equal(res.status, 404, path);
    assert.deepEqual(JSON.parse(res.body), { detail: 'Not Found' }, path);
  }
});

test("the app's own routes win over the mount", async () => {
  const res = await rawGet('/static/override');
  assert.deepEqual(JSON.parse(res.body), { route: 'wins' });
});

test('only GET and HEAD: other methods are 405', async () => {
  const res = await fetch(`${url}/static/app.js`, { method: 'POST' });
  assert.equal(res.status, 405);
  assert.equal(res.headers.get('allow'), 'GET, HEAD');
  const head = await fetch(`${url}/static/app.js`, { method: 'HEAD' });
  assert.equal(head.status, 200);
  assert.equal(head.headers.get('content-length'), '15');
});

const TRAVERSALS = [
  '/static/../secret.txt',
  '/static/../outside/secret.txt',
  '/static/%2e%2e/secret.txt',
  '/static/%2E%2E%2Fsecret.txt',
  '/static/..%2fsecret.txt',
  '/static/..%2Foutside%2Fsecret.txt',
  '/static/%252e%252e%252fsecret.txt',
  '/static/%252e%252e/secret.txt',
  '/static/..\\secret.txt',
  '/static/..%5csecret.txt',
  '/static/..%5Coutside%5Csecret.txt',
  '/static/docs/..%2f..%2fsecret.txt',
  '/static/....//secret.txt',
  '/static//etc/passwd',
  '/static/%2fetc%2fpasswd',
  '/static/secret.txt%00.js',
  '/static/app.js%00',
  '/static/link-out/secret.txt',
  '/static/link-file.txt',
  '/static/.env',
  '/static/%2eenv',
  '/static/%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd',
  '/static/%c0%ae%c0%ae/secret.txt',
  '/site/../secret.txt',
  '/site/link-out/secret.txt',
  '/site/%2e%2e/outside/secret.txt',
];

for (const path of TRAVERSALS) {
  test(`refuses ${path} with nothing leaked`, async () => {
    const res = await rawGet(path);
    assert.ok(res.status === 404 || res.status === 400, `${path} answered ${res.status}`);
    assert.ok(!res.body.includes(SECRET), `${path} leaked the secret`);
    assert.ok(!res.body.includes('root:'), `${path} leaked /etc/passwd`);
  });
}

test('html mode serves index.html for a folder and redirects a folder without its slash', async () => {
  const home = await rawGet('/site/');
  assert.equal(home.status, 200);
  assert.equal(home.body, '<h1>home</h1>');
  assert.match(String(home.headers['content-type']), /^text\/html/);
  const docs = await rawGet('/site/docs/');
  assert.equal(docs.body, '<h1>docs</h1>');
  const redirect = await rawGet('/site/docs?x=1');
  assert.equal(redirect.status, 307);
  assert.equal(redirect.headers.location, '/site/docs/?x=1');
});

test("html mode answers a miss with the folder's 404.html and status 404", async () => {
  const res = await rawGet('/site/nope', { 'if-modified-since': new Date().toUTCString() });
  assert.equal(res.status, 404);
  assert.equal(res.body, '<h1>lost</h1>');
  const noIndex = await rawGet('/site/empty/');
  assert.equal(noIndex.status, 404);
  assert.equal(noIndex.body, '<h1>lost</h1>');
});

test('staticFiles() refuses a directory that does not exist', () => {
  assert.throws(() => staticFiles({ directory: join(base, 'missing') }), /does not exist/);
});
